/**
 * Small multi-channel images for the masked-convolution panel.
 *
 * Layout: row-major [H, W, C] (the NHWC layout of tfjs without the batch axis), so pixel
 * (row i, column j), channel c is `data[(i·W + j)·C + c]`. That flat index is also the
 * raster-then-channel order of the masked convolution: cell k comes before cell k' exactly
 * when k < k'. The built-in images are RGB (C = 3) with values in [0, 1].
 */

/** Channels of an RGB image; the masked kernel orders them R → G → B. */
export const RGB_CHANNELS = 3;

export interface RgbImage {
  height: number;
  width: number;
  /** 3 for RGB; the masked-convolution math works for any C ≥ 1. */
  channels: number;
  /** Row-major [H, W, C], length H·W·C. */
  data: Float64Array | Float32Array;
}

/** One (pixel, channel) cell of an image. */
export interface ImageCell {
  row: number;
  col: number;
  channel: number;
}

/** A zero image [H, W, C] in float64. */
export function createImage(height: number, width: number, channels = RGB_CHANNELS): RgbImage {
  return { height, width, channels, data: new Float64Array(height * width * channels) };
}

/** An image over the given values, which must have length H·W·C (not copied). */
export function imageFromData(
  data: Float64Array | Float32Array,
  height: number,
  width: number,
  channels = RGB_CHANNELS,
): RgbImage {
  if (data.length !== height * width * channels) {
    throw new Error(
      `image data has ${data.length} values, expected ${height}·${width}·${channels}`,
    );
  }
  return { height, width, channels, data };
}

/** A float64 copy of an image. */
export function cloneImage(image: RgbImage): RgbImage {
  return { ...image, data: Float64Array.from(image.data) };
}

/** Number of (pixel, channel) cells, H·W·C: the dimension of the flow on this image. */
export function cellCount(image: Pick<RgbImage, 'height' | 'width' | 'channels'>): number {
  return image.height * image.width * image.channels;
}

/** Flat index (i·W + j)·C + c of a cell, which is its position in raster-then-channel order. */
export function cellIndex(
  row: number,
  col: number,
  channel: number,
  width: number,
  channels = RGB_CHANNELS,
): number {
  return (row * width + col) * channels + channel;
}

/** The cell at a flat index (inverse of cellIndex). */
export function cellAt(index: number, width: number, channels = RGB_CHANNELS): ImageCell {
  const channel = index % channels;
  const pixel = (index - channel) / channels;
  return { row: Math.floor(pixel / width), col: pixel % width, channel };
}

/** True when cell a comes strictly before cell b in raster-then-channel order. */
export function isEarlierCell(a: ImageCell, b: ImageCell): boolean {
  if (a.row !== b.row) return a.row < b.row;
  if (a.col !== b.col) return a.col < b.col;
  return a.channel < b.channel;
}

/** max |a − b| over all values of two images of the same shape. */
export function maxAbsImageDiff(a: RgbImage, b: RgbImage): number {
  if (a.data.length !== b.data.length) throw new Error('images differ in shape');
  let m = 0;
  for (let k = 0; k < a.data.length; k++) m = Math.max(m, Math.abs(a.data[k] - b.data[k]));
  return m;
}
