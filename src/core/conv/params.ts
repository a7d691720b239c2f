/**
 * Parameters of one masked invertible convolution and the effective kernel they give.
 *
 *   K = W ⊙ M_earlier + S ⊙ exp(s)     [k, k, C, C]
 * W: free weights (any values; the mask zeroes the ones that look at later cells),
 * M_earlier: the 'earlier' mask, S: the diagonal selector (1 at K[p, p, c, c]),
 * s: one log-scale per channel, so the diagonal weight d_c = exp(s_c) > 0 always.
 * The layer is y = conv(x, K) + b, and log|det ∂y/∂x| = H·W·Σ_c s_c.
 */
import type { Rng } from '../types';
import { diagonalIndex, earlierMask, kernelLength, type KernelShape } from './mask';

export interface MaskedConvParams extends KernelShape {
  /** Free weights W, [k, k, C, C] HWIO; masked entries may hold anything. */
  weights: Float64Array;
  /** s_c, [C]: diagonal weight d_c = exp(s_c). */
  logDiagonal: Float64Array;
  /** b_c, [C]. */
  bias: Float64Array;
}

export interface RandomMaskedConvOptions {
  kernelSize?: number;
  channels?: number;
  /** Standard deviation of every free weight. */
  weightScale?: number;
  /** Standard deviation of the log-diagonal s_c. */
  logDiagonalScale?: number;
  /** Standard deviation of the bias. */
  biasScale?: number;
}

/**
 * A random layer: W ~ N(0, weightScale²) everywhere (masked entries too, so the mask has real
 * work to do), s ~ N(0, logDiagonalScale²), b ~ N(0, biasScale²). The default weightScale
 * keeps Σ|off-diagonal weights| below the diagonal on average (3×3 RGB: 12–14 earlier taps
 * per output), so the sequential inverse is numerically stable on 16×16 images.
 */
export function randomMaskedConv(
  rng: Rng,
  options: RandomMaskedConvOptions = {},
): MaskedConvParams {
  const shape: KernelShape = {
    kernelSize: options.kernelSize ?? 3,
    channels: options.channels ?? 3,
  };
  const weightScale = options.weightScale ?? 0.08;
  const logDiagonalScale = options.logDiagonalScale ?? 0.25;
  const biasScale = options.biasScale ?? 0.1;
  const C = shape.channels;
  return {
    ...shape,
    weights: Float64Array.from({ length: kernelLength(shape) }, () => weightScale * rng.normal()),
    logDiagonal: Float64Array.from({ length: C }, () => logDiagonalScale * rng.normal()),
    bias: Float64Array.from({ length: C }, () => biasScale * rng.normal()),
  };
}

/** The identity layer: all weights 0, every diagonal 1 (s = 0), no bias. */
export function identityMaskedConv(kernelSize = 3, channels = 3): MaskedConvParams {
  const shape: KernelShape = { kernelSize, channels };
  return {
    ...shape,
    weights: new Float64Array(kernelLength(shape)),
    logDiagonal: new Float64Array(channels),
    bias: new Float64Array(channels),
  };
}

/** The effective kernel K = W ⊙ M_earlier + S ⊙ exp(s), [k, k, C, C] HWIO, float64. */
export function effectiveKernel(params: MaskedConvParams): Float64Array {
  const mask = earlierMask(params);
  const K = new Float64Array(kernelLength(params));
  for (let i = 0; i < K.length; i++) K[i] = mask[i] === 1 ? params.weights[i] : 0;
  for (let c = 0; c < params.channels; c++)
    K[diagonalIndex(params, c)] = Math.exp(params.logDiagonal[c]);
  return K;
}

/** The diagonal weights d_c = exp(s_c), [C]. */
export function diagonalWeights(params: MaskedConvParams): Float64Array {
  return params.logDiagonal.map(Math.exp);
}
