/**
 * The float64 reference of one masked invertible convolution: forward pass, the exact dense
 * Jacobian, and log|det| from the diagonal. Shapes: images [H, W, C]; kernel see params.ts.
 *
 *   y[i, j, c] = b_c + d_c·x[i, j, c] + Σ_{earlier taps (dy, dx, c')} W[·, ·, c', c]·x[i+dy, j+dx, c']
 *
 * with zero padding (taps that fall outside the image contribute nothing).
 */
import { createImage, type RgbImage } from './image';
import { earlierTaps, type KernelTap } from './mask';
import { diagonalWeights, type MaskedConvParams } from './params';

/** The earlier taps grouped by output channel: taps[c] feed output channel c. */
export function tapsByOutputChannel(params: MaskedConvParams): KernelTap[][] {
  const groups: KernelTap[][] = Array.from({ length: params.channels }, () => []);
  for (const tap of earlierTaps(params)) groups[tap.cout].push(tap);
  return groups;
}

function checkChannels(params: MaskedConvParams, image: RgbImage): void {
  if (image.channels !== params.channels) {
    throw new Error(`image has ${image.channels} channels, the kernel ${params.channels}`);
  }
}

/**
 * Σ over the earlier taps of output cell (i, j, c): the part of y[i, j, c] that comes from
 * other cells. Reads only cells earlier than (i, j, c) in raster-then-channel order.
 */
export function earlierContribution(
  params: MaskedConvParams,
  taps: readonly KernelTap[],
  x: RgbImage,
  row: number,
  col: number,
): number {
  const { height: H, width: W, channels: C } = x;
  let sum = 0;
  for (const tap of taps) {
    const r = row + tap.dy;
    const q = col + tap.dx;
    if (r < 0 || r >= H || q < 0 || q >= W) continue;
    sum += params.weights[tap.index] * x.data[(r * W + q) * C + tap.cin];
  }
  return sum;
}

/** y = conv(x, K) + b, one pass ('same' zero padding), float64 [H, W, C]. */
export function maskedConvForward(params: MaskedConvParams, x: RgbImage): RgbImage {
  checkChannels(params, x);
  const { height: H, width: W, channels: C } = x;
  const taps = tapsByOutputChannel(params);
  const d = diagonalWeights(params);
  const y = createImage(H, W, C);
  for (let i = 0; i < H; i++) {
    for (let j = 0; j < W; j++) {
      for (let c = 0; c < C; c++) {
        const k = (i * W + j) * C + c;
        y.data[k] =
          params.bias[c] + d[c] * x.data[k] + earlierContribution(params, taps[c], x, i, j);
      }
    }
  }
  return y;
}

/**
 * The dense Jacobian ∂y/∂x of the layer on an H×W image, [HWC][HWC], built exactly from the
 * kernel (the layer is affine, so J does not depend on x). Rows and columns are in
 * raster-then-channel order, so J is lower triangular with d_c on the diagonal.
 */
export function maskedConvJacobian(
  params: MaskedConvParams,
  height: number,
  width: number,
): number[][] {
  const C = params.channels;
  const D = height * width * C;
  const taps = tapsByOutputChannel(params);
  const d = diagonalWeights(params);
  const J = Array.from({ length: D }, () => new Array<number>(D).fill(0));
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      for (let c = 0; c < C; c++) {
        const row = J[(i * width + j) * C + c];
        row[(i * width + j) * C + c] = d[c];
        for (const tap of taps[c]) {
          const r = i + tap.dy;
          const q = j + tap.dx;
          if (r < 0 || r >= height || q < 0 || q >= width) continue;
          row[(r * width + q) * C + tap.cin] = params.weights[tap.index];
        }
      }
    }
  }
  return J;
}

/** log|det ∂y/∂x| = Σ over the H·W·C diagonal entries of log d_c = H·W·Σ_c s_c. */
export function maskedConvLogDet(params: MaskedConvParams, height: number, width: number): number {
  let sum = 0;
  for (let c = 0; c < params.channels; c++) sum += params.logDiagonal[c];
  return height * width * sum;
}
