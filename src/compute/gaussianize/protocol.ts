/**
 * The Gaussianization panel's contract with the compute worker (Gaussianization: the
 * Gaussian copula and RBIG, Laparra et al. 2011).
 * Types only; the page imports this file with `import type`. Points are row-major [n·2].
 */
import type { MarginalKind } from '../../core/gaussianize/marginal-types';
import type { RotationKind } from '../../core/gaussianize/rotation';
import type { GridSpec } from '../../core/types';

/** Most points the worker accepts per cloud, and most RBIG iterations it caches. */
export const GAUSS_MAX_POINTS = 5000;
export const GAUSS_MAX_ITERATIONS = 40;
/** Largest density grid side. */
export const GAUSS_MAX_GRID = 96;

export interface Gauss1DRequest {
  /** The 1-D sample [n]. */
  values: Float64Array;
  kind: MarginalKind;
  /** Kernel bandwidth factor (ignored by the empirical CDF). */
  bandwidthFactor: number;
}

/** x → F̂ → u = F̂(x) → z = Φ⁻¹(u), with f̂ and F̂ on a grid. */
export interface Gauss1DFrame {
  /** Grid over the data range ± 10 % [G], with f̂ [G] and F̂ [G] on it. */
  grid: Float32Array;
  density: Float32Array;
  cdf: Float32Array;
  /** u_i [n] and z_i [n], in the order of the request's values. */
  u: Float32Array;
  z: Float32Array;
  /** Q–Q pairs: Φ⁻¹((i + ½)/n) [n] against the sorted z [n]. */
  qqNormal: Float32Array;
  qqSample: Float32Array;
  /** sup |ECDF_z − Φ|. */
  ks: number;
  /** The kernel's bulk bandwidth h, or null (empirical). */
  bandwidth: number | null;
  /** Worker time, ms. */
  ms: number;
}

export interface RbigConfig {
  /** Identifies the configuration; later calls name it and fail once it is replaced. */
  key: string;
  /** Training points [n·2] and held-out points [m·2] from the same distribution. */
  points: Float32Array;
  heldOut: Float32Array;
  kind: MarginalKind;
  bandwidthFactor: number;
  rotation: RotationKind;
  /** Seeds the random rotations. */
  seed: number;
}

/**
 * The Gaussianity measure of the held-out points pushed through the stack
 * (core/gaussianize/held-out-gaussianity.ts), nats.
 */
export interface GaussianityPoint {
  /** Estimated KL(T_k#p ‖ N(0, I)) = NLL_held-out − Ĥ(p) = total correlation + marginal non-Gaussianity. */
  kl: number;
  /** Its Monte-Carlo standard error over the held-out points. */
  standardError: number;
  totalCorrelation: number;
  marginalNonGaussianity: number;
}

/** What iteration k of the RBIG stack did. */
export interface RbigIterationFrame {
  key: string;
  iteration: number;
  /** x^{(k−1)}, G_k(x^{(k−1)}) (marginals Gaussian) and x^{(k)} = Q_k G_k(x^{(k−1)}), [n·2]. */
  before: Float32Array;
  afterMarginal: Float32Array;
  after: Float32Array;
  /** Q_k row-major 2×2 (identity at k = 0). */
  rotation: Float32Array;
  /** The measure at iterations 0 (standardised data) … k, on the held-out points [k + 1]. */
  measures: GaussianityPoint[];
  /** Mean held-out log-likelihood of the k-iteration model, nats per point [k + 1]. */
  heldOutLogLikelihood: number[];
  ms: number;
}

export type GridRequest = GridSpec;

export interface CopulaRequest {
  points: Float32Array;
  heldOut: Float32Array;
  kind: MarginalKind;
  bandwidthFactor: number;
  grid: GridRequest;
  sampleCount: number;
  seed: number;
}

export interface CopulaFrame {
  /** R's off-diagonal entry ρ (2-D). */
  correlation: number;
  /** x = F⁻¹(Φ(L ε)), ε ~ N(0, I) [sampleCount·2]. */
  samples: Float32Array;
  /** log g on the grid's cell centres, row-major [ny·nx], row 0 at y0. */
  logDensity: Float32Array;
  /** Mean log g over the held-out points, nats. */
  heldOutLogLikelihood: number;
  ms: number;
}

/** The worker methods of the Gaussianization panel. */
export interface GaussianizeApi {
  /** The 1-D pipeline on one sample. */
  gauss1D(request: Gauss1DRequest): Promise<Gauss1DFrame>;
  /** Starts (or keeps, same key) an RBIG stack on the points; returns iteration 0. */
  gaussConfigure(config: RbigConfig): Promise<RbigIterationFrame>;
  /** Iteration k (fitting and caching every iteration up to k). */
  gaussIteration(key: string, k: number): Promise<RbigIterationFrame>;
  /** n samples x = T_k⁻¹(z), z ~ N(0, I) from `seed`, [n·2]. */
  gaussSamples(key: string, k: number, n: number, seed: number): Promise<Float32Array>;
  /** log p_k on the grid's cell centres, [ny·nx], row 0 at y0. */
  gaussDensity(key: string, k: number, grid: GridRequest): Promise<Float32Array>;
  /** Fits the Gaussian copula and returns its samples, density grid and held-out fit. */
  gaussCopula(request: CopulaRequest): Promise<CopulaFrame>;
}
