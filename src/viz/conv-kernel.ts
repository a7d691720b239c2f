/**
 * The masked kernel as slices: for every output channel c_out, one k×k slice per input
 * channel c_in, i.e. the weights K[a, b, c_in, c_out] (HWIO, core/conv/mask.ts) that output
 * channel c_out applies to input channel c_in around a pixel. Pure data and colours; the panel
 * draws the slices as small grids.
 */
import { interpolateRdBu } from 'd3-scale-chromatic';
import { kernelIndex, maskKinds, type KernelShape, type MaskKind } from '../core/conv/mask';
import { buildColorLut, lutCss, type ColorLut } from './color-map';

/** One weight of a slice: kernel position (a, b) (row, column), its value and its mask kind. */
export interface KernelSliceCell {
  a: number;
  b: number;
  /** Offsets from the centre pixel: dy = a − p, dx = b − p. */
  dy: number;
  dx: number;
  value: number;
  kind: MaskKind;
}

/** The k×k weights of K[·, ·, c_in, c_out], row by row. */
export function kernelSlice(
  shape: KernelShape,
  kernel: ArrayLike<number>,
  cin: number,
  cout: number,
  kinds: readonly MaskKind[] = maskKinds(shape),
): KernelSliceCell[] {
  const k = shape.kernelSize;
  const p = (k - 1) / 2;
  const cells: KernelSliceCell[] = [];
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      const index = kernelIndex(shape, a, b, cin, cout);
      cells.push({ a, b, dy: a - p, dx: b - p, value: kernel[index], kind: kinds[index] });
    }
  }
  return cells;
}

/** Number of weights of each kind in output channel c_out's slices (its C·k² weights). */
export function kindCounts(shape: KernelShape, cout: number): Record<MaskKind, number> {
  const kinds = maskKinds(shape);
  const counts: Record<MaskKind, number> = { earlier: 0, diagonal: 0, masked: 0 };
  const k = shape.kernelSize;
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++)
      for (let cin = 0; cin < shape.channels; cin++)
        counts[kinds[kernelIndex(shape, a, b, cin, cout)]]++;
  return counts;
}

/** The largest |weight| among the unmasked ones (the scale of the diverging colours). */
export function unmaskedMaxAbs(kernel: ArrayLike<number>, kinds: readonly MaskKind[]): number {
  let max = 0;
  for (let i = 0; i < kernel.length; i++) {
    if (kinds[i] !== 'masked') max = Math.max(max, Math.abs(kernel[i]));
  }
  return max;
}

let diverging: ColorLut | null = null;

/** A diverging map (ColorBrewer RdBu): blue = negative, near-white = 0, red = positive. */
export function divergingLut(): ColorLut {
  diverging ??= buildColorLut((t) => interpolateRdBu(1 - t));
  return diverging;
}

/** Position t ∈ [0, 1] of v on the symmetric scale [−vmax, vmax] (0.5 for 0 or no scale). */
export function divergingT(value: number, vmax: number): number {
  if (!(vmax > 0) || !Number.isFinite(value)) return 0.5;
  return Math.min(1, Math.max(0, 0.5 + value / (2 * vmax)));
}

/** WCAG relative luminance of an sRGB colour given as bytes. */
export function relativeLuminance([r, g, b]: readonly [number, number, number]): number {
  const linear = (v: number) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/**
 * Black or white, whichever contrasts more with the background (black wins when the
 * background's luminance is at least 0.179, where both contrasts equal √(1.05·0.05)/0.05).
 * Either choice reaches the WCAG AA ratio 4.5 on every colour.
 */
export function textColorOn(background: readonly [number, number, number]): '#000000' | '#ffffff' {
  return relativeLuminance(background) >= 0.179 ? '#000000' : '#ffffff';
}

/** Background and text colours of a weight cell on [−vmax, vmax]. */
export function weightColors(value: number, vmax: number): { background: string; color: string } {
  const lut = divergingLut();
  const i = 3 * Math.round(divergingT(value, vmax) * (lut.size - 1));
  const rgb: [number, number, number] = [lut.rgb[i], lut.rgb[i + 1], lut.rgb[i + 2]];
  return { background: `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`, color: textColorOn(rgb) };
}

/** CSS colour of a weight on [−vmax, vmax]. */
export function divergingColor(value: number, vmax: number): string {
  return lutCss(divergingLut(), divergingT(value, vmax));
}

/** Weight text for a slice cell: "0.12", "−0.05", "1.08". */
export function formatWeight(value: number): string {
  const text = value.toFixed(2);
  if (Number(text) === 0) return '0.00';
  return text.startsWith('-') ? `−${text.slice(1)}` : text;
}
