/**
 * Built-in RGB images for the masked-convolution panel (any size; the panel uses 8×8 and
 * 16×16) and a round brush to paint on them. Values lie in [0, 1]; all images are float64.
 */
import type { Rng } from '../types';
import { RGB_CHANNELS, cloneImage, createImage, type RgbImage } from './image';

export type ProceduralImageName = 'gradient' | 'checker' | 'disc' | 'stripes' | 'noise';

export const PROCEDURAL_IMAGE_NAMES: readonly ProceduralImageName[] = [
  'gradient',
  'checker',
  'disc',
  'stripes',
  'noise',
];

/** An RGB colour, each channel in [0, 1]. */
export type Rgb = readonly [number, number, number];

/** Fills every pixel (i, j) with colour(i, j). */
function fill(size: number, colour: (row: number, col: number) => Rgb): RgbImage {
  const image = createImage(size, size, RGB_CHANNELS);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const rgb = colour(i, j);
      const base = (i * size + j) * RGB_CHANNELS;
      for (let c = 0; c < RGB_CHANNELS; c++) image.data[base + c] = rgb[c];
    }
  }
  return image;
}

/** R rises left → right, G rises top → bottom, B falls along the main diagonal. */
export function gradientImage(size: number): RgbImage {
  const t = (v: number) => (size > 1 ? v / (size - 1) : 0);
  return fill(size, (i, j) => [t(j), t(i), 1 - (t(i) + t(j)) / 2]);
}

/** A 4×4 board of two colours (blocks of size/4 pixels, at least 1). */
export function checkerImage(size: number): RgbImage {
  const block = Math.max(1, Math.floor(size / 4));
  const dark: Rgb = [0.15, 0.2, 0.45];
  const light: Rgb = [0.95, 0.85, 0.3];
  return fill(size, (i, j) =>
    (Math.floor(i / block) + Math.floor(j / block)) % 2 === 0 ? light : dark,
  );
}

/** A red-orange disc of radius 0.35·size centred in the image, on a pale blue ground. */
export function discImage(size: number): RgbImage {
  const centre = (size - 1) / 2;
  const r2 = (0.35 * size) ** 2;
  return fill(size, (i, j) =>
    (i - centre) ** 2 + (j - centre) ** 2 <= r2 ? [0.9, 0.35, 0.1] : [0.75, 0.85, 0.95],
  );
}

/** Diagonal stripes of period 4 pixels, alternating green and magenta. */
export function stripesImage(size: number): RgbImage {
  return fill(size, (i, j) => ((i + j) % 4 < 2 ? [0.2, 0.75, 0.35] : [0.8, 0.2, 0.7]));
}

/** Every value independently uniform on [0, 1), drawn in raster-then-channel order. */
export function noiseImage(size: number, rng: Rng): RgbImage {
  const image = createImage(size, size, RGB_CHANNELS);
  for (let k = 0; k < image.data.length; k++) image.data[k] = rng.uniform();
  return image;
}

/** A built-in image by name; `rng` is used by 'noise' only. */
export function proceduralImage(name: ProceduralImageName, size: number, rng: Rng): RgbImage {
  switch (name) {
    case 'gradient':
      return gradientImage(size);
    case 'checker':
      return checkerImage(size);
    case 'disc':
      return discImage(size);
    case 'stripes':
      return stripesImage(size);
    case 'noise':
      return noiseImage(size, rng);
  }
}

/**
 * A round brush: a copy of `image` with every pixel whose centre (col, row) lies within
 * `radius` of (x, y) set to `colour` (x is the column, y the row, in pixel units; radius 0
 * paints the single pixel at a whole-number position). The input is not modified.
 */
export function paint(
  image: RgbImage,
  x: number,
  y: number,
  colour: Rgb,
  radius: number,
): RgbImage {
  const out = cloneImage(image);
  const C = image.channels;
  const r2 = radius * radius;
  const rowFrom = Math.max(0, Math.ceil(y - radius));
  const rowTo = Math.min(image.height - 1, Math.floor(y + radius));
  const colFrom = Math.max(0, Math.ceil(x - radius));
  const colTo = Math.min(image.width - 1, Math.floor(x + radius));
  for (let i = rowFrom; i <= rowTo; i++) {
    for (let j = colFrom; j <= colTo; j++) {
      if ((j - x) ** 2 + (i - y) ** 2 > r2) continue;
      const base = (i * image.width + j) * C;
      for (let c = 0; c < C; c++) out.data[base + c] = colour[Math.min(c, colour.length - 1)];
    }
  }
  return out;
}
