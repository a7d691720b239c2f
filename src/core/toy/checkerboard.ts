/**
 * checkerboard (FFJORD toy_data.py): x₁ ~ U[−2, 2), x₂ = U[0, 1) − 2B + (⌊x₁⌋ mod 2) with
 * B ~ Bernoulli(½); both ×2. The result is uniform on the 8 "black" squares of side 2 in
 * [−4, 4)², those with ⌊x₁/2⌋ + ⌊x₂/2⌋ even: density 1/32 there, 0 elsewhere, and
 * entropy ln 32 ≈ 3.4657 nats.
 */
import type { PointSet, Rng } from '../types';
import { assertCount, createPointSet } from './point-set';

/** Total area of the 8 black squares. */
export const CHECKERBOARD_AREA = 32;

/** Python's floor-mod: the result has the sign of the divisor. */
const floorMod = (a: number, m: number): number => ((a % m) + m) % m;

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The largest float32 strictly below u (u a finite float32). */
function previousFloat32(u: number): number {
  f32[0] = u;
  if (u > 0) u32[0] -= 1;
  else if (u < 0) u32[0] += 1;
  else return -1.4e-45;
  return f32[0];
}

/**
 * v ∈ [lower, lower + 2) rounded to float32 without landing on lower + 2 (rounding to
 * nearest could move a point from one square into the next).
 */
function toFloat32InSquare(v: number, lower: number): number {
  const rounded = Math.fround(v);
  return rounded >= lower + 2 ? previousFloat32(lower + 2) : rounded;
}

/** Samples n points of checkerboard, [n, 2]. */
export function sampleCheckerboard(n: number, rng: Rng): PointSet {
  assertCount(n);
  const points = createPointSet(n, 2);
  for (let i = 0; i < n; i++) {
    const x1 = rng.uniform() * 4 - 2;
    const x2 = rng.uniform() - 2 * rng.int(2) + floorMod(Math.floor(x1), 2);
    points.data[2 * i] = toFloat32InSquare(2 * x1, 2 * Math.floor(x1));
    points.data[2 * i + 1] = toFloat32InSquare(2 * x2, 2 * Math.floor(x2));
  }
  return points;
}

/** True iff (x1, x2) lies in one of the 8 black squares (half-open, as sampled). */
export function isInCheckerboard(x1: number, x2: number): boolean {
  if (!(x1 >= -4 && x1 < 4 && x2 >= -4 && x2 < 4)) return false;
  return floorMod(Math.floor(x1 / 2) + Math.floor(x2 / 2), 2) === 0;
}

/** Exact log p: ln(1/32) on the black squares, −∞ elsewhere. */
export function checkerboardLogDensity(x1: number, x2: number): number {
  return isInCheckerboard(x1, x2) ? -Math.log(CHECKERBOARD_AREA) : Number.NEGATIVE_INFINITY;
}
