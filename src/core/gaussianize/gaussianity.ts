/**
 * How far a point cloud is from the standard normal N(0, I_D), in nats.
 *
 * The measure is an estimate of the KL divergence to the standard normal,
 *
 *   KL(p ‖ N(0, I)) = −H(p) + (D/2) log 2π + ½ E‖x‖²,
 *
 * with its exact split into total correlation and marginal non-Gaussianity,
 *
 *   KL(p ‖ N(0, I)) = TC(p) + Σ_i KL(p_i ‖ N(0, 1)),
 *   TC(p) = Σ_i H(p_i) − H(p),   KL(p_i ‖ N(0, 1)) = −H(p_i) + ½ log 2π + ½ E x_i²,
 *
 * expectations as sample means, entropies by the Kozachenko–Leonenko k-NN estimator
 * (knn-entropy.ts), so the split holds exactly for the estimates too. All three are 0 for
 * N(0, I). The joint entropy comes either from the k-NN estimator (gaussianityMeasure) or is
 * supplied (gaussianityGivenEntropy): RBIG tracks it through its layers exactly, see rbig.ts.
 *
 * Why it suits RBIG: an orthogonal rotation changes neither H(p) nor E‖x‖², so it leaves the
 * KL unchanged (it only moves mass between TC and the marginal part); a marginal
 * Gaussianization leaves TC unchanged and removes the marginal part. Each iteration lowers
 * the KL by the marginal non-Gaussianity that its rotation exposed, and the KL falls toward 0.
 * Measured on the very points the layers were fitted to it is biased low: slightly below 0 for
 * a smooth kernel CDF, far below 0 for the empirical CDF, whose steps collapse the training
 * points onto themselves (−17.8 nats after 16 iterations on 8 Gaussians). The panel measures
 * held-out points instead (held-out-gaussianity.ts), which cannot collapse.
 */
import type { PointSet64 } from '../types';
import { DEFAULT_NEIGHBOURS, knnEntropy } from './knn-entropy';
import { column } from './marginal-gaussianization';
import { columnMeans } from './matrix';

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

export interface GaussianityMeasure {
  /** Estimated KL(p ‖ N(0, I)) = totalCorrelation + marginalNonGaussianity, nats. */
  klToStandardNormal: number;
  /** Σ_i H(p_i) − H(p), nats. */
  totalCorrelation: number;
  /** Σ_i KL(p_i ‖ N(0, 1)), nats. */
  marginalNonGaussianity: number;
  /** Ĥ(p), nats. */
  jointEntropy: number;
  /** Ĥ(p_i) per coordinate [D], nats. */
  marginalEntropies: Float64Array;
}

/** The measure of points [n, D] (n > k), using the k-th nearest neighbours (default 4). */
export function gaussianityMeasure(
  points: { data: ArrayLike<number>; n: number; dim: number },
  neighbours = DEFAULT_NEIGHBOURS,
): GaussianityMeasure {
  const { data, n, dim } = points;
  return gaussianityGivenEntropy(points, knnEntropy(data, n, dim, neighbours), neighbours);
}

/**
 * The measure of points [n, D] when the joint entropy is already known (RBIG tracks it
 * exactly through its layers: H(T(X)) = H(X) + E log|det ∂T/∂x|); only the marginal entropies
 * are estimated.
 */
export function gaussianityGivenEntropy(
  points: { data: ArrayLike<number>; n: number; dim: number },
  jointEntropy: number,
  neighbours = DEFAULT_NEIGHBOURS,
): GaussianityMeasure {
  const { data, n, dim } = points;
  const marginalEntropies = new Float64Array(dim);
  let marginalNonGaussianity = 0;
  let sumSquares = 0;
  for (let d = 0; d < dim; d++) {
    const values = column(data, n, dim, d);
    marginalEntropies[d] = knnEntropy(values, n, 1, neighbours);
    let squares = 0;
    for (let i = 0; i < n; i++) squares += values[i] * values[i];
    sumSquares += squares / n;
    marginalNonGaussianity += -marginalEntropies[d] + HALF_LOG_2PI + (0.5 * squares) / n;
  }
  const klToStandardNormal = -jointEntropy + dim * HALF_LOG_2PI + 0.5 * sumSquares;
  return {
    klToStandardNormal,
    totalCorrelation: klToStandardNormal - marginalNonGaussianity,
    marginalNonGaussianity,
    jointEntropy,
    marginalEntropies,
  };
}

/** Per-coordinate standardisation (x_d − mean_d)/std_d of points [n, D] (std 0 → 1). */
export function standardize(points: {
  data: ArrayLike<number>;
  n: number;
  dim: number;
}): PointSet64 {
  return standardizeWithScale(points).points;
}

/** standardize, also returning Σ_d log std_d (the log-determinant the standardisation removes). */
export function standardizeWithScale(points: { data: ArrayLike<number>; n: number; dim: number }): {
  points: PointSet64;
  logScale: number;
} {
  const { data, n, dim } = points;
  const mean = columnMeans(data, n, dim);
  const std = new Float64Array(dim);
  for (let i = 0; i < n; i++)
    for (let d = 0; d < dim; d++) std[d] += (data[i * dim + d] - mean[d]) ** 2;
  for (let d = 0; d < dim; d++) std[d] = Math.sqrt(std[d] / Math.max(1, n - 1)) || 1;
  const out = new Float64Array(n * dim);
  for (let i = 0; i < n; i++)
    for (let d = 0; d < dim; d++) out[i * dim + d] = (data[i * dim + d] - mean[d]) / std[d];
  let logScale = 0;
  for (let d = 0; d < dim; d++) logScale += Math.log(std[d]);
  return { points: { data: out, n, dim }, logScale };
}
