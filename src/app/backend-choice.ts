/**
 * The page's side of the measured backend choice (compute/backend-measure.ts): the device key
 * (browser + GPU; workers have no localStorage, so the page reads and writes it), and, when
 * nothing is remembered for this device and `?backend=` forces nothing, one measurement after
 * the first frame in a second, short-lived worker, whose timings the page's worker adopts.
 */
import * as Comlink from 'comlink';
import type { BackendReport, ComputeApi } from '../compute/api';
import { createComputeWorker, type ComputeClient } from './compute-client';

/** Time for the timed steps themselves, all backends together. */
const MEASURE_BUDGET_MS = 1000;
/** The measuring worker is stopped if it has not answered by then (start-up and shader compiles included). */
const MEASURE_TIMEOUT_MS = 30_000;

/** Browser name and major version from the user-agent string, e.g. "Chrome 139". */
function browserIdentity(userAgent: string): string {
  for (const [pattern, name] of [
    [/Firefox\/(\d+)/, 'Firefox'],
    [/Edg\/(\d+)/, 'Edge'],
    [/OPR\/(\d+)/, 'Opera'],
    [/Chrom(?:e|ium)\/(\d+)/, 'Chrome'],
    [/Version\/(\d+).*Safari/, 'Safari'],
  ] as const) {
    const m = pattern.exec(userAgent);
    if (m) return `${name} ${m[1]}`;
  }
  return 'unknown browser';
}

/** The GPU as WebGL names it (unmasked renderer where the browser allows), from a throw-away context. */
function gpuIdentity(): string {
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return 'no WebGL';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return renderer.slice(0, 120) || 'unknown GPU';
  } catch {
    return 'unknown GPU';
  }
}

let key: string | null = null;

/** localStorage key of this browser and GPU (computed once). */
function deviceKey(): string {
  key ??= `flowlab.backend.v1:${browserIdentity(navigator.userAgent)}|${gpuIdentity()}`;
  return key;
}

/** The stored choice for this device (raw JSON for the worker), or null; never throws (storage may be blocked). */
export function rememberedChoice(): string | null {
  try {
    return window.localStorage.getItem(deviceKey());
  } catch {
    return null;
  }
}

function remember(report: BackendReport): void {
  if (!report.measurement) return;
  try {
    window.localStorage.setItem(deviceKey(), JSON.stringify({ backend: report.active, text: report.measurement }));
  } catch {
    // Storage blocked (private mode, sandboxed frame): measure again next time.
  }
}

/** Measures in a second worker, lets `api` adopt the fastest, stores it; resolves the new report (null if nothing was measured). */
export async function measureAndAdopt(api: ComputeClient): Promise<BackendReport | null> {
  const worker = createComputeWorker();
  const probe = Comlink.wrap<ComputeApi>(worker);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), MEASURE_TIMEOUT_MS)));
    const timings = await Promise.race([probe.measureBackends(MEASURE_BUDGET_MS), timeout]);
    if (!timings) return null;
    const report = await api.adoptMeasuredBackend(timings);
    remember(report);
    return report;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
    worker.terminate();
  }
}

/** After the first frame: two animation frames, then the page is idle enough to start the measurement. */
export function afterFirstFrame(run: () => void): void {
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(run, 0)));
}
