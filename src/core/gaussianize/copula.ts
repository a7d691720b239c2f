/**
 * Gaussian copula: a one-layer, shallow flow. Each coordinate is Gaussianized on its own,
 * z_d = Φ⁻¹(F_d(x_d)), and the z's are modelled as jointly normal with the correlation
 * matrix R of the Gaussianized data:
 *
 *   g(x) = N_D(z; 0, R) / Π_d φ(z_d) · Π_d f_d(x_d),
 *   log N_D(z; 0, R) = −½ zᵀR⁻¹z − ½ log det R − (D/2) log 2π   (by Cholesky, R = L Lᵀ).
 *
 * Sampling: ε ~ N(0, I), z = L ε ~ N(0, R), u_d = Φ(z_d), x_d = F_d⁻¹(u_d). A marginal
 * Gaussianization followed by a linear whitening (z ↦ L⁻¹z) is exactly this model.
 */
import type { PointSet64, Rng } from '../types';
import { DEFAULT_MARGINAL } from './marginal-cdf';
import {
  fitMarginalGaussianization,
  marginalForward,
  marginalInverse,
  type MarginalGaussianization,
} from './marginal-gaussianization';
import type { MarginalOptions } from './marginal-types';
import { cholesky, correlationFromCovariance, covariance, solveLower } from './matrix';

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

type Points = { data: ArrayLike<number>; n: number; dim: number };

export interface GaussianCopula {
  dim: number;
  marginal: MarginalGaussianization;
  /** R, row-major D×D, unit diagonal. */
  correlation: Float64Array;
  /** Lower-triangular L with R = L Lᵀ. */
  choleskyFactor: Float64Array;
  /** log det R = 2 Σ log L_dd. */
  logDetCorrelation: number;
}

/** Cholesky of R, adding a growing multiple of I if R is numerically singular. */
function choleskyWithJitter(r: Float64Array, dim: number): Float64Array {
  for (let jitter = 0; ; jitter = jitter === 0 ? 1e-12 : jitter * 10) {
    const a = Float64Array.from(r);
    for (let d = 0; d < dim; d++) a[d * dim + d] += jitter;
    try {
      return cholesky(a, dim);
    } catch (error) {
      if (jitter > 1e-3) throw error;
    }
  }
}

/** Fits the marginals F_d, then R = corr(Φ⁻¹(F(x))) on points [n, D]. */
export function fitGaussianCopula(
  points: Points,
  options: MarginalOptions = DEFAULT_MARGINAL,
): GaussianCopula {
  const { n, dim } = points;
  const marginal = fitMarginalGaussianization(points, options);
  const { z } = marginalForward(marginal, points);
  const correlation = correlationFromCovariance(covariance(z.data, n, dim), dim);
  const choleskyFactor = choleskyWithJitter(correlation, dim);
  let logDetCorrelation = 0;
  for (let d = 0; d < dim; d++) logDetCorrelation += 2 * Math.log(choleskyFactor[d * dim + d]);
  return { dim, marginal, correlation, choleskyFactor, logDetCorrelation };
}

/** log g(x) for points [n, D] → [n]. */
export function copulaLogDensity(copula: GaussianCopula, points: Points): Float64Array {
  const { dim, choleskyFactor, logDetCorrelation } = copula;
  const { n } = points;
  // logDet = Σ_d [log f_d(x_d) − log φ(z_d)]
  const { z, logDet } = marginalForward(copula.marginal, points);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = solveLower(choleskyFactor, z.data.subarray(i * dim, (i + 1) * dim), dim);
    let squares = 0;
    for (let d = 0; d < dim; d++) squares += w[d] * w[d];
    const logNormalR = -0.5 * squares - 0.5 * logDetCorrelation - dim * HALF_LOG_2PI;
    out[i] = logNormalR + logDet[i];
  }
  return out;
}

/** Mean log g(x) over points [n, D] (nats per point). */
export function copulaMeanLogLikelihood(copula: GaussianCopula, points: Points): number {
  const logDensity = copulaLogDensity(copula, points);
  let sum = 0;
  for (let i = 0; i < logDensity.length; i++) sum += logDensity[i];
  return sum / logDensity.length;
}

/** n samples: z = L ε, ε ~ N(0, I), then x_d = F_d⁻¹(Φ(z_d)) → [n, D]. */
export function sampleCopula(copula: GaussianCopula, n: number, rng: Rng): PointSet64 {
  const { dim, choleskyFactor } = copula;
  const z = new Float64Array(n * dim);
  const epsilon = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < dim; d++) epsilon[d] = rng.normal();
    for (let r = 0; r < dim; r++) {
      let sum = 0;
      for (let c = 0; c <= r; c++) sum += choleskyFactor[r * dim + c] * epsilon[c];
      z[i * dim + r] = sum;
    }
  }
  return marginalInverse(copula.marginal, { data: z, n });
}
