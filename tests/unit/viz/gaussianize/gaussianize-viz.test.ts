import { describe, expect, it } from 'vitest';
import {
  CHART_MARGIN,
  chartToPx,
  formatTick,
  niceTicks,
} from '../../../../src/viz/gaussianize/axes';
import { finiteRange, histogram, histogramYMax } from '../../../../src/viz/gaussianize/histogram';
import { qqExtent, thinIndices } from '../../../../src/viz/gaussianize/qq-plot';
import {
  cloudHalfWidth,
  easeInOut,
  interpolateClouds,
} from '../../../../src/viz/gaussianize/transition';
import { gaussianityDomain } from '../../../../src/viz/gaussianize/gaussianity-chart';

describe('chart frame and ticks', () => {
  const frame = { x0: -2, x1: 2, y0: 0, y1: 1, width: 200, height: 120, margin: CHART_MARGIN };

  it('maps the box corners to the plotting area’s corners (y up)', () => {
    expect(chartToPx(frame, -2, 0)).toEqual([CHART_MARGIN.left, 120 - CHART_MARGIN.bottom]);
    expect(chartToPx(frame, 2, 1)).toEqual([200 - CHART_MARGIN.right, CHART_MARGIN.top]);
    const [mx, my] = chartToPx(frame, 0, 0.5);
    expect(mx).toBeCloseTo((CHART_MARGIN.left + 200 - CHART_MARGIN.right) / 2, 12);
    expect(my).toBeCloseTo((CHART_MARGIN.top + 120 - CHART_MARGIN.bottom) / 2, 12);
  });

  it('picks round ticks (1, 2, 5 × 10^k) inside the range', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-4, 4, 4)).toEqual([-4, -2, 0, 2, 4]);
    for (const [lo, hi] of [
      [-0.37, 2.9],
      [3, 1234],
      [-1e-3, 2e-3],
    ]) {
      const ticks = niceTicks(lo, hi, 4);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      for (const t of ticks) expect(t).toBeGreaterThanOrEqual(lo - 1e-12);
      for (const t of ticks) expect(t).toBeLessThanOrEqual(hi + 1e-12);
      const step = ticks[1] - ticks[0];
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-9)).toBe(true);
    }
    expect(formatTick(0)).toBe('0');
    expect(formatTick(0.25)).toBe('0.25');
  });
});

describe('histogram', () => {
  it('has densities: Σ height · width = the fraction of values inside the range', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i + 0.5) / 1000); // U(0, 1)
    const h = histogram([...values, 5, Number.NaN], 0, 1, 10);
    let mass = 0;
    for (const v of h.heights) mass += v * 0.1;
    expect(mass).toBeCloseTo(1000 / 1001, 12); // 5 is outside, NaN is not counted
    for (const v of h.heights) expect(v).toBeCloseTo(1000 / 1001, 12);
    expect(histogram([1], 0, 1, 4).heights[3]).toBe(4); // the top edge joins the last bin
  });

  it('scales the y axis to the tallest bar or curve, and finds finite ranges', () => {
    const h = histogram([0.1, 0.1, 0.9], 0, 1, 2);
    expect(histogramYMax(h, [])).toBeCloseTo(1.1 * (2 / 3) * 2, 12);
    expect(histogramYMax(h, [{ x: [0, 1], y: [0, 5], color: 'red' }])).toBeCloseTo(5.5, 12);
    expect(finiteRange([3, Number.NaN, -1, Number.POSITIVE_INFINITY])).toEqual([-1, 3]);
    expect(finiteRange([2, 2])).toEqual([1, 3]);
    expect(finiteRange([])).toEqual([-1, 1]);
  });
});

describe('Q–Q plot helpers', () => {
  it('uses a symmetric square extent of at least 3 and at most 8', () => {
    expect(qqExtent([-1, 0, 1], [-0.5, 0, 2])).toBe(3);
    expect(qqExtent([-4.2, 0, 1], [0, 0, 0])).toBe(5);
    expect(qqExtent([0], [40])).toBe(8);
  });

  it('thins long series to evenly spaced indices that keep both ends', () => {
    expect(thinIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
    const idx = thinIndices(1000, 11);
    expect(idx).toEqual(Array.from({ length: 11 }, (_, j) => Math.round((j * 999) / 10)));
    expect(idx[0]).toBe(0);
    expect(idx[idx.length - 1]).toBe(999);
  });
});

describe('point transitions', () => {
  it('eases from 0 to 1 symmetrically with flat ends', () => {
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(1)).toBe(1);
    expect(easeInOut(0.5)).toBeCloseTo(0.5, 15);
    for (const t of [0.1, 0.2, 0.3, 0.4])
      expect(easeInOut(t) + easeInOut(1 - t)).toBeCloseTo(1, 14);
    expect(easeInOut(0.01)).toBeLessThan(0.01);
    expect(easeInOut(-1)).toBe(0);
    expect(easeInOut(2)).toBe(1);
  });

  it('interpolates every point on its straight line', () => {
    const from = Float32Array.of(0, 0, 2, -2);
    const to = Float32Array.of(1, 1, 0, 0);
    expect(Array.from(interpolateClouds(from, to, 0))).toEqual(Array.from(from));
    expect(Array.from(interpolateClouds(from, to, 1))).toEqual(Array.from(to));
    expect(Array.from(interpolateClouds(from, to, 0.5))).toEqual([0.5, 0.5, 1, -1]);
    expect(() => interpolateClouds(from, to.subarray(0, 2), 0.5)).toThrow(/differ/);
  });

  it('sizes the view to the clouds (at least ±3)', () => {
    expect(cloudHalfWidth(Float32Array.of(0.1, -0.2))).toBe(3);
    const wide = Float32Array.from({ length: 200 }, (_, i) => (i - 100) / 10); // |v| ≤ 10
    const half = cloudHalfWidth(wide);
    expect(half).toBeGreaterThanOrEqual(10);
    expect(half).toBeLessThan(13);
  });
});

describe('Gaussianity chart domain', () => {
  it('spans the iterations (at least 5) and every value and 0', () => {
    const d = gaussianityDomain({
      kl: [1.2, 0.5, -0.05],
      totalCorrelation: [0.8, 0.4, 0],
      marginal: [0.4, 0.1, -0.05],
    });
    expect(d.x).toEqual([0, 5]);
    expect(d.y[0]).toBeLessThan(-0.05);
    expect(d.y[1]).toBeGreaterThan(1.2);
    const long = gaussianityDomain({
      kl: Array(21).fill(0.2),
      totalCorrelation: Array(21).fill(0.1),
      marginal: Array(21).fill(0.1),
    });
    expect(long.x).toEqual([0, 20]);
    expect(long.y[0]).toBeLessThan(0);
  });
});
