/**
 * Cell views of an RGB image for the masked-convolution panel: every (pixel, channel) cell of
 * an image [H, W, C] as one stripe, the C stripes of a pixel side by side, so reading a row of
 * stripes left to right is exactly raster-then-channel order. Pure: colours, ranges and the
 * highlight state of every cell; the panel turns them into elements.
 */
import { cellIndex, type RgbImage } from '../core/conv/image';

/**
 * How a cell is marked on the input while an output cell is inspected: the cell itself, the
 * other cells it depends on through the stacked layers, earlier cells that more layers would
 * reach, earlier cells no stack ever reaches (the blind spot), and later cells (never used).
 */
export type CellMark = 'self' | 'field' | 'reachable' | 'blind' | 'later' | 'none';

/** Names of the RGB channels, in the mask's order R → G → B. */
const CHANNEL_NAMES = ['R', 'G', 'B'] as const;

/** "R", "G", "B" (or "c3" for images with more channels). */
export function channelName(channel: number): string {
  return CHANNEL_NAMES[channel] ?? `c${channel}`;
}

/** The value range [lo, hi] a cell view maps to dark … bright. */
export interface ValueRange {
  lo: number;
  hi: number;
}

/** [0, 1] when every finite value fits in it (images), else the finite min and max. */
export function displayRange(values: ArrayLike<number>): ValueRange {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (lo > hi) return { lo: 0, hi: 1 };
  if (lo >= 0 && hi <= 1) return { lo: 0, hi: 1 };
  if (hi - lo < 1e-9) return { lo: lo - 0.5, hi: hi + 0.5 };
  return { lo, hi };
}

/** t = (v − lo) / (hi − lo) clamped to [0, 1]; NaN (a cell not yet computed) stays NaN. */
export function normalise(value: number, range: ValueRange): number {
  if (Number.isNaN(value)) return Number.NaN;
  return Math.min(1, Math.max(0, (value - range.lo) / (range.hi - range.lo)));
}

/**
 * CSS colour of one cell: its own channel's primary scaled by t (black → pure red, green or
 * blue), the way that channel lights a screen pixel. NaN gives the "not yet known" grey.
 */
export function cellColor(channel: number, t: number): string {
  if (Number.isNaN(t)) return 'rgb(200, 200, 200)';
  const level = Math.round(255 * Math.min(1, Math.max(0, t)));
  const rgb = [0, 0, 0];
  rgb[channel % 3] = level;
  return `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`;
}

/** Composite colour of pixel (row, col) with every channel clamped to [0, 1]. */
export function pixelColor(image: RgbImage, row: number, col: number): string {
  const base = cellIndex(row, col, 0, image.width, image.channels);
  const level = (c: number) =>
    c < image.channels ? Math.round(255 * Math.min(1, Math.max(0, image.data[base + c] || 0))) : 0;
  return `rgb(${level(0)}, ${level(1)}, ${level(2)})`;
}

/**
 * The mark of every cell [H·W·C] for an inspected output cell `self` (flat index), from its
 * receptive-field depths through the chosen number of layers and, optionally, through as
 * many layers as it takes (−1 = not reached; core/conv/receptive-field.ts). Without the
 * unbounded depths, earlier cells outside the field are 'none'.
 */
export function fieldMarks(
  depths: Int32Array,
  self: number,
  unboundedDepths: Int32Array | null = null,
): CellMark[] {
  const marks: CellMark[] = new Array<CellMark>(depths.length);
  for (let k = 0; k < depths.length; k++) {
    if (k === self) marks[k] = 'self';
    else if (depths[k] >= 0) marks[k] = 'field';
    else if (k > self) marks[k] = 'later';
    else if (!unboundedDepths) marks[k] = 'none';
    else marks[k] = unboundedDepths[k] >= 0 ? 'reachable' : 'blind';
  }
  return marks;
}

/** True for the marks that count as highlighted: the cell itself and its field. */
export function isHighlighted(mark: CellMark): boolean {
  return mark === 'self' || mark === 'field';
}

/** How many cells carry each mark. */
export function countMarks(marks: readonly CellMark[]): Record<CellMark, number> {
  const counts: Record<CellMark, number> = {
    self: 0,
    field: 0,
    reachable: 0,
    blind: 0,
    later: 0,
    none: 0,
  };
  for (const mark of marks) counts[mark]++;
  return counts;
}

/** Side in CSS px of one pixel (C stripes) so an image side fits `maxSide` px (at least 12). */
export function pixelSize(imageSide: number, maxSide = 336): number {
  return Math.max(12, Math.floor(maxSide / Math.max(1, imageSide) / 3) * 3);
}
