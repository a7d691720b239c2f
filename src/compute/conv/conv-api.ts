/**
 * The worker side of the masked-convolution panel: one layer (TfMaskedConv) at a time and the
 * ConvApi methods on it. Every method reads back once and leaves no tensors behind (the
 * layer's own variables and masks excepted). Every call runs through the session RunLoop
 * (compute/session/run-loop.ts), so a configure never disposes the layer under a pending
 * read-back; the seed is the layer's one param and rebuilds it (CONV_PARAM_TABLE).
 */
import { tf } from '../tf';
import { maxAbsImageDiff, type RgbImage } from '../../core/conv/image';
import { randomMaskedConv } from '../../core/conv/params';
import { logAbsDet } from '../../core/flow/jacobian';
import { createRng } from '../../core/rng';
import { forwardImage, traceInverseImage } from './image-ops';
import {
  CONV_MAX_IMAGE_SIDE,
  CONV_MAX_JACOBIAN_SIDE,
  type ConvApi,
  type ConvForwardResult,
  type ConvInverseResult,
  type ConvJacobianResult,
  type ConvLayerInfo,
} from './protocol';
import { TfMaskedConv } from './tf-masked-conv';
import { onBackendReplaced } from '../device-loss';
import { RunLoop } from '../session/run-loop';
import { paramChanges, type TableFor } from '../../core/session/param-table';
import { CONV_PARAM_TABLE } from '../../core/session/session-params';

/** The layer's params (bound here: the table must name exactly these). */
const PARAM_TABLE: TableFor<{ seed: number }, typeof CONV_PARAM_TABLE> = CONV_PARAM_TABLE;

const now = () => performance.now();

/** Rejects anything but a finite [H, W, C] image with 1 ≤ H, W ≤ maxSide and C = channels. */
function checkImage(image: RgbImage, channels: number, maxSide: number, what: string): void {
  const { height, width } = image ?? {};
  const sideOk = (n: unknown) =>
    Number.isInteger(n) && (n as number) >= 1 && (n as number) <= maxSide;
  if (!image || !sideOk(height) || !sideOk(width)) {
    throw new Error(`${what} must be between 1×1 and ${maxSide}×${maxSide} pixels`);
  }
  if (image.channels !== channels) {
    throw new Error(`${what} has ${image.channels} channels; the layer has ${channels}`);
  }
  const data: ArrayLike<number> | undefined = image.data;
  if (!data || data.length !== height * width * channels) {
    throw new Error(
      `${what} has ${data?.length ?? 0} values, expected H·W·C = ${height * width * channels}`,
    );
  }
  for (let k = 0; k < data.length; k++) {
    if (!Number.isFinite(data[k])) throw new Error(`${what} has a non-finite value at index ${k}`);
  }
}

/** The worker's one masked convolution and what the panel asks of it. */
export class ConvSession {
  private readonly runner = new RunLoop('conv');
  private layer: TfMaskedConv | null = null;
  private info: ConvLayerInfo | null = null;

  /** Builds the layer for a new seed (the same seed keeps it), after every earlier call. */
  configure(seed: number): Promise<ConvLayerInfo> {
    return this.runner.command(() => this.configureNow(seed));
  }

  private async configureNow(seed: number): Promise<ConvLayerInfo> {
    if (!Number.isSafeInteger(seed)) throw new Error(`the seed must be an integer, not ${seed}`);
    const before = this.info ? { seed: this.info.seed } : null;
    if (this.info && paramChanges(PARAM_TABLE, before, { seed }).rebuild.length === 0) return this.info;
    this.disposeNow();
    const layer = new TfMaskedConv(randomMaskedConv(createRng(seed)), false);
    this.layer = layer;
    // Not layer.readKernel(): it leaves the intermediate tensors of kernel() behind.
    const K = tf.tidy(() => layer.kernel());
    const [kernel, logDiagonal, bias] = await Promise.all([
      K.data() as Promise<Float32Array>,
      layer.logDiagonal.data() as Promise<Float32Array>,
      layer.bias.data() as Promise<Float32Array>,
    ]);
    K.dispose();
    const info = {
      seed,
      kernelSize: layer.kernelSize,
      channels: layer.channels,
      kernel,
      logDiagonal,
      bias,
    };
    this.info = info;
    return info;
  }

  private requireLayer(): TfMaskedConv {
    if (!this.layer) throw new Error('no layer yet: call convConfigure first');
    return this.layer;
  }

  forward(image: RgbImage): Promise<ConvForwardResult> {
    return this.runner.command(() => this.forwardNow(image));
  }

  inverse(output: RgbImage, original: RgbImage | null): Promise<ConvInverseResult> {
    return this.runner.command(() => this.inverseNow(output, original));
  }

  jacobian(image: RgbImage): Promise<ConvJacobianResult> {
    return this.runner.command(() => this.jacobianNow(image));
  }

  private async forwardNow(image: RgbImage): Promise<ConvForwardResult> {
    const layer = this.requireLayer();
    checkImage(image, layer.channels, CONV_MAX_IMAGE_SIDE, 'the image');
    const start = now();
    const output = await forwardImage(layer, image);
    const ms = now() - start;
    return { output, passes: 1, ms, logDet: await this.logDet(image.height, image.width) };
  }

  private async inverseNow(output: RgbImage, original: RgbImage | null): Promise<ConvInverseResult> {
    const layer = this.requireLayer();
    checkImage(output, layer.channels, CONV_MAX_IMAGE_SIDE, 'the output');
    if (original) {
      checkImage(original, layer.channels, CONV_MAX_IMAGE_SIDE, 'the original');
      if (original.height !== output.height || original.width !== output.width) {
        throw new Error('the original and the output differ in size');
      }
    }
    const start = now();
    const { steps, x } = await traceInverseImage(layer, output);
    const ms = now() - start;
    const contexts = Float64Array.from(steps, (step) => step.context);
    const diagonals = new Float64Array(layer.channels);
    for (const step of steps.slice(0, layer.channels)) diagonals[step.channel] = step.diagonal;
    return {
      stepCount: steps.length,
      contexts,
      diagonals,
      reconstruction: x,
      maxError: original ? maxAbsImageDiff(x, original) : Number.NaN,
      ms,
    };
  }

  private async jacobianNow(image: RgbImage): Promise<ConvJacobianResult> {
    const layer = this.requireLayer();
    checkImage(image, layer.channels, CONV_MAX_JACOBIAN_SIDE, 'the Jacobian image');
    const { height, width, channels } = image;
    const rows = await layer.jacobian(image);
    const D = rows.length;
    const values = new Float64Array(D * D);
    let logDetFromDiagonal = 0;
    let maxAboveDiagonal = 0;
    rows.forEach((row, r) => {
      values.set(row, r * D);
      logDetFromDiagonal += Math.log(Math.abs(row[r]));
      for (let c = r + 1; c < D; c++)
        maxAboveDiagonal = Math.max(maxAboveDiagonal, Math.abs(row[c]));
    });
    return {
      height,
      width,
      channels,
      size: D,
      values,
      logDetFromDiagonal,
      logDetLu: logAbsDet(rows),
      logDetFromScales: await this.logDet(height, width),
      maxAboveDiagonal,
    };
  }

  /** H·W·Σ_c s_c from the tfjs layer, read back once. */
  private async logDet(height: number, width: number): Promise<number> {
    const layer = this.requireLayer();
    const logDet = tf.tidy(() => layer.logDet(height, width));
    const value = (await logDet.data())[0];
    logDet.dispose();
    return value;
  }

  /** Frees the layer once every queued call has run. */
  dispose(): Promise<void> {
    return this.runner.command(() => this.disposeNow());
  }

  private disposeNow(): void {
    this.layer?.dispose();
    this.layer = null;
    this.info = null;
  }

  /** After a backend change: the same layer (a function of its seed) on the new backend. */
  rebuild(): Promise<void> {
    return this.runner.command(async () => {
      const seed = this.info?.seed;
      try {
        this.disposeNow();
      } catch {
        // Tensors of a lost device may refuse to be released; they are gone anyway.
        this.layer = null;
        this.info = null;
      }
      if (seed !== undefined) await this.configureNow(seed);
    });
  }
}

const session = new ConvSession();
onBackendReplaced(() => session.rebuild());

/** The worker's ConvApi implementation (spread into the worker's API object). */
export const convApi: ConvApi = {
  convConfigure: (seed) => session.configure(seed),
  convForward: (image) => session.forward(image),
  convInverse: (output, original) => session.inverse(output, original),
  convJacobian: (image) => session.jacobian(image),
};
