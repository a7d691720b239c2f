/** Dense Jacobians and log-determinants in float64 (finite differences, LU). */

/** J[i][j] = ∂f_i/∂v_j at v, by central differences with step h. Shape [D_out][D_in]. */
export function numericJacobian(
  f: (v: Float64Array) => ArrayLike<number>,
  v: ArrayLike<number>,
  h = 1e-6,
): number[][] {
  const D = v.length;
  const base = Float64Array.from(v);
  const outDim = f(base).length;
  const J = Array.from({ length: outDim }, () => new Array<number>(D).fill(0));
  for (let j = 0; j < D; j++) {
    const plus = Float64Array.from(base);
    const minus = Float64Array.from(base);
    plus[j] += h;
    minus[j] -= h;
    const fp = f(plus);
    const fm = f(minus);
    for (let i = 0; i < outDim; i++) J[i][j] = (fp[i] - fm[i]) / (2 * h);
  }
  return J;
}

/** log|det A| by LU decomposition with partial pivoting. −Infinity for a singular matrix. */
export function logAbsDet(A: readonly (readonly number[])[]): number {
  const n = A.length;
  const M = A.map((row) => [...row]);
  let logDet = 0;
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[pivot][c])) pivot = r;
    if (M[pivot][c] === 0) return Number.NEGATIVE_INFINITY;
    [M[c], M[pivot]] = [M[pivot], M[c]];
    logDet += Math.log(Math.abs(M[c][c]));
    for (let r = c + 1; r < n; r++) {
      const factor = M[r][c] / M[c][c];
      for (let k = c; k < n; k++) M[r][k] -= factor * M[c][k];
    }
  }
  return logDet;
}

/** Reorders a Jacobian into a layer's variable order: P[a][b] = J[order[a]][order[b]]. */
export function permuteToOrder(J: readonly (readonly number[])[], order: readonly number[]): number[][] {
  return order.map((i) => order.map((j) => J[i][j]));
}
