import { describe, expect, it } from 'vitest';
import { contourLevels, massThresholds } from '../../../src/viz/contours';

/** Standard normal density on a fine grid over [−h, h]², row-major, row 0 at y0. */
function normalGrid(n: number, h: number) {
  const grid = { x0: -h, x1: h, y0: -h, y1: h, nx: n, ny: n };
  const d = (2 * h) / n;
  const values = new Float64Array(n * n);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      const x = -h + (c + 0.5) * d;
      const y = -h + (r + 0.5) * d;
      values[r * n + c] = Math.exp(-0.5 * (x * x + y * y)) / (2 * Math.PI);
    }
  return { grid, values };
}

describe('highest-density-region thresholds', () => {
  it('match the closed form for a 2-D standard normal: t_q = (1 − q) / 2π', () => {
    // {p ≥ t} is the disc r² ≤ −2 ln(2πt), whose mass is 1 − 2πt.
    const { values } = normalGrid(200, 6);
    const masses = [0.5, 0.9, 0.99];
    massThresholds(values, masses).forEach((t, i) => {
      expect(t).toBeCloseTo((1 - masses[i]) / (2 * Math.PI), 3);
    });
  });

  it('hold at least the requested mass, and are monotone in q', () => {
    const values = [5, 1, 0, 3, 1, 0, 0, 2, -Infinity, Number.NaN];
    const [t50, t90, t100] = massThresholds(values, [0.5, 0.9, 1]);
    const massAbove = (t: number) =>
      values.filter((v) => v >= t && Number.isFinite(v)).reduce((a, b) => a + b, 0);
    expect(massAbove(t50)).toBeGreaterThanOrEqual(0.5 * 12);
    expect(massAbove(t90)).toBeGreaterThanOrEqual(0.9 * 12);
    expect(t50).toBeGreaterThanOrEqual(t90);
    expect(t90).toBeGreaterThanOrEqual(t100);
    expect(t100).toBe(1);
  });

  it('are all 0 for a grid without mass', () => {
    expect(massThresholds([0, -Infinity, Number.NaN], [0.5, 0.9])).toEqual([0, 0]);
  });
});

describe('contour levels', () => {
  it('trace circles of the right radius for a standard normal, in data coordinates', () => {
    const { grid, values } = normalGrid(120, 5);
    const q = 0.5;
    const [t] = massThresholds(values, [q]);
    const levels = contourLevels(values, grid, [t]);
    expect(levels).toHaveLength(1);
    expect(levels[0].rings).toHaveLength(1);
    const radius = Math.sqrt(-2 * Math.log(1 - q)); // mass inside radius r is 1 − e^{−r²/2}
    for (const [x, y] of levels[0].rings[0]) {
      expect(Math.hypot(x, y)).toBeCloseTo(radius, 1);
    }
  });

  it("places a single-cell bump around that cell's centre", () => {
    const grid = { x0: 0, x1: 5, y0: 10, y1: 15, nx: 5, ny: 5 };
    const values = new Array(25).fill(0);
    values[1 * 5 + 3] = 1; // row 1, column 3 → centre (3.5, 11.5)
    const [ring] = contourLevels(values, grid, [0.5])[0].rings;
    const mid = (k: 0 | 1) => {
      const v = ring.map((p) => p[k]);
      return (Math.min(...v) + Math.max(...v)) / 2;
    };
    expect(mid(0)).toBeCloseTo(3.5, 9);
    expect(mid(1)).toBeCloseTo(11.5, 9);
  });

  it('ignores non-positive thresholds and survives −∞ cells', () => {
    const grid = { x0: 0, x1: 2, y0: 0, y1: 2, nx: 2, ny: 2 };
    expect(contourLevels([1, 2, 3, 4], grid, [0, -1])).toEqual([]);
    expect(() => contourLevels([-Infinity, 1, Number.NaN, 2], grid, [0.5])).not.toThrow();
  });
});
