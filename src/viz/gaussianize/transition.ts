/**
 * Animated point transitions: every point moves on a straight line from its place in one
 * cloud to its place in the next (the same point, index i, in both), with smooth easing.
 */

/** Cubic ease-in-out on [0, 1]: 0 → 0, ½ → ½, 1 → 1, zero slope at both ends. */
export function easeInOut(t: number): number {
  const s = Math.min(1, Math.max(0, t));
  return s < 0.5 ? 4 * s * s * s : 1 - (-2 * s + 2) ** 3 / 2;
}

/** out_i = (1 − t)·from_i + t·to_i for clouds of equal length (t eased by the caller). */
export function interpolateClouds(
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  t: number,
  out: Float32Array = new Float32Array(from.length),
): Float32Array {
  if (from.length !== to.length)
    throw new Error(`clouds differ in length: ${from.length} vs ${to.length}`);
  for (let i = 0; i < from.length; i++) out[i] = from[i] + t * (to[i] - from[i]);
  return out;
}

/** A square view [−h, h]² holding the 99th percentile of |coordinate| over the clouds (h ≥ 3). */
export function cloudHalfWidth(...clouds: ArrayLike<number>[]): number {
  const values: number[] = [];
  for (const cloud of clouds)
    for (let i = 0; i < cloud.length; i++)
      if (Number.isFinite(cloud[i])) values.push(Math.abs(cloud[i]));
  if (values.length === 0) return 3;
  values.sort((a, b) => a - b);
  const q = values[Math.min(values.length - 1, Math.floor(0.99 * values.length))];
  return Math.max(3, Math.ceil(q * 1.15 * 2) / 2);
}
