/** Small helpers shared by the toy samplers: allocation, validation, row shuffling. */
import type { PointSet, Rng } from '../types';

/** Throws unless n is a non-negative safe integer (a sample count). */
export function assertCount(n: number, what = 'n'): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new Error(`${what} must be a non-negative integer, got ${n}`);
  }
}

/** A zero-filled PointSet of shape [n, dim]. */
export function createPointSet(n: number, dim: number): PointSet {
  assertCount(n);
  return { data: new Float32Array(n * dim), n, dim };
}

/** Fisher–Yates shuffle of the rows of a row-major [n, dim] array, in place. */
export function shuffleRows(
  data: Float64Array | Float32Array,
  n: number,
  dim: number,
  rng: Rng,
): void {
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    if (j === i) continue;
    for (let k = 0; k < dim; k++) {
      const t = data[i * dim + k];
      data[i * dim + k] = data[j * dim + k];
      data[j * dim + k] = t;
    }
  }
}

/** Rounds a float64 row-major [n, dim] array into a float32 PointSet. */
export function pointSetFromRows(rows: Float64Array, dim: number): PointSet {
  return { data: Float32Array.from(rows), n: rows.length / dim, dim };
}

/** Evenly spaced values: `count` points from start to stop (stop included iff endpoint). */
export function linspace(
  start: number,
  stop: number,
  count: number,
  endpoint: boolean,
): Float64Array {
  const out = new Float64Array(count);
  const divisions = endpoint ? count - 1 : count;
  const step = divisions > 0 ? (stop - start) / divisions : 0;
  for (let i = 0; i < count; i++) out[i] = start + i * step;
  return out;
}
