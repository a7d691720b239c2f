/**
 * Timing tfjs operations so that the first numbers a class sees are right: every operation
 * runs untimed first (kernel and shader compilation, buffer allocation, JIT), then the timed
 * runs go round-robin over the operations (background load hits all of them alike), and each
 * operation reports the median of its timed runs. A run reads its result back, so it times the
 * whole computation, not just its dispatch. On the synchronous backends (WASM, CPU) the readback
 * is `dataSync()`: an awaited readback would let other work queued in the worker (e.g. the
 * lab's first density grid at start-up) run inside the timed interval; measured here, that made
 * the first D = 2 figures about ten times too large. GPU backends await `data()`. Shared by the
 * cost lab and the stepper's trade-off table.
 */
import { tf } from './tf';
import { median } from '../core/stats';
import { yieldToMessages } from './session/yield';

export interface TimingOptions {
  /** Untimed rounds over all operations before timing (at least 1). */
  warmupRounds: number;
  /** Timed rounds; each operation reports the median of this many runs. */
  rounds: number;
}

export const DEFAULT_TIMING: TimingOptions = { warmupRounds: 2, rounds: 7 };

/** Backends whose kernels run synchronously in this thread (dataSync stalls nothing there). */
const SYNCHRONOUS_BACKENDS = new Set(['wasm', 'cpu']);

/** Milliseconds for one run of f, including the readback of its result. */
async function timeOnce(f: () => tf.Tensor): Promise<number> {
  const synchronous = SYNCHRONOUS_BACKENDS.has(tf.getBackend());
  const t0 = performance.now();
  const out = tf.tidy(f);
  if (synchronous) out.dataSync();
  else await out.data();
  out.dispose();
  return performance.now() - t0;
}

/**
 * Median ms of each operation (same order), after the warm-up rounds; null when
 * `cancelled()` turned true (checked between rounds).
 */
export async function medianTimes(
  operations: readonly (() => tf.Tensor)[],
  options: TimingOptions = DEFAULT_TIMING,
  cancelled: () => boolean = () => false,
): Promise<number[] | null> {
  const times = operations.map(() => [] as number[]);
  const warmup = Math.max(1, options.warmupRounds);
  for (let round = 0; round < warmup + options.rounds; round++) {
    await yieldToMessages(); // a cancel sent to the worker is delivered between rounds
    if (cancelled()) return null;
    for (let k = 0; k < operations.length; k++) {
      const ms = await timeOnce(operations[k]);
      if (round >= warmup) times[k].push(ms);
    }
  }
  return times.map((t) => median(t));
}
