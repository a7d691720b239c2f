/**
 * Haar-random orthogonal D×D matrices (row-major), for RBIG's 'random' rotation and the
 * candidates of projection pursuit: the Q factor of a Gaussian matrix G = QR by Householder
 * reflections, with signs fixed so that diag(R) > 0.
 */
import type { Rng } from '../types';

/**
 * A Haar-random orthogonal D×D matrix: Householder QR of a standard Gaussian matrix G,
 * Q = H_1 H_2 ⋯ H_{D−1} · diag(sign R_kk).
 */
export function randomOrthogonal(dim: number, rng: Rng): Float64Array {
  const r = new Float64Array(dim * dim);
  for (let i = 0; i < dim * dim; i++) r[i] = rng.normal();
  const q = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) q[i * dim + i] = 1;
  const v = new Float64Array(dim);
  for (let k = 0; k < dim - 1; k++) {
    // Householder vector v for column k below the diagonal: H = I − 2 v vᵀ / (vᵀv).
    let norm = 0;
    for (let i = k; i < dim; i++) norm += r[i * dim + k] ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) continue;
    const alpha = r[k * dim + k] > 0 ? -norm : norm;
    v.fill(0);
    for (let i = k; i < dim; i++) v[i] = r[i * dim + k];
    v[k] -= alpha;
    let vv = 0;
    for (let i = k; i < dim; i++) vv += v[i] * v[i];
    if (vv === 0) continue;
    // R ← H R (rows k…D−1), Q ← Q H (columns k…D−1).
    for (let j = 0; j < dim; j++) {
      let dot = 0;
      for (let i = k; i < dim; i++) dot += v[i] * r[i * dim + j];
      const f = (2 * dot) / vv;
      for (let i = k; i < dim; i++) r[i * dim + j] -= f * v[i];
    }
    for (let i = 0; i < dim; i++) {
      let dot = 0;
      for (let j = k; j < dim; j++) dot += q[i * dim + j] * v[j];
      const f = (2 * dot) / vv;
      for (let j = k; j < dim; j++) q[i * dim + j] -= f * v[j];
    }
  }
  // G = Q R; flipping column k of Q and row k of R makes R_kk > 0 (the Haar measure).
  for (let k = 0; k < dim; k++)
    if (r[k * dim + k] < 0) for (let i = 0; i < dim; i++) q[i * dim + k] = -q[i * dim + k];
  return q;
}
