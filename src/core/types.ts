/**
 * Shared data shapes of the pure math layer.
 *
 * Points are stored as columns-in-rows: a row-major matrix [n, dim] in one typed array,
 * so that point i, coordinate j is `data[i * dim + j]`. This is the layout tfjs tensors
 * use, so a PointSet crosses the worker boundary and becomes a tensor without copying.
 */
export interface PointSet {
  /** Row-major values, length n·dim. */
  data: Float32Array;
  n: number;
  dim: number;
}

/** Float64 variant used by the reference implementations and tests. */
export interface PointSet64 {
  data: Float64Array;
  n: number;
  dim: number;
}

/** A seeded source of randomness. Core code never calls Math.random. */
export interface Rng {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** A new independent generator derived from this one (for reproducible sub-streams). */
  fork(): Rng;
}

/** A box in data coordinates, [x0, x1] × [y0, y1] (y up): the one type for views and grids. */
export interface ViewBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** A regular grid over a box; cell centres are evaluated. Values row-major [ny, nx], row 0 at y0. */
export interface GridSpec extends ViewBox {
  nx: number;
  ny: number;
}
