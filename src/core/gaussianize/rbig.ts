/**
 * Rotation-Based Iterative Gaussianization (RBIG; Laparra, Camps-Valls & Malo 2011).
 *
 * Iteration k fits, on the current cloud x^{(k−1)} [n, D],
 *   1. a marginal Gaussianization G_k (z_d = Φ⁻¹(F_d(x_d)) per coordinate), then
 *   2. an orthogonal rotation Q_k (PCA, Haar-random, or projection pursuit: rotation.ts),
 * and sets x^{(k)} = Q_k G_k(x^{(k−1)}). The composition T = Q_K G_K ⋯ Q_1 G_1 is a
 * normalizing flow: with z = T(x),
 *
 *   log p(x) = log N(z; 0, I) + Σ_k log|det ∂G_k| (the rotations add log|det Q| = 0),
 *
 * and x = T⁻¹(z), z ~ N(0, I), samples the model. The intermediate clouds x^{(k)} are kept
 * for the animation, together with the Gaussianity measure of each (gaussianity.ts).
 *
 * Gaussianity bookkeeping: the joint entropy is estimated once, by k-NN on the standardised
 * data, and then carried through the layers exactly,
 *
 *   Ĥ(x^{(k)}) = Ĥ(x^{(0)}) + (1/n) Σ_i log|det ∂x^{(k)}/∂x^{(0)}|(x_i),
 *
 * so the KL curve has no per-iteration estimator noise: KL_k = NLL_k − Ĥ(data), the training
 * negative log-likelihood of the k-iteration model minus the data's entropy (NLL − H is the
 * KL from the data to the model). The marginal entropies (for the TC split) are estimated on
 * each cloud. This training-point measure overfits with the empirical CDF (it falls far below
 * 0); held-out-gaussianity.ts measures held-out points, as the panel does.
 */
import type { PointSet64, Rng } from '../types';
import { knnEntropy } from './knn-entropy';
import {
  gaussianityGivenEntropy,
  standardizeWithScale,
  type GaussianityMeasure,
} from './gaussianity';
import { DEFAULT_MARGINAL } from './marginal-cdf';
import {
  fitMarginalGaussianization,
  marginalForward,
  marginalInverse,
  type MarginalGaussianization,
} from './marginal-gaussianization';
import type { MarginalOptions } from './marginal-types';
import { fitRotation, rotate, unrotate, type RotationKind } from './rotation';

export interface RbigOptions {
  /** Number of (marginal Gaussianization, rotation) pairs. Default 20. */
  iterations?: number;
  /** Marginal CDF estimator. Default: kernel, bandwidth factor 0.4. */
  marginal?: MarginalOptions;
  /**
   * Default 'pursuit', the fastest to Gaussianize; 'random' needs a few times more
   * iterations, and 'pca' stalls once the cloud is uncorrelated but not yet Gaussian.
   */
  rotation?: RotationKind;
  /** Keep every intermediate cloud (for the animation). Default true. */
  recordClouds?: boolean;
  /** Compute the Gaussianity measure of every cloud. Default true. */
  measureGaussianity?: boolean;
}

/** One iteration: x ↦ Q · G(x). */
export interface RbigLayer {
  marginal: MarginalGaussianization;
  /** Row-major D×D orthogonal Q. */
  rotation: Float64Array;
}

export interface RbigModel {
  dim: number;
  layers: RbigLayer[];
  /** clouds[0] = the data, clouds[k] = x^{(k)} after k iterations [iterations + 1] (if recorded). */
  clouds: PointSet64[];
  /** After the marginal step of iteration k, before its rotation [iterations] (if recorded). */
  marginalClouds: PointSet64[];
  /**
   * gaussianity[0] is measured on the per-coordinate standardised data (the raw scale is
   * arbitrary), gaussianity[k] on x^{(k)} with the tracked entropy [iterations + 1] (if measured).
   */
  gaussianity: GaussianityMeasure[];
}

/** Any row-major point cloud [n, D] (PointSet, PointSet64, …). */
type Points = { data: ArrayLike<number>; n: number; dim: number };

function toFloat64(points: Points): PointSet64 {
  return { data: Float64Array.from(points.data), n: points.n, dim: points.dim };
}

/** Fits an RBIG stack to points [n, D]; deterministic given the Rng's state. */
export function fitRbig(points: Points, options: RbigOptions = {}, rng: Rng): RbigModel {
  const iterations = options.iterations ?? 20;
  const marginalOptions = options.marginal ?? DEFAULT_MARGINAL;
  const rotationKind = options.rotation ?? 'pursuit';
  const record = options.recordClouds ?? true;
  const measure = options.measureGaussianity ?? true;
  if (!Number.isSafeInteger(iterations) || iterations < 0)
    throw new Error(`iterations must be a non-negative integer, got ${iterations}`);
  const { n, dim } = points;
  let cloud = toFloat64(points);
  const model: RbigModel = { dim, layers: [], clouds: [], marginalClouds: [], gaussianity: [] };
  // Ĥ(x^{(0)}) = Ĥ(standardised data) + Σ_d log std_d; then + mean log|det| per layer.
  let entropy = 0;
  if (measure) {
    const standardized = standardizeWithScale(cloud);
    const standardizedEntropy = knnEntropy(standardized.points.data, n, dim);
    model.gaussianity.push(gaussianityGivenEntropy(standardized.points, standardizedEntropy));
    entropy = standardizedEntropy + standardized.logScale;
  }
  if (record) model.clouds.push(cloud);
  for (let k = 0; k < iterations; k++) {
    const marginal = fitMarginalGaussianization(cloud, marginalOptions);
    const { z: gaussianized, logDet } = marginalForward(marginal, cloud);
    const rotation = fitRotation(rotationKind, gaussianized.data, n, dim, rng);
    cloud = { data: rotate(rotation, gaussianized.data, n, dim), n, dim };
    model.layers.push({ marginal, rotation });
    if (record) {
      model.marginalClouds.push(gaussianized);
      model.clouds.push(cloud);
    }
    if (measure) {
      for (let i = 0; i < n; i++) entropy += logDet[i] / n;
      model.gaussianity.push(gaussianityGivenEntropy(cloud, entropy));
    }
  }
  return model;
}

/**
 * z = T_k(x) through the first `layerCount` iterations (default all), with
 * log|det ∂z/∂x| per point [n].
 */
export function rbigForward(
  model: RbigModel,
  points: Points,
  layerCount = model.layers.length,
): { z: PointSet64; logDet: Float64Array } {
  const { n, dim } = points;
  let current = toFloat64(points);
  const logDet = new Float64Array(n);
  for (const layer of model.layers.slice(0, layerCount)) {
    const step = marginalForward(layer.marginal, current);
    for (let i = 0; i < n; i++) logDet[i] += step.logDet[i];
    current = { data: rotate(layer.rotation, step.z.data, n, dim), n, dim };
  }
  return { z: current, logDet };
}

/** x = T_k⁻¹(z) through the first `layerCount` iterations (default all), points [n, D]. */
export function rbigInverse(
  model: RbigModel,
  points: Points,
  layerCount = model.layers.length,
): PointSet64 {
  const { n, dim } = points;
  let current = toFloat64(points);
  for (const layer of model.layers.slice(0, layerCount).reverse()) {
    const unrotated = { data: unrotate(layer.rotation, current.data, n, dim), n, dim };
    current = marginalInverse(layer.marginal, unrotated);
  }
  return current;
}
