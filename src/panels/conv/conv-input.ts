/**
 * The panel's images as data (no React): the input for the URL's image and size, a crop for
 * the Jacobian, and the partly recovered image of the sequential inverse after k steps.
 */
import { createImage, type RgbImage } from '../../core/conv/image';
import { proceduralImage, type ProceduralImageName } from '../../core/conv/procedural';
import { createRng } from '../../core/rng';
import type { ConvImageName } from '../../state/url-schema';

/** Side of the image the Jacobian is computed on: 4×4×3 → a 48×48 matrix. */
export const JACOBIAN_SIDE = 4;

/** The input image: a built-in one (noise drawn from `seed`), or white for `blank`. */
export function convInputImage(name: ConvImageName, size: number, seed: number): RgbImage {
  if (name === 'blank') {
    const image = createImage(size, size);
    image.data.fill(1);
    return image;
  }
  return proceduralImage(name as ProceduralImageName, size, createRng(seed));
}

/** The top-left side×side corner of an image (all channels), float64. */
export function cropImage(image: RgbImage, side: number): RgbImage {
  const h = Math.min(side, image.height);
  const w = Math.min(side, image.width);
  const C = image.channels;
  const out = createImage(h, w, C);
  for (let i = 0; i < h; i++) {
    const from = i * image.width * C;
    out.data.set(image.data.subarray(from, from + w * C), i * w * C);
  }
  return out;
}

/**
 * The reconstruction as the animation shows it after `steps` steps: cells 0 … steps − 1
 * (raster-then-channel order) recovered, the rest NaN (not known yet).
 */
export function partialReconstruction(reconstruction: RgbImage, steps: number): RgbImage {
  const data = Float64Array.from(reconstruction.data);
  data.fill(Number.NaN, Math.max(0, Math.min(steps, data.length)));
  return { ...reconstruction, data };
}

/** The image with every value mapped from [lo, hi] onto [0, 1] (for drawing an output). */
export function rescaledImage(image: RgbImage, lo: number, hi: number): RgbImage {
  const span = hi - lo || 1;
  return { ...image, data: Float64Array.from(image.data, (v) => (v - lo) / span) };
}
