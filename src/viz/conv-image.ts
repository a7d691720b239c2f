/**
 * An RGB image [H, W, C] drawn as a picture: one square per pixel, channels clamped to
 * [0, 1]. Pixels whose channels are all NaN (not recovered yet by a sequential inverse) are
 * drawn as a light checker, so the part still to come is visible.
 */
import type { RgbImage } from '../core/conv/image';

/** Layout of an H×W image in a `width`×`height` CSS px box: square pixels, centred. */
export interface ImageLayout {
  pixel: number;
  left: number;
  top: number;
}

export function imageLayout(
  image: Pick<RgbImage, 'height' | 'width'>,
  width: number,
  height: number,
): ImageLayout {
  const pixel = Math.max(1, Math.min(width / image.width, height / image.height));
  return {
    pixel,
    left: (width - pixel * image.width) / 2,
    top: (height - pixel * image.height) / 2,
  };
}

/**
 * The image position (x = column, y = row, in pixel units, pixel centres at whole numbers)
 * under a point of the box, clamped to the image.
 */
export function imagePointAt(
  image: Pick<RgbImage, 'height' | 'width'>,
  width: number,
  height: number,
  px: number,
  py: number,
): { x: number; y: number } {
  const { pixel, left, top } = imageLayout(image, width, height);
  const clamp = (v: number, n: number) => Math.min(n - 1, Math.max(0, v));
  return {
    x: clamp((px - left) / pixel - 0.5, image.width),
    y: clamp((py - top) / pixel - 0.5, image.height),
  };
}

/** RGBA bytes [H·W·4]: channels clamped to [0, 1]; all-NaN pixels as a pale checker. */
export function imagePixels(image: RgbImage): Uint8ClampedArray<ArrayBuffer> {
  const { height: H, width: W, channels: C } = image;
  const out = new Uint8ClampedArray(new ArrayBuffer(H * W * 4));
  for (let i = 0; i < H; i++) {
    for (let j = 0; j < W; j++) {
      const base = (i * W + j) * C;
      const p = 4 * (i * W + j);
      let known = false;
      for (let c = 0; c < 3; c++) {
        const v = c < C ? image.data[base + c] : 0;
        if (!Number.isNaN(v)) known = true;
        out[p + c] = Number.isNaN(v) ? 0 : Math.round(255 * Math.min(1, Math.max(0, v)));
      }
      if (!known) out.fill((i + j) % 2 === 0 ? 226 : 240, p, p + 3);
      out[p + 3] = 255;
    }
  }
  return out;
}

export interface ImageDrawOptions {
  /** A pixel to outline (a cursor or the cell being solved). */
  outline?: { row: number; col: number; radius?: number } | null;
}

/** Draws the image into a context from prepareCanvas, pixelated. */
export function drawRgbImage(
  ctx: CanvasRenderingContext2D,
  image: RgbImage,
  width: number,
  height: number,
  options: ImageDrawOptions = {},
): void {
  const { pixel, left, top } = imageLayout(image, width, height);
  const scratch = document.createElement('canvas');
  scratch.width = image.width;
  scratch.height = image.height;
  scratch
    .getContext('2d')
    ?.putImageData(new ImageData(imagePixels(image), image.width, image.height), 0, 0);
  ctx.save();
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(scratch, left, top, pixel * image.width, pixel * image.height);
  if (options.outline) {
    const { row, col, radius = 0 } = options.outline;
    const r = Math.floor(radius);
    ctx.lineWidth = 2;
    ctx.strokeStyle = '#ffffff';
    ctx.strokeRect(
      left + (col - r) * pixel + 1,
      top + (row - r) * pixel + 1,
      (2 * r + 1) * pixel - 2,
      (2 * r + 1) * pixel - 2,
    );
    ctx.strokeStyle = '#1c2330';
    ctx.lineWidth = 1;
    ctx.strokeRect(
      left + (col - r) * pixel - 0.5,
      top + (row - r) * pixel - 0.5,
      (2 * r + 1) * pixel + 1,
      (2 * r + 1) * pixel + 1,
    );
  }
  ctx.restore();
}
