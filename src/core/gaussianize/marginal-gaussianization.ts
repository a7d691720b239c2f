/**
 * Marginal Gaussianization: each coordinate through its own z = Φ⁻¹(F(x)).
 *
 *   forward   z_d = Φ⁻¹(F_d(x_d))
 *   inverse   x_d = F_d⁻¹(Φ(z_d))
 *   log|dz_d/dx_d| = log f_d(x_d) − log φ(z_d)
 *
 * The Jacobian is diagonal, so a point's log|det| is the sum over d. Probabilities are taken
 * from the nearer tail (F below the median, 1 − F above) and clamped into [ε, 1 − ε] with
 * ε = 1e−300, so |z| ≤ 37 and the map stays invertible far beyond the data.
 */
import { normalCdf, normalLogPdf, normalQuantile } from '../toy/normal';
import type { PointSet64 } from '../types';
import { fitMarginalCdf } from './marginal-cdf';
import type { MarginalCdf, MarginalOptions } from './marginal-types';

/** Smallest tail probability passed to Φ⁻¹. */
export const TAIL_EPSILON = 1e-300;

/** Φ⁻¹ of the distribution value (F, 1 − F), from whichever tail is nearer, clamped to ≥ ε. */
function quantileFromTails(lower: number, upper: number): number {
  if (lower <= 0.5) return normalQuantile(Math.max(lower, TAIL_EPSILON));
  return -normalQuantile(Math.max(upper, TAIL_EPSILON));
}

/** Reused [F, 1 − F, log f] buffer (evaluate never re-enters this module). */
const scratch = new Float64Array(3);

/** z = Φ⁻¹(F(x)). */
export function gaussianizeValue(marginal: MarginalCdf, x: number): number {
  marginal.evaluate(x, scratch);
  return quantileFromTails(scratch[0], scratch[1]);
}

/** x = F⁻¹(Φ(z)), the inverse of gaussianizeValue. */
export function degaussianizeValue(marginal: MarginalCdf, z: number): number {
  if (z <= 0) return marginal.inverseCdf(Math.max(normalCdf(z), TAIL_EPSILON));
  return marginal.inverseSurvival(Math.max(normalCdf(-z), TAIL_EPSILON));
}

/** log|dz/dx| = log f(x) − log φ(z) at a point x with z = gaussianizeValue(x). */
export function logAbsDerivative(marginal: MarginalCdf, x: number, z: number): number {
  return marginal.logPdf(x) - normalLogPdf(z);
}

/** One fitted marginal CDF per coordinate. */
export interface MarginalGaussianization {
  dim: number;
  marginals: MarginalCdf[];
}

/** Column d of a row-major [n, D] array. */
export function column(data: ArrayLike<number>, n: number, dim: number, d: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = data[i * dim + d];
  return out;
}

/** Fits F_d to each column of the points [n, D]. */
export function fitMarginalGaussianization(
  points: { data: ArrayLike<number>; n: number; dim: number },
  options?: MarginalOptions,
): MarginalGaussianization {
  const { data, n, dim } = points;
  const marginals: MarginalCdf[] = [];
  for (let d = 0; d < dim; d++) marginals.push(fitMarginalCdf(column(data, n, dim, d), options));
  return { dim, marginals };
}

/** z = layer(x) for x [n, D], with log|det ∂z/∂x| per point [n]. */
export function marginalForward(
  layer: MarginalGaussianization,
  points: { data: ArrayLike<number>; n: number },
): { z: PointSet64; logDet: Float64Array } {
  const { dim, marginals } = layer;
  const { data, n } = points;
  const z = new Float64Array(n * dim);
  const logDet = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < dim; d++) {
      marginals[d].evaluate(data[i * dim + d], scratch);
      const value = quantileFromTails(scratch[0], scratch[1]);
      z[i * dim + d] = value;
      logDet[i] += scratch[2] - normalLogPdf(value);
    }
  }
  return { z: { data: z, n, dim }, logDet };
}

/** x = layer⁻¹(z) for z [n, D]. */
export function marginalInverse(
  layer: MarginalGaussianization,
  points: { data: ArrayLike<number>; n: number },
): PointSet64 {
  const { dim, marginals } = layer;
  const { data, n } = points;
  const x = new Float64Array(n * dim);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < dim; d++)
      x[i * dim + d] = degaussianizeValue(marginals[d], data[i * dim + d]);
  }
  return { data: x, n, dim };
}
