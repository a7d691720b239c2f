/**
 * Eigen-decomposition of a real symmetric D×D matrix by the cyclic Jacobi method: plane
 * rotations J_pq zero one off-diagonal entry at a time, A ← Jᵀ A J, V ← V J, until the
 * off-diagonal mass is negligible. Quadratically convergent, and accurate to a few ulps
 * for the small matrices (D ≤ a few dozen) used here.
 */

export interface SymmetricEigen {
  /** Eigenvalues, descending [D]. */
  values: Float64Array;
  /** Row-major D×D; column k (vectors[i·D + k], i = 0…D−1) is the unit eigenvector of values[k]. */
  vectors: Float64Array;
}

/** A = V diag(values) Vᵀ for a symmetric A (row-major). Only A's upper triangle is read. */
export function symmetricEigen(
  matrix: ArrayLike<number>,
  dim: number,
  maxSweeps = 100,
): SymmetricEigen {
  const a = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++)
    for (let j = i; j < dim; j++) {
      a[i * dim + j] = matrix[i * dim + j];
      a[j * dim + i] = matrix[i * dim + j];
    }
  const v = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) v[i * dim + i] = 1;

  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    let total = 0;
    for (let i = 0; i < dim; i++)
      for (let j = 0; j < dim; j++) {
        const sq = a[i * dim + j] ** 2;
        total += sq;
        if (i !== j) off += sq;
      }
    if (off <= 1e-30 * total || off === 0) break;
    for (let p = 0; p < dim - 1; p++)
      for (let q = p + 1; q < dim; q++) {
        const apq = a[p * dim + q];
        if (apq === 0) continue;
        // Choose the rotation angle θ with tan 2θ = 2 a_pq / (a_qq − a_pp), smaller root.
        const theta = (a[q * dim + q] - a[p * dim + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < dim; k++) {
          // columns p, q of A
          const akp = a[k * dim + p];
          const akq = a[k * dim + q];
          a[k * dim + p] = c * akp - s * akq;
          a[k * dim + q] = s * akp + c * akq;
        }
        for (let k = 0; k < dim; k++) {
          // rows p, q of A
          const apk = a[p * dim + k];
          const aqk = a[q * dim + k];
          a[p * dim + k] = c * apk - s * aqk;
          a[q * dim + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < dim; k++) {
          const vkp = v[k * dim + p];
          const vkq = v[k * dim + q];
          v[k * dim + p] = c * vkp - s * vkq;
          v[k * dim + q] = s * vkp + c * vkq;
        }
      }
  }

  const order = Array.from({ length: dim }, (_, k) => k).sort(
    (x, y) => a[y * dim + y] - a[x * dim + x],
  );
  const values = new Float64Array(dim);
  const vectors = new Float64Array(dim * dim);
  order.forEach((source, target) => {
    values[target] = a[source * dim + source];
    for (let i = 0; i < dim; i++) vectors[i * dim + target] = v[i * dim + source];
  });
  return { values, vectors };
}
