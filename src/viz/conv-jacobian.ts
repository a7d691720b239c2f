/**
 * The dense Jacobian ∂y/∂x of a masked convolution ([D, D] row-major, D = H·W·C, rows and
 * columns in raster-then-channel order) as a heatmap: one square per entry on a diverging
 * scale, exact zeros left blank, the diagonal outlined, and faint lines between pixels
 * (every C entries) and stronger ones between image rows (every W·C entries).
 */
import { divergingLut, divergingT } from './conv-kernel';
import type { ColorLut } from './color-map';

/** Facts about the matrix that its picture should make plain (also the text alternative). */
export interface JacobianSummary {
  size: number;
  /** Entries above the diagonal that are not exactly 0 (0 for a lower-triangular matrix). */
  nonZeroAbove: number;
  /** Entries below the diagonal that are not 0: the layer's dependence on earlier cells. */
  nonZeroBelow: number;
  /** max |J_ij| over all entries. */
  maxAbs: number;
  /** max |J_ij| below the diagonal (0 for a diagonal matrix). */
  maxAbsBelow: number;
  /** Smallest and largest diagonal entry. */
  minDiagonal: number;
  maxDiagonal: number;
}

export function summariseJacobian(values: ArrayLike<number>, size: number): JacobianSummary {
  if (values.length !== size * size) {
    throw new Error(`Jacobian has ${values.length} entries, expected ${size}² = ${size * size}`);
  }
  const summary: JacobianSummary = {
    size,
    nonZeroAbove: 0,
    nonZeroBelow: 0,
    maxAbs: 0,
    maxAbsBelow: 0,
    minDiagonal: Number.POSITIVE_INFINITY,
    maxDiagonal: Number.NEGATIVE_INFINITY,
  };
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const v = values[r * size + c];
      summary.maxAbs = Math.max(summary.maxAbs, Math.abs(v));
      if (c > r && v !== 0) summary.nonZeroAbove++;
      else if (c < r && v !== 0) {
        summary.nonZeroBelow++;
        summary.maxAbsBelow = Math.max(summary.maxAbsBelow, Math.abs(v));
      } else if (c === r) {
        summary.minDiagonal = Math.min(summary.minDiagonal, v);
        summary.maxDiagonal = Math.max(summary.maxDiagonal, v);
      }
    }
  }
  return summary;
}

/** RGBA pixels [D·D·4], one per entry: diverging colour on [−maxAbs, maxAbs], exact 0 white. */
export function jacobianPixels(
  values: ArrayLike<number>,
  size: number,
  maxAbs: number,
  lut: ColorLut = divergingLut(),
): Uint8ClampedArray<ArrayBuffer> {
  const pixels = new Uint8ClampedArray(new ArrayBuffer(size * size * 4));
  for (let i = 0; i < size * size; i++) {
    const v = values[i];
    const p = 4 * i;
    if (v === 0) {
      pixels.fill(255, p, p + 4);
      continue;
    }
    const c = 3 * Math.round(divergingT(v, maxAbs) * (lut.size - 1));
    pixels[p] = lut.rgb[c];
    pixels[p + 1] = lut.rgb[c + 1];
    pixels[p + 2] = lut.rgb[c + 2];
    pixels[p + 3] = 255;
  }
  return pixels;
}

/** Layout of the heatmap in a square canvas of `side` CSS px: whole-pixel cells, centred. */
export interface JacobianLayout {
  cell: number;
  offset: number;
  extent: number;
}

export function jacobianLayout(size: number, side: number): JacobianLayout {
  const cell = Math.max(1, Math.floor(side / size));
  const extent = cell * size;
  return { cell, offset: Math.floor((side - extent) / 2), extent };
}

/** The (row, column) entry under canvas point (x, y), or null outside the matrix. */
export function jacobianEntryAt(
  x: number,
  y: number,
  size: number,
  side: number,
): { row: number; col: number } | null {
  const { cell, offset } = jacobianLayout(size, side);
  const col = Math.floor((x - offset) / cell);
  const row = Math.floor((y - offset) / cell);
  if (row < 0 || col < 0 || row >= size || col >= size) return null;
  return { row, col };
}

export interface JacobianDrawOptions {
  /** Entries per pixel (C): faint separators. */
  channels: number;
  /** Entries per image row (W·C): stronger separators. */
  rowLength: number;
  /** Entry to outline (hovered), if any. */
  highlight?: { row: number; col: number } | null;
}

/**
 * The colour scale: the largest entry below the diagonal, so the dependence on earlier cells
 * shows even when it is small beside the diagonal (whose entries then saturate; they are
 * outlined anyway). A diagonal matrix falls back to its largest entry.
 */
export function jacobianColorScale(summary: JacobianSummary): number {
  return summary.maxAbsBelow > 0 ? summary.maxAbsBelow : summary.maxAbs;
}

/** Draws the matrix into a square of `side` CSS px (a context from prepareCanvas). */
export function drawJacobian(
  ctx: CanvasRenderingContext2D,
  values: ArrayLike<number>,
  size: number,
  side: number,
  options: JacobianDrawOptions,
): void {
  const scale = jacobianColorScale(summariseJacobian(values, size));
  const { cell, offset, extent } = jacobianLayout(size, side);
  const scratch = document.createElement('canvas');
  scratch.width = size;
  scratch.height = size;
  scratch
    .getContext('2d')
    ?.putImageData(new ImageData(jacobianPixels(values, size, scale), size, size), 0, 0);
  ctx.save();
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(scratch, offset, offset, extent, extent);
  const line = (k: number, style: string) => {
    ctx.strokeStyle = style;
    ctx.beginPath();
    ctx.moveTo(offset + k * cell + 0.5, offset);
    ctx.lineTo(offset + k * cell + 0.5, offset + extent);
    ctx.moveTo(offset, offset + k * cell + 0.5);
    ctx.lineTo(offset + extent, offset + k * cell + 0.5);
    ctx.stroke();
  };
  ctx.lineWidth = 1;
  for (let k = 0; k <= size; k++) {
    if (k % options.rowLength === 0) line(k, 'rgba(28, 35, 48, 0.55)');
    else if (k % options.channels === 0 && cell >= 4) line(k, 'rgba(28, 35, 48, 0.12)');
  }
  // The diagonal: every entry outlined, so it reads as a line even where colours are pale.
  ctx.strokeStyle = '#1c2330';
  ctx.lineWidth = Math.max(1, cell / 5);
  for (let k = 0; k < size; k++) {
    ctx.strokeRect(offset + k * cell + 0.5, offset + k * cell + 0.5, cell - 1, cell - 1);
  }
  if (options.highlight) {
    const { row, col } = options.highlight;
    ctx.strokeStyle = '#f0a000';
    ctx.lineWidth = 2;
    ctx.strokeRect(offset + col * cell - 1, offset + row * cell - 1, cell + 2, cell + 2);
  }
  ctx.restore();
}
