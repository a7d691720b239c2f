/**
 * A D-dimensional toy with an exact density (D = 1 … 256; used for D = 2 … 64): a mixture of
 * K correlated Gaussians whose structure is fixed by a seed, not by the sampling Rng,
 *
 *   p(x) = Σ_k w_k N(x; μ_k, L_k L_kᵀ),
 *
 * with, drawn once from createRng(structureSeed + 7919·D):
 *   w_k ∝ 1 + U,                 μ_k = meanScale · N(0, I_D),
 *   L_k lower-triangular, (L_k)_ii = 0.4 + 0.6·U, (L_k)_ij = 0.8·N / √i for j < i,
 * so every coordinate has variance ≈ 0.5–1.3 within a component at any D.
 * log N(x; μ, LLᵀ) = −½‖L⁻¹(x − μ)‖² − Σ_i log L_ii − (D/2) ln 2π (forward substitution).
 */
import { createRng } from '../rng';
import type { PointSet, PointSet64, Rng } from '../types';
import { assertCount, createPointSet } from './point-set';

export interface CorrelatedMixtureOptions {
  /** Number of components K (default 3). */
  components?: number;
  /** Seed of the fixed structure (default 2024). */
  structureSeed?: number;
  /** Spread of the component means (default 1.5). */
  meanScale?: number;
}

export interface CorrelatedMixture {
  dim: number;
  components: number;
  /** Mixture weights, [K], summing to 1. */
  weights: Float64Array;
  /** Component means, row-major [K, D]. */
  means: Float64Array;
  /** Lower-triangular Cholesky factors of the covariances, row-major [K, D, D]. */
  choleskyFactors: Float64Array;
  /** Σ_i log (L_k)_ii, [K]. */
  logDetCholesky: Float64Array;
}

export const MAX_MIXTURE_DIM = 256;
const cache = new Map<string, CorrelatedMixture>();

/** The memoised mixture of a given dimension and options. */
export function correlatedMixture(
  dim: number,
  options: CorrelatedMixtureOptions = {},
): CorrelatedMixture {
  const { components = 3, structureSeed = 2024, meanScale = 1.5 } = options;
  if (!Number.isInteger(dim) || dim < 1 || dim > MAX_MIXTURE_DIM) {
    throw new Error(`dim must be an integer in [1, ${MAX_MIXTURE_DIM}], got ${dim}`);
  }
  if (!Number.isInteger(components) || components < 1) {
    throw new Error(`components must be a positive integer, got ${components}`);
  }
  const key = `${dim}|${components}|${structureSeed}|${meanScale}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const rng = createRng(structureSeed + 7919 * dim);
  const weights = new Float64Array(components);
  for (let k = 0; k < components; k++) weights[k] = 1 + rng.uniform();
  const total = weights.reduce((a, b) => a + b, 0);
  for (let k = 0; k < components; k++) weights[k] /= total;
  const means = new Float64Array(components * dim);
  for (let i = 0; i < means.length; i++) means[i] = meanScale * rng.normal();
  const choleskyFactors = new Float64Array(components * dim * dim);
  const logDetCholesky = new Float64Array(components);
  for (let k = 0; k < components; k++) {
    const base = k * dim * dim;
    for (let i = 0; i < dim; i++) {
      for (let j = 0; j < i; j++)
        choleskyFactors[base + i * dim + j] = (0.8 * rng.normal()) / Math.sqrt(i);
      const diagonal = 0.4 + 0.6 * rng.uniform();
      choleskyFactors[base + i * dim + i] = diagonal;
      logDetCholesky[k] += Math.log(diagonal);
    }
  }
  const mixture: CorrelatedMixture = {
    dim,
    components,
    weights,
    means,
    choleskyFactors,
    logDetCholesky,
  };
  cache.set(key, mixture);
  return mixture;
}

/** n samples of the mixture, [n, D]: k ~ w, then x = μ_k + L_k z with z ~ N(0, I). */
export function sampleCorrelatedMixture(
  dim: number,
  n: number,
  rng: Rng,
  options?: CorrelatedMixtureOptions,
): PointSet {
  assertCount(n);
  const { components, weights, means, choleskyFactors } = correlatedMixture(dim, options);
  const out = createPointSet(n, dim);
  const z = new Float64Array(dim);
  for (let s = 0; s < n; s++) {
    let u = rng.uniform();
    let k = 0;
    while (k < components - 1 && u >= weights[k]) u -= weights[k++];
    for (let i = 0; i < dim; i++) z[i] = rng.normal();
    const base = k * dim * dim;
    for (let i = 0; i < dim; i++) {
      let value = means[k * dim + i];
      for (let j = 0; j <= i; j++) value += choleskyFactors[base + i * dim + j] * z[j];
      out.data[s * dim + i] = value;
    }
  }
  return out;
}

const LOG_2PI = Math.log(2 * Math.PI);

/** Exact log p(x) for one point x = values[offset … offset + D). */
export function correlatedMixtureLogDensity(
  mixture: CorrelatedMixture,
  values: ArrayLike<number>,
  offset = 0,
): number {
  const { dim, components, weights, means, choleskyFactors, logDetCholesky } = mixture;
  const y = new Float64Array(dim);
  const logTerms = new Float64Array(components);
  let maxTerm = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < components; k++) {
    const base = k * dim * dim;
    let squaredNorm = 0;
    // Forward substitution: L y = x − μ.
    for (let i = 0; i < dim; i++) {
      let residual = values[offset + i] - means[k * dim + i];
      for (let j = 0; j < i; j++) residual -= choleskyFactors[base + i * dim + j] * y[j];
      y[i] = residual / choleskyFactors[base + i * dim + i];
      squaredNorm += y[i] * y[i];
    }
    const term = Math.log(weights[k]) - 0.5 * squaredNorm - logDetCholesky[k] - 0.5 * dim * LOG_2PI;
    logTerms[k] = term;
    if (term > maxTerm) maxTerm = term;
  }
  if (!Number.isFinite(maxTerm)) return maxTerm;
  let sum = 0;
  for (let k = 0; k < components; k++) sum += Math.exp(logTerms[k] - maxTerm);
  return maxTerm + Math.log(sum);
}

/** Exact log p for every row of a [n, D] point set, [n]. */
export function correlatedMixtureLogDensities(
  mixture: CorrelatedMixture,
  points: PointSet | PointSet64,
): Float64Array {
  if (points.dim !== mixture.dim) {
    throw new Error(`points have dim ${points.dim}, the mixture has dim ${mixture.dim}`);
  }
  const out = new Float64Array(points.n);
  for (let i = 0; i < points.n; i++) {
    out[i] = correlatedMixtureLogDensity(mixture, points.data, i * points.dim);
  }
  return out;
}

/** Mean Σ w_k μ_k, [D], and covariance Σ w_k (L_k L_kᵀ + μ_k μ_kᵀ) − mean meanᵀ, [D, D]. */
export function correlatedMixtureMoments(mixture: CorrelatedMixture): {
  mean: Float64Array;
  covariance: Float64Array;
} {
  const { dim, components, weights, means, choleskyFactors } = mixture;
  const mean = new Float64Array(dim);
  const covariance = new Float64Array(dim * dim);
  for (let k = 0; k < components; k++) {
    const base = k * dim * dim;
    for (let a = 0; a < dim; a++) {
      mean[a] += weights[k] * means[k * dim + a];
      for (let b = 0; b < dim; b++) {
        let lowerProduct = 0;
        for (let j = 0; j <= Math.min(a, b); j++) {
          lowerProduct += choleskyFactors[base + a * dim + j] * choleskyFactors[base + b * dim + j];
        }
        covariance[a * dim + b] +=
          weights[k] * (lowerProduct + means[k * dim + a] * means[k * dim + b]);
      }
    }
  }
  for (let a = 0; a < dim; a++) {
    for (let b = 0; b < dim; b++) covariance[a * dim + b] -= mean[a] * mean[b];
  }
  return { mean, covariance };
}
