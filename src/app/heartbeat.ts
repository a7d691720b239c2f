/**
 * The page's heartbeat to the compute worker: a ping every few seconds. A worker that leaves
 * a ping unanswered for HUNG_AFTER_MS is hung (a runaway loop, a kernel that never returns):
 * `onHung` then lets compute-client.ts terminate and replace it. Training slices yield every
 * ~60 ms, so a healthy worker answers within a slice; the limit is generous because a software
 * WebGPU adapter can compile kernels for seconds on a busy machine.
 */
const HEARTBEAT_INTERVAL_MS = 2_000;
const HUNG_AFTER_MS = 15_000;

/** How often the page pings and how long an unanswered ping may stay out. */
export interface HeartbeatTiming {
  intervalMs: number;
  hungAfterMs: number;
}

declare global {
  interface Window {
    /**
     * Test-only: a browser test's init script sets this before the app starts, so that its hung
     * worker is found in seconds (tests/e2e/session.e2e.ts). No URL parameter reaches it.
     */
    __flowlabHeartbeatForTesting?: Partial<HeartbeatTiming>;
  }
}

/**
 * The production timing, unless a test set `window.__flowlabHeartbeatForTesting` (read at
 * each worker start; values that are not finite numbers ≥ 100 ms are ignored).
 */
export function heartbeatTiming(
  override: Partial<HeartbeatTiming> | undefined = typeof window === 'undefined' ? undefined : window.__flowlabHeartbeatForTesting,
): HeartbeatTiming {
  const pick = (value: unknown, fallback: number) =>
    typeof value === 'number' && Number.isFinite(value) && value >= 100 ? value : fallback;
  return {
    intervalMs: pick(override?.intervalMs, HEARTBEAT_INTERVAL_MS),
    hungAfterMs: pick(override?.hungAfterMs, HUNG_AFTER_MS),
  };
}

/** Starts pinging; returns a stop function. `onHung(silentMs)` is called at most once. */
export function startHeartbeat(
  ping: () => Promise<unknown>,
  onHung: (silentMs: number) => void,
  { intervalMs, hungAfterMs }: HeartbeatTiming = heartbeatTiming(),
): () => void {
  /** When the unanswered ping was sent; null while none is outstanding. */
  let waitingSince: number | null = null;
  const answered = () => {
    waitingSince = null;
  };
  const timer = setInterval(() => {
    const now = Date.now();
    if (waitingSince === null) {
      waitingSince = now;
      ping().then(answered, answered);
    } else if (now - waitingSince >= hungAfterMs) {
      clearInterval(timer);
      onHung(now - waitingSince);
    }
  }, intervalMs);
  return () => clearInterval(timer);
}
