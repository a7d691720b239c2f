/**
 * Colour for densities: a sequential, colour-blind-safe map (viridis) as a 256-entry lookup
 * table, and the conversion log p → p that the heatmaps colour (−∞ and NaN become 0).
 */
import { interpolateViridis } from 'd3-scale-chromatic';

/** RGB triples, [size·3] bytes. */
export interface ColorLut {
  size: number;
  rgb: Uint8Array;
}

/** Parses "#rrggbb" or "rgb(r, g, b)" (what d3 interpolators return) into [r, g, b]. */
export function parseColor(text: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(text);
  if (hex) return [parseInt(hex[1], 16), parseInt(hex[2], 16), parseInt(hex[3], 16)];
  const rgb = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)/i.exec(text);
  if (rgb)
    return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])].map(Math.round) as [
      number,
      number,
      number,
    ];
  throw new Error(`unrecognised colour "${text}"`);
}

/** Samples an interpolator t ∈ [0, 1] ↦ colour at `size` evenly spaced points. */
export function buildColorLut(interpolate: (t: number) => string, size = 256): ColorLut {
  const rgb = new Uint8Array(size * 3);
  for (let i = 0; i < size; i++) rgb.set(parseColor(interpolate(i / (size - 1))), 3 * i);
  return { size, rgb };
}

let viridis: ColorLut | null = null;

/** The density colour map (viridis: dark purple = 0, yellow = the maximum). */
export function densityLut(): ColorLut {
  viridis ??= buildColorLut(interpolateViridis);
  return viridis;
}

/** The lookup-table index for v on the scale [0, vmax] (clamped; non-finite → 0). */
export function lutIndex(v: number, vmax: number, size: number): number {
  if (!(v > 0) || !(vmax > 0)) return 0;
  const t = Math.min(1, v / vmax);
  return Math.round(t * (size - 1));
}

/** CSS colour of the lookup table at t ∈ [0, 1]. */
export function lutCss(lut: ColorLut, t: number): string {
  const i = 3 * Math.round(Math.min(1, Math.max(0, t)) * (lut.size - 1));
  return `rgb(${lut.rgb[i]}, ${lut.rgb[i + 1]}, ${lut.rgb[i + 2]})`;
}

/** p = exp(log p) per cell; −∞, NaN and underflow give 0, +∞ is kept out by clamping to the float max. */
export function densityFromLog(logDensity: ArrayLike<number>): Float32Array {
  const out = new Float32Array(logDensity.length);
  for (let i = 0; i < out.length; i++) {
    const v = Math.exp(logDensity[i]);
    out[i] = Number.isNaN(v) ? 0 : Math.min(v, 3.4e38);
  }
  return out;
}

/** The largest finite value, or 0 when there is none. */
export function maxFinite(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v) && v > max) max = v;
  }
  return max;
}
