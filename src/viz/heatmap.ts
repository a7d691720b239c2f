/**
 * Density heatmaps: a grid of densities [ny, nx] (row 0 at the bottom, y0) coloured on
 * [0, vmax] and drawn over the plot's view box, smoothly upscaled.
 */
import { lutIndex, type ColorLut } from './color-map';
import type { GridBox, PlotTransform } from './plot-transform';

/**
 * RGBA pixels of an nx × ny image (image row 0 is the top, i.e. grid row ny − 1), [ny·nx·4].
 */
export function densityPixels(
  density: ArrayLike<number>,
  nx: number,
  ny: number,
  vmax: number,
  lut: ColorLut,
): Uint8ClampedArray<ArrayBuffer> {
  if (density.length !== nx * ny) {
    throw new Error(`density has ${density.length} values, expected nx·ny = ${nx * ny}`);
  }
  const pixels = new Uint8ClampedArray(new ArrayBuffer(nx * ny * 4));
  for (let row = 0; row < ny; row++) {
    const imageRow = ny - 1 - row;
    for (let col = 0; col < nx; col++) {
      const c = 3 * lutIndex(density[row * nx + col], vmax, lut.size);
      const p = 4 * (imageRow * nx + col);
      pixels[p] = lut.rgb[c];
      pixels[p + 1] = lut.rgb[c + 1];
      pixels[p + 2] = lut.rgb[c + 2];
      pixels[p + 3] = 255;
    }
  }
  return pixels;
}

let scratch: HTMLCanvasElement | null = null;

/** Draws the coloured grid so each cell covers its box in data coordinates. */
export function drawHeatmap(
  ctx: CanvasRenderingContext2D,
  density: ArrayLike<number>,
  grid: GridBox,
  transform: PlotTransform,
  vmax: number,
  lut: ColorLut,
): void {
  const { nx, ny } = grid;
  scratch ??= document.createElement('canvas');
  scratch.width = nx;
  scratch.height = ny;
  const scratchCtx = scratch.getContext('2d');
  if (!scratchCtx) return;
  scratchCtx.putImageData(new ImageData(densityPixels(density, nx, ny, vmax, lut), nx, ny), 0, 0);
  const [left, top] = transform.toPx(grid.x0, grid.y1);
  const [right, bottom] = transform.toPx(grid.x1, grid.y0);
  ctx.save();
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(scratch, left, top, right - left, bottom - top);
  ctx.restore();
}
