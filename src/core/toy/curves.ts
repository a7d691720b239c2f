/**
 * Toy sets built from evenly spaced points on curves plus Gaussian noise (FFJORD
 * toy_data.py, with sklearn's make_moons / make_circles). Rows are shuffled, so any prefix
 * of a sample is itself a fair sample.
 */
import type { PointSet, Rng } from '../types';
import { assertCount, linspace, pointSetFromRows, shuffleRows } from './point-set';

/**
 * moons: ⌊n/2⌋ points (cos t, sin t) and the rest (1 − cos t, 1 − sin t − ½), t evenly over
 * [0, π] (ends included), each + N(0, noise² I); then ×2 and + (−1, −0.2). [n, 2].
 */
export function sampleMoons(n: number, rng: Rng, noise = 0.1): PointSet {
  assertCount(n);
  const outer = Math.floor(n / 2);
  const rows = new Float64Array(2 * n);
  const tOuter = linspace(0, Math.PI, outer, true);
  const tInner = linspace(0, Math.PI, n - outer, true);
  for (let i = 0; i < n; i++) {
    const isOuter = i < outer;
    const t = isOuter ? tOuter[i] : tInner[i - outer];
    const x = isOuter ? Math.cos(t) : 1 - Math.cos(t);
    const y = isOuter ? Math.sin(t) : 1 - Math.sin(t) - 0.5;
    rows[2 * i] = 2 * (x + noise * rng.normal()) - 1;
    rows[2 * i + 1] = 2 * (y + noise * rng.normal()) - 0.2;
  }
  shuffleRows(rows, n, 2, rng);
  return pointSetFromRows(rows, 2);
}

/**
 * circles: ⌊n/2⌋ points on the unit circle and the rest on the circle of radius ½, angles
 * evenly over [0, 2π) (end excluded), each + N(0, noise² I); then ×3. [n, 2].
 */
export function sampleCircles(n: number, rng: Rng, noise = 0.08): PointSet {
  assertCount(n);
  const outer = Math.floor(n / 2);
  const rows = new Float64Array(2 * n);
  const tOuter = linspace(0, 2 * Math.PI, outer, false);
  const tInner = linspace(0, 2 * Math.PI, n - outer, false);
  for (let i = 0; i < n; i++) {
    const isOuter = i < outer;
    const radius = isOuter ? 1 : 0.5;
    const t = isOuter ? tOuter[i] : tInner[i - outer];
    rows[2 * i] = 3 * (radius * Math.cos(t) + noise * rng.normal());
    rows[2 * i + 1] = 3 * (radius * Math.sin(t) + noise * rng.normal());
  }
  shuffleRows(rows, n, 2, rng);
  return pointSetFromRows(rows, 2);
}

/** The radii of the rings set, after the ×3 scaling, outermost first. */
export const RING_RADII: readonly number[] = [3, 2.25, 1.5, 0.75];

/**
 * rings: concentric circles of radius 1, 0.75, 0.5, 0.25 (×3), ⌊n/4⌋ points on each of the
 * outer three and the rest on the innermost, angles evenly over [0, 2π); then
 * + N(0, noise² I) after scaling. [n, 2].
 */
export function sampleRings(n: number, rng: Rng, noise = 0.08): PointSet {
  assertCount(n);
  const quarter = Math.floor(n / 4);
  const counts = [quarter, quarter, quarter, n - 3 * quarter];
  const rows = new Float64Array(2 * n);
  let row = 0;
  counts.forEach((count, ring) => {
    const angles = linspace(0, 2 * Math.PI, count, false);
    for (const t of angles) {
      rows[2 * row] = RING_RADII[ring] * Math.cos(t);
      rows[2 * row + 1] = RING_RADII[ring] * Math.sin(t);
      row++;
    }
  });
  shuffleRows(rows, n, 2, rng);
  for (let i = 0; i < 2 * n; i++) rows[i] += noise * rng.normal();
  return pointSetFromRows(rows, 2);
}
