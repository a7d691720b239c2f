/**
 * Whole-image operations on one layer, for the worker: each takes an image [H, W, C], runs in
 * its own tf.tidy, reads back once and leaves no tensors behind.
 */
import { tf } from '../tf';
import type { RgbImage } from '../../core/conv/image';
import { traceMaskedConvInverse, type InverseStep } from '../../core/conv/inverse';
import { imageToTensor, tensorToImage } from './image-tensor';
import type { TfMaskedConv } from './tf-masked-conv';

async function readAndDispose(t: tf.Tensor4D): Promise<RgbImage> {
  const image = await tensorToImage(t);
  t.dispose();
  return image;
}

/** y = layer(x): one parallel conv2d. */
export function forwardImage(layer: TfMaskedConv, x: RgbImage): Promise<RgbImage> {
  return readAndDispose(tf.tidy(() => layer.forward(imageToTensor(x))));
}

/** x = layer⁻¹(y) in tfjs: H·W·C sequential conv2d steps. */
export function inverseImage(layer: TfMaskedConv, y: RgbImage): Promise<RgbImage> {
  return readAndDispose(tf.tidy(() => layer.sequentialInverse(imageToTensor(y))));
}

/**
 * The sequential inverse in float64 from the layer's read-back weights: every step of it, for
 * the animation, plus the recovered image. Cheap for 16×16×3 = 768 steps (no tensors).
 */
export async function traceInverseImage(
  layer: TfMaskedConv,
  y: RgbImage,
): Promise<{ steps: InverseStep[]; x: RgbImage }> {
  const steps: InverseStep[] = [];
  const run = traceMaskedConvInverse(await layer.readParams(), y);
  for (;;) {
    const next = run.next();
    if (next.done) return { steps, x: next.value };
    steps.push(next.value);
  }
}
