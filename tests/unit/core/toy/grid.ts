/** Midpoint-rule integration helpers for density tests (independent of the code under test). */

export interface GridBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Σ over an nx×ny grid of cell centres of f(x, y)·(cell area). */
export function integrateOnGrid(
  f: (x: number, y: number) => number,
  box: GridBox,
  cells: number,
): number {
  const hx = (box.x1 - box.x0) / cells;
  const hy = (box.y1 - box.y0) / cells;
  let sum = 0;
  for (let row = 0; row < cells; row++) {
    const y = box.y0 + (row + 0.5) * hy;
    for (let col = 0; col < cells; col++) sum += f(box.x0 + (col + 0.5) * hx, y);
  }
  return sum * hx * hy;
}

/** ∫ e^{log p} on the grid. */
export function massOnGrid(
  logDensity: (x: number, y: number) => number,
  box: GridBox,
  cells: number,
): number {
  return integrateOnGrid((x, y) => Math.exp(logDensity(x, y)), box, cells);
}

/** Mean and per-coordinate variance of the rows of a [n, dim] array. */
export function columnMoments(data: ArrayLike<number>, n: number, dim: number) {
  const mean = new Float64Array(dim);
  const covariance = new Float64Array(dim * dim);
  for (let i = 0; i < n; i++) for (let a = 0; a < dim; a++) mean[a] += data[i * dim + a] / n;
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < dim; a++) {
      for (let b = 0; b < dim; b++) {
        covariance[a * dim + b] +=
          ((data[i * dim + a] - mean[a]) * (data[i * dim + b] - mean[b])) / n;
      }
    }
  }
  return { mean, covariance };
}

/** The Kolmogorov–Smirnov distance sup |F_n − F| of a sample against a CDF. */
export function ksDistance(samples: ArrayLike<number>, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  let distance = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    distance = Math.max(distance, Math.abs(f - i / n), Math.abs((i + 1) / n - f));
  }
  return distance;
}
