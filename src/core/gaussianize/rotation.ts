/**
 * Orthogonal rotations for RBIG, as D×D row-major matrices Q acting on points by y = Q x.
 * Orthogonal maps have |det Q| = 1, so they add nothing to a log-determinant, and they
 * preserve both the joint entropy and the KL divergence to N(0, I).
 *
 *   'pca'     rows of Q are the covariance's eigenvectors (descending eigenvalue): y is
 *             decorrelated (the classic RBIG choice; no rescaling, so still orthogonal).
 *   'random'  Q is Haar-distributed: the Q factor of a Gaussian matrix G = QR by
 *             Householder reflections, with signs fixed so that diag(R) > 0.
 *   'pursuit' the most non-Gaussian of a few candidate rotations (rotation-pursuit.ts).
 */
import type { Rng } from '../types';
import { symmetricEigen } from './jacobi-eigen';
import { covariance, transformPoints, transpose } from './matrix';
import { randomOrthogonal } from './random-orthogonal';
import { pursuitRotation } from './rotation-pursuit';

export { randomOrthogonal };

export type RotationKind = 'pca' | 'random' | 'pursuit';
export const ROTATION_KINDS: readonly RotationKind[] = ['pca', 'random', 'pursuit'];

/**
 * Q with rows = eigenvectors of the covariance of points [n, D], in descending eigenvalue
 * order, each with its largest-magnitude component positive (a deterministic sign).
 */
export function pcaRotation(data: ArrayLike<number>, n: number, dim: number): Float64Array {
  const { vectors } = symmetricEigen(covariance(data, n, dim), dim);
  const q = new Float64Array(dim * dim);
  for (let k = 0; k < dim; k++) {
    let pivot = 0;
    for (let i = 1; i < dim; i++)
      if (Math.abs(vectors[i * dim + k]) > Math.abs(vectors[pivot * dim + k])) pivot = i;
    const sign = vectors[pivot * dim + k] < 0 ? -1 : 1;
    for (let i = 0; i < dim; i++) q[k * dim + i] = sign * vectors[i * dim + k];
  }
  return q;
}

/** The rotation of the chosen kind for points [n, D] (the Rng is unused by 'pca'). */
export function fitRotation(
  kind: RotationKind,
  data: ArrayLike<number>,
  n: number,
  dim: number,
  rng: Rng,
): Float64Array {
  switch (kind) {
    case 'pca':
      return pcaRotation(data, n, dim);
    case 'random':
      return randomOrthogonal(dim, rng);
    case 'pursuit':
      return pursuitRotation(data, n, dim, rng);
    default:
      throw new Error(`Unknown rotation "${String(kind)}"`);
  }
}

/** y_i = Q x_i for points [n, D]. */
export function rotate(
  q: Float64Array,
  data: ArrayLike<number>,
  n: number,
  dim: number,
): Float64Array {
  return transformPoints(q, data, n, dim);
}

/** x_i = Qᵀ y_i for points [n, D]: the inverse of rotate for an orthogonal Q. */
export function unrotate(
  q: Float64Array,
  data: ArrayLike<number>,
  n: number,
  dim: number,
): Float64Array {
  return transformPoints(transpose(q, dim), data, n, dim);
}
