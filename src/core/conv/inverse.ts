/**
 * The sequential inverse of a masked convolution, in float64, one (pixel, channel) cell per
 * step in raster-then-channel order: H·W·C steps. At step k = (i·W + j)·C + c every cell the
 * output y[i, j, c] depends on, apart from x[i, j, c] itself, is already recovered, so
 *
 *   x[i, j, c] = (y[i, j, c] − b_c − Σ_{earlier taps} W·x[earlier cell]) / d_c.
 *
 * Unrecovered cells hold NaN while the inverse runs: a tap that read a later cell would turn
 * the result into NaN, so the round-trip tests also check the causality of the mask.
 */
import { createImage, type RgbImage } from './image';
import { earlierContribution, tapsByOutputChannel } from './masked-conv';
import { diagonalWeights, type MaskedConvParams } from './params';

/** One step of the inverse: which cell was recovered, and from what. */
export interface InverseStep {
  /** 0-based step number, equal to the cell's flat index (i·W + j)·C + c. */
  step: number;
  row: number;
  col: number;
  channel: number;
  /** y[i, j, c], the layer output being inverted. */
  output: number;
  /** b_c + Σ earlier contributions, from cells recovered in earlier steps. */
  context: number;
  /** d_c = exp(s_c) > 0. */
  diagonal: number;
  /** The recovered x[i, j, c] = (output − context) / diagonal. */
  value: number;
}

/**
 * Runs the inverse on y [H, W, C], yielding each step as it happens (for the animation).
 * The generator's return value is the recovered image x.
 */
export function* traceMaskedConvInverse(
  params: MaskedConvParams,
  y: RgbImage,
): Generator<InverseStep, RgbImage, void> {
  if (y.channels !== params.channels) throw new Error('image and kernel differ in channels');
  const { height: H, width: W, channels: C } = y;
  const taps = tapsByOutputChannel(params);
  const d = diagonalWeights(params);
  const x = createImage(H, W, C);
  x.data.fill(Number.NaN);
  for (let i = 0; i < H; i++) {
    for (let j = 0; j < W; j++) {
      for (let c = 0; c < C; c++) {
        const step = (i * W + j) * C + c;
        const context = params.bias[c] + earlierContribution(params, taps[c], x, i, j);
        const value = (y.data[step] - context) / d[c];
        x.data[step] = value;
        yield {
          step,
          row: i,
          col: j,
          channel: c,
          output: y.data[step],
          context,
          diagonal: d[c],
          value,
        };
      }
    }
  }
  return x;
}

/** x = layer⁻¹(y), sequentially (H·W·C steps), float64 [H, W, C]. */
export function invertMaskedConv(params: MaskedConvParams, y: RgbImage): RgbImage {
  const steps = traceMaskedConvInverse(params, y);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
