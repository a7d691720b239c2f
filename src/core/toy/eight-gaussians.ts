/**
 * 8gaussians (FFJORD toy_data.py): a point is c_k + N(0, 0.5² I) with c_k one of the eight
 * unit directions (±1, 0), (0, ±1), (±1/√2, ±1/√2) times 4, chosen uniformly; then the
 * whole point is divided by 1.414 (not √2). So the density is exactly the mixture
 *
 *   p(x) = (1/8) Σ_k N(x; 4·u_k / 1.414, σ² I),   σ = 0.5 / 1.414 ≈ 0.35361,
 *
 * with centres on the circle of radius 4/1.414 ≈ 2.8289.
 */
import type { PointSet, Rng } from '../types';
import { assertCount, createPointSet } from './point-set';

const SCALE = 4;
const DIVISOR = 1.414;
const INV_SQRT2 = 1 / Math.sqrt(2);
const UNIT_DIRECTIONS: readonly (readonly [number, number])[] = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
  [INV_SQRT2, INV_SQRT2],
  [INV_SQRT2, -INV_SQRT2],
  [-INV_SQRT2, INV_SQRT2],
  [-INV_SQRT2, -INV_SQRT2],
];

/** Component standard deviation after the ÷1.414 scaling: 0.5 / 1.414. */
export const EIGHT_GAUSSIANS_SIGMA = 0.5 / DIVISOR;

/** The 8 component centres after scaling, row-major [8, 2]. */
export const EIGHT_GAUSSIANS_CENTRES: Float64Array = Float64Array.from(
  UNIT_DIRECTIONS.flatMap(([ux, uy]) => [(SCALE * ux) / DIVISOR, (SCALE * uy) / DIVISOR]),
);

/** Samples n points of 8gaussians, [n, 2]. */
export function sampleEightGaussians(n: number, rng: Rng): PointSet {
  assertCount(n);
  const points = createPointSet(n, 2);
  for (let i = 0; i < n; i++) {
    const x = rng.normal() * 0.5;
    const y = rng.normal() * 0.5;
    const [ux, uy] = UNIT_DIRECTIONS[rng.int(8)];
    points.data[2 * i] = (x + SCALE * ux) / DIVISOR;
    points.data[2 * i + 1] = (y + SCALE * uy) / DIVISOR;
  }
  return points;
}

const LOG_COMPONENT_NORMALISER = -Math.log(8) - Math.log(2 * Math.PI * EIGHT_GAUSSIANS_SIGMA ** 2);

/** Exact log p(x1, x2) of 8gaussians, by a log-sum-exp over the 8 components. */
export function eightGaussiansLogDensity(x1: number, x2: number): number {
  const c = EIGHT_GAUSSIANS_CENTRES;
  const inv2s2 = 1 / (2 * EIGHT_GAUSSIANS_SIGMA ** 2);
  let maxTerm = Number.NEGATIVE_INFINITY;
  const terms = new Float64Array(8);
  for (let k = 0; k < 8; k++) {
    const dx = x1 - c[2 * k];
    const dy = x2 - c[2 * k + 1];
    terms[k] = -(dx * dx + dy * dy) * inv2s2;
    if (terms[k] > maxTerm) maxTerm = terms[k];
  }
  if (!Number.isFinite(maxTerm)) return Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (let k = 0; k < 8; k++) sum += Math.exp(terms[k] - maxTerm);
  return maxTerm + Math.log(sum) + LOG_COMPONENT_NORMALISER;
}
