/**
 * A Gaussianization stack in tfjs: layers x ↦ Q·G(x) (G per-coordinate marginal
 * Gaussianization, Q orthogonal), applied to a batch of points X [n, D] (rows are points):
 *
 *   forward   Y = G(X) Qᵀ  (the rotation is one matMul),  log|det| += Σ_d log|dz_d/dx_d|
 *   inverse   X = G⁻¹(Y Q)  (Qᵀ undoes Q), layers in reverse order
 *   log p(x) = log N(T(x); 0, I) + Σ_layers log|det ∂G|        (log|det Q| = 0)
 *
 * The same code serves RBIG (many layers) and the Gaussian copula (one marginal layer
 * followed by a whitening L⁻¹, which is not orthogonal: its log|det| = −log det L is
 * passed in as `extraLogDet`).
 */
import { tf } from '../tf';
import type { MarginalSpec } from './marginal-spec';
import { gaussianizeTf } from './tf-marginal';
import { degaussianizeTableTf, gaussianizeTableTf } from './tf-table';

/**
 * How a marginal is evaluated: 'anchors' sums the fitted kernel (or walks the empirical knots)
 * for every point, O(nK); 'table' interpolates the fitted map, O(n log T) (tf-table.ts). The
 * multi-layer passes (density grids, inverse) use the table.
 */
export type MarginalPath = 'anchors' | 'table';

type Tensor1D = tf.Tensor1D;
type Tensor2D = tf.Tensor2D;

/** One layer: a marginal per coordinate [D], then y = Q z with Q row-major D×D (or none). */
export interface StackLayer {
  marginals: MarginalSpec[];
  rotation: Float32Array | null;
}

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** Z = G(X) per column, with Σ_d log|dz_d/dx_d| per row [n]. */
export function marginalLayerTf(
  marginals: MarginalSpec[],
  x: Tensor2D,
  path: MarginalPath = 'anchors',
): { z: Tensor2D; logDet: Tensor1D } {
  return tf.tidy(() => {
    const columns = tf.unstack(x, 1) as Tensor1D[];
    const gaussianize = path === 'anchors' ? gaussianizeTf : gaussianizeTableTf;
    const results = columns.map((column, d) => gaussianize(marginals[d], column));
    return {
      z: tf.stack(
        results.map((r) => r.z),
        1,
      ) as Tensor2D,
      logDet: tf.addN(results.map((r) => r.logDet)) as Tensor1D,
    };
  });
}

/** Y = X Mᵀ for a row-major D×D matrix M, i.e. y_i = M x_i. */
export function applyMatrixTf(matrix: Float32Array, x: Tensor2D): Tensor2D {
  return tf.tidy(() => {
    const dim = x.shape[1];
    return tf.matMul(x, tf.tensor2d(matrix, [dim, dim]), false, true);
  });
}

/** Y = X M, i.e. y_i = Mᵀ x_i (the inverse of an orthogonal M). */
function applyTransposeTf(matrix: Float32Array, x: Tensor2D): Tensor2D {
  return tf.tidy(() => {
    const dim = x.shape[1];
    return tf.matMul(x, tf.tensor2d(matrix, [dim, dim]));
  });
}

/** T(X) through the layers, with log|det ∂T/∂x| per point [n]. */
export function stackForwardTf(
  layers: StackLayer[],
  x: Tensor2D,
  path: MarginalPath = 'table',
): { z: Tensor2D; logDet: Tensor1D } {
  return tf.tidy(() => {
    let current = x;
    let logDet = tf.zeros([x.shape[0]]) as Tensor1D;
    for (const layer of layers) {
      const step = marginalLayerTf(layer.marginals, current, path);
      logDet = tf.add(logDet, step.logDet);
      current = layer.rotation ? applyMatrixTf(layer.rotation, step.z) : step.z;
    }
    return { z: current, logDet };
  });
}

/** T⁻¹(Z) through the layers in reverse (orthogonal rotations only), by the table path. */
export function stackInverseTf(layers: StackLayer[], z: Tensor2D): Tensor2D {
  return tf.tidy(() => {
    let current = z;
    for (const layer of [...layers].reverse()) {
      const unrotated = layer.rotation ? applyTransposeTf(layer.rotation, current) : current;
      const columns = tf.unstack(unrotated, 1) as Tensor1D[];
      current = tf.stack(
        columns.map((column, d) => degaussianizeTableTf(layer.marginals[d], column)),
        1,
      ) as Tensor2D;
    }
    return current;
  });
}

/** log N(z; 0, I) per row of Z [n, D]. */
export function standardNormalLogPdfTf(z: Tensor2D): Tensor1D {
  return tf.tidy(
    () => tf.sub(tf.mul(tf.sum(tf.square(z), 1), -0.5), z.shape[1] * HALF_LOG_2PI) as Tensor1D,
  );
}

/** log p(x) = log N(T(x); 0, I) + log|det ∂T/∂x| per point [n]. */
export function stackLogDensityTf(
  layers: StackLayer[],
  x: Tensor2D,
  path: MarginalPath = 'table',
): Tensor1D {
  return tf.tidy(() => {
    const { z, logDet } = stackForwardTf(layers, x, path);
    return tf.add(standardNormalLogPdfTf(z), logDet) as Tensor1D;
  });
}
