/** Moving images [H, W, C] (core) in and out of tfjs tensors [n, H, W, C] (NHWC). */
import { tf } from '../tf';
import { imageFromData, type RgbImage } from '../../core/conv/image';

/** One image as a batch of one, [1, H, W, C] float32. */
export function imageToTensor(image: RgbImage): tf.Tensor4D {
  return tf.tensor4d(Float32Array.from(image.data), [1, image.height, image.width, image.channels]);
}

/** Image `index` of a batch [n, H, W, C], read back with one await (the tensor is kept). */
export async function tensorToImage(t: tf.Tensor4D, index = 0): Promise<RgbImage> {
  const [, H, W, C] = t.shape;
  const all = (await t.data()) as Float32Array;
  const size = H * W * C;
  return imageFromData(all.slice(index * size, (index + 1) * size), H, W, C);
}
