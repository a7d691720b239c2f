/**
 * The masked-convolution panel's contract with the compute worker (masked invertible
 * convolutions as in MaCow, Ma et al. 2019, and emerging convolutions, Hoogeboom et al. 2019).
 * Types only; the page imports this file with `import type`.
 *
 * Images are [H, W, C] row-major (core/conv/image.ts): cell (i, j, c) sits at flat index
 * (i·W + j)·C + c, which is also its place in raster-then-channel order.
 */
import type { RgbImage } from '../../core/conv/image';

/** Largest image side the worker accepts (the panel uses 8 and 16). */
export const CONV_MAX_IMAGE_SIDE = 32;
/** Largest image side for the dense Jacobian ([HWC]² entries; the panel uses 4 → 48×48). */
export const CONV_MAX_JACOBIAN_SIDE = 6;

/** The layer the worker holds, read back once for drawing the kernel. */
export interface ConvLayerInfo {
  /** Seed of the random weights (randomMaskedConv). */
  seed: number;
  kernelSize: number;
  channels: number;
  /** Effective kernel K = W ⊙ M_earlier + S ⊙ exp(s), [k, k, C_in, C_out] (HWIO) flat. */
  kernel: Float32Array;
  /** s_c, [C]: the diagonal weights are d_c = exp(s_c). */
  logDiagonal: Float32Array;
  /** b_c, [C]. */
  bias: Float32Array;
}

/** y = conv2d(x, K, 'same') + b, computed in one parallel pass. */
export interface ConvForwardResult {
  /** y [H, W, C] (float32 values). */
  output: RgbImage;
  /** Network passes the forward needed: one conv2d, whatever the image size. */
  passes: number;
  /** Wall time of the pass and its read-back, ms. */
  ms: number;
  /** log|det ∂y/∂x| = H·W·Σ_c s_c. */
  logDet: number;
}

/** The sequential inverse x = layer⁻¹(y): one cell per step, H·W·C steps. */
export interface ConvInverseResult {
  /** H·W·C; step k recovers the cell with flat index k. */
  stepCount: number;
  /** Per step k: context_k = b_c + Σ over earlier taps of K·x̂ (cells recovered before k), [D]. */
  contexts: Float64Array;
  /** d_c, [C]: step k divides by the diagonal weight of its channel. */
  diagonals: Float64Array;
  /** x̂ [H, W, C] in float64: x̂_k = (y_k − context_k) / d_c. */
  reconstruction: RgbImage;
  /** max_k |x̂_k − x_k| against the original image passed in; NaN without one. */
  maxError: number;
  /** Wall time of the whole sequential solve, ms. */
  ms: number;
}

/** The dense Jacobian ∂y/∂x of the layer on a small image, by autodiff (tfjs gradients). */
export interface ConvJacobianResult {
  height: number;
  width: number;
  channels: number;
  /** D = H·W·C; the matrix is D × D. */
  size: number;
  /** J[r][c] = ∂y_r/∂x_c row-major [D·D], rows and columns in raster-then-channel order. */
  values: Float64Array;
  /** Σ_k log|J_kk|: log|det| of a triangular matrix, read off its diagonal. */
  logDetFromDiagonal: number;
  /** log|det J| by LU with partial pivoting of the full autodiff matrix (no structure used). */
  logDetLu: number;
  /** H·W·Σ_c s_c from the layer's own parameters (tfjs). */
  logDetFromScales: number;
  /** max |J[r][c]| over c > r: exactly 0 when J is lower triangular. */
  maxAboveDiagonal: number;
}

/** The worker methods of the masked-convolution panel. */
export interface ConvApi {
  /**
   * Builds the layer with random weights from `seed` (masked weights hold values too, so the
   * mask does real work) and returns its kernel. Same seed again: the layer is kept.
   */
  convConfigure(seed: number): Promise<ConvLayerInfo>;
  /** y = layer(x), one conv2d. Rejects before convConfigure or on a malformed image. */
  convForward(image: RgbImage): Promise<ConvForwardResult>;
  /**
   * Inverts y cell by cell with the layer's read-back weights, recording every step for the
   * animation; `original` (the x that gave y) is only used to report the error.
   */
  convInverse(output: RgbImage, original: RgbImage | null): Promise<ConvInverseResult>;
  /** The autodiff Jacobian on a small image (side ≤ CONV_MAX_JACOBIAN_SIDE) and its log|det|s. */
  convJacobian(image: RgbImage): Promise<ConvJacobianResult>;
}
