/**
 * Small dense float64 linear algebra for D×D matrices stored row-major in a Float64Array
 * (A[i][j] = a[i·D + j]) and point clouds [n, D].
 */

export function identity(dim: number): Float64Array {
  const out = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) out[i * dim + i] = 1;
  return out;
}

/** C = A·B for D×D matrices. */
export function multiply(a: Float64Array, b: Float64Array, dim: number): Float64Array {
  const out = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++)
    for (let k = 0; k < dim; k++) {
      const aik = a[i * dim + k];
      for (let j = 0; j < dim; j++) out[i * dim + j] += aik * b[k * dim + j];
    }
  return out;
}

export function transpose(a: Float64Array, dim: number): Float64Array {
  const out = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) out[j * dim + i] = a[i * dim + j];
  return out;
}

/** Column means of points [n, D] → [D]. */
export function columnMeans(data: ArrayLike<number>, n: number, dim: number): Float64Array {
  const mean = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let d = 0; d < dim; d++) mean[d] += data[i * dim + d];
  for (let d = 0; d < dim; d++) mean[d] /= n;
  return mean;
}

/** Sample covariance (1/(n−1)) Σ (x − x̄)(x − x̄)ᵀ of points [n, D] → D×D. */
export function covariance(data: ArrayLike<number>, n: number, dim: number): Float64Array {
  const mean = columnMeans(data, n, dim);
  const cov = new Float64Array(dim * dim);
  const centred = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < dim; d++) centred[d] = data[i * dim + d] - mean[d];
    for (let a = 0; a < dim; a++)
      for (let b = a; b < dim; b++) cov[a * dim + b] += centred[a] * centred[b];
  }
  const scale = 1 / Math.max(1, n - 1);
  for (let a = 0; a < dim; a++)
    for (let b = a; b < dim; b++) {
      cov[a * dim + b] *= scale;
      cov[b * dim + a] = cov[a * dim + b];
    }
  return cov;
}

/** R_ab = C_ab / √(C_aa C_bb): the correlation matrix of a covariance. */
export function correlationFromCovariance(cov: Float64Array, dim: number): Float64Array {
  const out = new Float64Array(dim * dim);
  for (let a = 0; a < dim; a++)
    for (let b = 0; b < dim; b++)
      out[a * dim + b] =
        a === b ? 1 : cov[a * dim + b] / Math.sqrt(cov[a * dim + a] * cov[b * dim + b]);
  return out;
}

/** Lower-triangular L with A = L Lᵀ for a symmetric positive-definite A; throws otherwise. */
export function cholesky(a: Float64Array, dim: number): Float64Array {
  const l = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++)
    for (let j = 0; j <= i; j++) {
      let sum = a[i * dim + j];
      for (let k = 0; k < j; k++) sum -= l[i * dim + k] * l[j * dim + k];
      if (i === j) {
        if (!(sum > 0)) throw new Error('Matrix is not positive definite.');
        l[i * dim + i] = Math.sqrt(sum);
      } else {
        l[i * dim + j] = sum / l[j * dim + j];
      }
    }
  return l;
}

/** Solves L w = b by forward substitution (L lower-triangular) → w [D]. */
export function solveLower(l: Float64Array, b: ArrayLike<number>, dim: number): Float64Array {
  const w = new Float64Array(dim);
  for (let i = 0; i < dim; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i * dim + k] * w[k];
    w[i] = sum / l[i * dim + i];
  }
  return w;
}

/** y_i = M x_i for every point x_i of [n, D] (row i of the result is M times row i). */
export function transformPoints(
  m: Float64Array,
  data: ArrayLike<number>,
  n: number,
  dim: number,
): Float64Array {
  const out = new Float64Array(n * dim);
  for (let i = 0; i < n; i++)
    for (let r = 0; r < dim; r++) {
      let sum = 0;
      for (let c = 0; c < dim; c++) sum += m[r * dim + c] * data[i * dim + c];
      out[i * dim + r] = sum;
    }
  return out;
}
