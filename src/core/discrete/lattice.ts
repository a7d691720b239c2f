/**
 * Integer-valued 2-D data: a probability mass function P on a handful of lattice points, the
 * discretised two-component Gaussian mixture
 *
 *   P(i, j) ∝ Σ_k ½·exp(−‖(i, j) − m_k‖² / (2 s²)),   (i, j) ∈ {−R … R}²,
 *
 * keeping the points with at least `minMass` of the unnormalised total (renormalised), so
 * the support is a few dozen points. Its discrete entropy H(P) = −Σ P log P (nats) is exact.
 */
import type { PointSet, Rng } from '../types';
import { assertCount, createPointSet } from '../toy/point-set';

export interface LatticePmf {
  /** Lattice points, row-major [m, 2], integer coordinates. */
  points: Float64Array;
  /** P(x_k) for each point, [m], summing to 1. */
  probs: Float64Array;
  /** Cumulative sums of probs, [m] (the last is 1), for sampling. */
  cumulative: Float64Array;
}

export interface LatticeOptions {
  /** Half-width R of the square {−R … R}² (default 3). */
  radius?: number;
  /** Component centres m_k, [[x, y], …] (default (−1.2, −0.8) and (1.4, 1.1)). */
  centres?: readonly (readonly [number, number])[];
  /** Component spread s (default 0.8). */
  spread?: number;
  /** Relative mass below which a point is dropped (default 0.005). */
  minMass?: number;
}

const DEFAULT_CENTRES: readonly (readonly [number, number])[] = [
  [-1.2, -0.8],
  [1.4, 1.1],
];

/** The lattice pmf described above (deterministic: no Rng). */
export function latticePmf(options: LatticeOptions = {}): LatticePmf {
  const radius = options.radius ?? 3;
  const centres = options.centres ?? DEFAULT_CENTRES;
  const spread = options.spread ?? 0.8;
  const minMass = options.minMass ?? 0.005;
  if (!Number.isInteger(radius) || radius < 1)
    throw new Error(`radius must be a positive integer, got ${radius}`);
  const raw: [number, number, number][] = [];
  let total = 0;
  for (let i = -radius; i <= radius; i++) {
    for (let j = -radius; j <= radius; j++) {
      let w = 0;
      for (const [cx, cy] of centres)
        w += Math.exp(-((i - cx) ** 2 + (j - cy) ** 2) / (2 * spread * spread)) / centres.length;
      raw.push([i, j, w]);
      total += w;
    }
  }
  const kept = raw.filter(([, , w]) => w >= minMass * total);
  const mass = kept.reduce((s, [, , w]) => s + w, 0);
  const points = new Float64Array(kept.length * 2);
  const probs = new Float64Array(kept.length);
  const cumulative = new Float64Array(kept.length);
  let running = 0;
  kept.forEach(([i, j, w], k) => {
    points[2 * k] = i;
    points[2 * k + 1] = j;
    probs[k] = w / mass;
    running += probs[k];
    cumulative[k] = running;
  });
  cumulative[kept.length - 1] = 1;
  return { points, probs, cumulative };
}

/** H(P) = −Σ_k P_k log P_k in nats (terms with P_k = 0 contribute 0). */
export function discreteEntropy(probs: ArrayLike<number>): number {
  let h = 0;
  for (let k = 0; k < probs.length; k++) if (probs[k] > 0) h -= probs[k] * Math.log(probs[k]);
  return h;
}

/** Index k of the lattice point for a uniform u ∈ [0, 1): the first with cumulative > u. */
function pickIndex(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** n draws x ~ P, [n, 2] (integer coordinates). */
export function sampleLattice(pmf: LatticePmf, n: number, rng: Rng): PointSet {
  assertCount(n);
  const out = createPointSet(n, 2);
  for (let s = 0; s < n; s++) {
    const k = pickIndex(pmf.cumulative, rng.uniform());
    out.data[2 * s] = pmf.points[2 * k];
    out.data[2 * s + 1] = pmf.points[2 * k + 1];
  }
  return out;
}

/** Uniform dequantization in place: x ← x + u, u ~ U[0, 1)², for every row of [n, 2]. */
export function dequantize(points: PointSet, rng: Rng): PointSet {
  for (let k = 0; k < points.data.length; k++) points.data[k] += rng.uniform();
  return points;
}
