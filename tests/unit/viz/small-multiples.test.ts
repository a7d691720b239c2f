import { describe, expect, it } from 'vitest';
import { cloudView, projectPoints } from '../../../src/viz/small-multiples';
import { conditionalCurve } from '../../../src/viz/step-plane';

describe('small multiples', () => {
  it('projects two chosen coordinates of [n, D] points', () => {
    const points = Float32Array.from([1, 2, 3, 4, 5, 6]); // n = 2, D = 3
    expect(Array.from(projectPoints(points, 3, 2, 0))).toEqual([3, 1, 6, 4]);
  });

  it('fits a square view around the inner quantiles, ignoring non-finite points', () => {
    const pts: number[] = [];
    for (let i = 0; i <= 100; i++) pts.push(i / 100, 10 + i / 50);
    pts.push(1e6, Number.NaN, Number.NaN, 5);
    const v = cloudView(pts, 0.01, 0.1);
    expect(v.x1 - v.x0).toBeCloseTo(v.y1 - v.y0, 12);
    expect(v.x0).toBeLessThan(0.02);
    expect(v.x1).toBeGreaterThan(0.98);
    expect(v.y0).toBeLessThan(10.04);
    expect(v.y1).toBeGreaterThan(11.96);
    expect(v.x1).toBeLessThan(10); // the far point does not stretch the view
  });
});

describe('conditional density curve', () => {
  const view = { x0: -4, x1: 4, y0: -2, y1: 6 };

  it('peaks at μ on its slice, scaled to a fraction of the view', () => {
    const curve = conditionalCurve({ variable: 1, slice: 0.5, mu: 1, sigma: 0.5 }, view, 801, 0.25);
    let best = 0;
    for (let k = 0; k < curve.length; k += 2) if (curve[k] > curve[best]) best = k;
    expect(curve[best + 1]).toBeCloseTo(1, 2); // along y, at μ
    expect(curve[best]).toBeCloseTo(0.5 + 0.25 * 8, 6); // slice + height
    expect(curve[0]).toBeCloseTo(0.5, 6); // far tails sit on the slice
  });

  it('without a slice lies along the bottom edge (the first coordinate, nothing conditioned on)', () => {
    const curve = conditionalCurve({ variable: 0, slice: null, mu: 0, sigma: 1 }, view, 5);
    expect(Array.from(curve.filter((_, k) => k % 2 === 0))).toEqual([-4, -2, 0, 2, 4]);
    expect(curve[5]).toBeCloseTo(-2 + 0.28 * 8, 12);
  });
});
