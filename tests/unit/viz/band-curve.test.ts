import { describe, expect, it } from 'vitest';
import { BAND_Z, bandCurveLayout } from '../../../src/viz/band-curve';
import { lossCurveLayout } from '../../../src/viz/loss-curve';

/** The y values of an SVG path's points, in order. */
const ys = (path: string) => [...path.matchAll(/[ML,]?(-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[2]));

describe('band curve', () => {
  const steps = [0, 10, 20, 30];
  const means = [4, 2, 1, 0.5];
  const errors = [0.2, 0.1, 0.05, 0.02];

  it('keeps the loss-curve layout and adds a band that brackets the line', () => {
    const band = bandCurveLayout(steps, means, errors, 0, 300, 150);
    const plain = lossCurveLayout(steps, means, 0, 300, 150);
    expect(band.linePath).toBe(plain.linePath);
    expect(band.yDomain).toEqual(plain.yDomain);
    expect(band.bandPath).not.toBeNull();
    // Upper edge then lower edge: 2n points; pixel y grows downward, so the upper edge has smaller y.
    const y = ys(band.bandPath!);
    expect(y).toHaveLength(8);
    const [lo, hi] = plain.yDomain;
    const toPx = (v: number) => plain.plot.bottom - ((v - lo) / (hi - lo)) * (plain.plot.bottom - plain.plot.top);
    for (let i = 0; i < 4; i++) {
      expect(y[i]).toBeCloseTo(Math.max(plain.plot.top, toPx(means[i] + BAND_Z * errors[i])), 2);
      expect(y[7 - i]).toBeCloseTo(Math.min(plain.plot.bottom, toPx(means[i] - BAND_Z * errors[i])), 2);
    }
  });

  it('has no band without finite points', () => {
    expect(bandCurveLayout([], [], [], 0, 300, 150).bandPath).toBeNull();
    expect(bandCurveLayout([0], [NaN], [NaN], null, 300, 150).bandPath).toBeNull();
  });
});
