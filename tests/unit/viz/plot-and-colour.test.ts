import { describe, expect, it } from 'vitest';
import { interpolateViridis } from 'd3-scale-chromatic';
import {
  buildColorLut,
  densityFromLog,
  densityLut,
  lutIndex,
  maxFinite,
  parseColor,
} from '../../../src/viz/color-map';
import { densityPixels } from '../../../src/viz/heatmap';
import { formatDensity, legendTicks } from '../../../src/viz/legend';
import { plotTransform } from '../../../src/viz/plot-transform';

describe('plot transform', () => {
  const t = plotTransform({ x0: -4, x1: 4, y0: -2, y1: 6 }, 400, 200);

  it('maps the view box corners to the canvas corners, y up', () => {
    expect(t.toPx(-4, 6)).toEqual([0, 0]);
    expect(t.toPx(4, -2)).toEqual([400, 200]);
    expect(t.toPx(0, 2)).toEqual([200, 100]);
  });

  it('inverts: toData(toPx(p)) = p', () => {
    for (const [x, y] of [
      [0.3, -1.7],
      [-3.99, 5.5],
      [10, -10],
    ]) {
      const [px, py] = t.toPx(x, y);
      const [bx, by] = t.toData(px, py);
      expect(bx).toBeCloseTo(x, 12);
      expect(by).toBeCloseTo(y, 12);
    }
  });
});

describe('colour map', () => {
  it('parses the colour formats d3 interpolators return', () => {
    expect(parseColor('#21918c')).toEqual([0x21, 0x91, 0x8c]);
    expect(parseColor('rgb(127, 124, 117)')).toEqual([127, 124, 117]);
    expect(() => parseColor('teal')).toThrow(/unrecognised/);
  });

  it('builds viridis from dark to light (a sequential map: luminance rises)', () => {
    const lut = densityLut();
    expect(lut.size).toBe(256);
    expect(Array.from(lut.rgb.subarray(0, 3))).toEqual(parseColor(interpolateViridis(0)));
    const luminance = (i: number) =>
      0.2126 * lut.rgb[3 * i] + 0.7152 * lut.rgb[3 * i + 1] + 0.0722 * lut.rgb[3 * i + 2];
    for (let i = 8; i < 256; i += 8) expect(luminance(i)).toBeGreaterThan(luminance(i - 8));
    expect(buildColorLut(() => '#000000', 4).rgb.length).toBe(12);
  });

  it('maps densities on [0, vmax] to table indices, with 0 for −∞, NaN and empty scales', () => {
    expect(lutIndex(0, 1, 256)).toBe(0);
    expect(lutIndex(1, 1, 256)).toBe(255);
    expect(lutIndex(5, 1, 256)).toBe(255);
    expect(lutIndex(0.5, 1, 256)).toBe(128);
    expect(lutIndex(Number.NaN, 1, 256)).toBe(0);
    expect(lutIndex(-1, 1, 256)).toBe(0);
    expect(lutIndex(1, 0, 256)).toBe(0);
  });

  it('turns log-densities into densities, −∞ and NaN into 0', () => {
    const p = densityFromLog([0, Math.log(0.25), -Infinity, Number.NaN, 1e6, -1e6]);
    expect(Array.from(p.subarray(0, 2))).toEqual([1, 0.25]);
    expect(p[2]).toBe(0);
    expect(p[3]).toBe(0);
    expect(Number.isFinite(p[4])).toBe(true);
    expect(p[5]).toBe(0);
    expect(maxFinite([0.1, Infinity, Number.NaN, 0.7])).toBe(0.7);
    expect(maxFinite([])).toBe(0);
  });
});

describe('heatmap pixels', () => {
  const lut = densityLut();

  it('puts grid row 0 (y0) at the bottom of the image, opaque', () => {
    // 2 × 2 grid: bottom-left cell dense, rest empty.
    const pixels = densityPixels([1, 0, 0, 0], 2, 2, 1, lut);
    const top = Array.from(lut.rgb.subarray(765, 768));
    const bottom = Array.from(lut.rgb.subarray(0, 3));
    expect(Array.from(pixels.subarray(8, 11))).toEqual(top); // image row 1 (bottom), col 0
    expect(Array.from(pixels.subarray(0, 3))).toEqual(bottom); // image row 0 (top), col 0
    for (let i = 3; i < pixels.length; i += 4) expect(pixels[i]).toBe(255);
  });

  it('rejects a grid of the wrong size', () => {
    expect(() => densityPixels([1, 2, 3], 2, 2, 1, lut)).toThrow(/expected nx·ny = 4/);
  });
});

describe('legend', () => {
  it('ticks cover [0, vmax] with round numbers starting at 0', () => {
    const ticks = legendTicks(0.137);
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)!).toBeLessThanOrEqual(0.137);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(legendTicks(0)).toEqual([]);
    expect(legendTicks(Number.NaN)).toEqual([]);
    expect(legendTicks(Infinity)).toEqual([]);
  });

  it('formats densities compactly', () => {
    expect(formatDensity(0)).toBe('0');
    expect(formatDensity(0.05)).toBe('0.05');
    expect(formatDensity(0.12345)).toBe('0.123');
    expect(formatDensity(0.00012)).toBe('1.2e-4');
    expect(formatDensity(12345)).toBe('1.2e+4');
  });
});
