import { describe, expect, it } from 'vitest';
import { COST_SERIES_STYLES, costPlotLayout, type CostSeriesInput } from '../../../src/viz/cost-plot';

const DIMS = [2, 4, 8, 16];
/** Seven synthetic series (as many as the cost lab draws): time ∝ passes, passes = D for two of them. */
const series: CostSeriesInput[] = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id, k) => ({
  id,
  label: id.toUpperCase(),
  points: DIMS.map((dim) => {
    const passes = 2 * (k === 1 || k === 2 ? dim : 1);
    return { dim, passes, ms: 0.5 * passes };
  }),
}));

describe('cost plot layout', () => {
  const layout = costPlotLayout(series, 640, 360);

  it('spaces doublings of D evenly (log x) and equal time ratios evenly (log y)', () => {
    const xs = layout.xTicks.map((t) => t.px);
    expect(layout.xTicks.map((t) => t.value)).toEqual(DIMS);
    for (let i = 2; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeCloseTo(xs[1] - xs[0], 6);
    const b = layout.series[1].points.map((p) => p.y);
    for (let i = 2; i < b.length; i++) expect(b[i] - b[i - 1]).toBeCloseTo(b[1] - b[0], 6);
    expect(b[1]).toBeLessThan(b[0]); // more time is higher on the page
    const flat = layout.series[0].points.map((p) => p.y);
    expect(new Set(flat.map((y) => y.toFixed(6))).size).toBe(1);
  });

  it('labels every point with its pass count and gives each series its own style and path', () => {
    expect(layout.series).toHaveLength(7);
    expect(layout.series[1].points.map((p) => p.label)).toEqual(['4', '8', '16', '32']);
    expect(layout.series[0].points.map((p) => p.label)).toEqual(['2', '2', '2', '2']);
    // Every series its own theme colour, and its own marker-and-dash pair (read without colour).
    expect(new Set(layout.series.map((s) => s.style.series)).size).toBe(7);
    expect(new Set(layout.series.map((s) => `${s.style.marker} ${s.style.dash.join(',')}`)).size).toBe(7);
    expect(layout.series.map((s) => s.style)).toEqual(COST_SERIES_STYLES);
    expect(layout.series.every((s) => s.path !== null)).toBe(true);
    for (const s of layout.series)
      for (const p of s.points) {
        expect(p.x).toBeGreaterThanOrEqual(layout.plot.left);
        expect(p.x).toBeLessThanOrEqual(layout.plot.right);
        expect(p.y).toBeGreaterThanOrEqual(layout.plot.top);
        expect(p.y).toBeLessThanOrEqual(layout.plot.bottom);
      }
    expect(layout.yTicks.length).toBeGreaterThanOrEqual(2);
  });

  it('skips non-positive times, sorts by D, and lays out an empty plot', () => {
    const l = costPlotLayout([{ id: 'x', label: 'X', points: [{ dim: 8, ms: 2, passes: 1 }, { dim: 2, ms: 1, passes: 1 }, { dim: 4, ms: 0, passes: 1 }] }], 300, 200);
    expect(l.series[0].points).toHaveLength(2);
    expect(l.series[0].points[0].x).toBeLessThan(l.series[0].points[1].x);
    const empty = costPlotLayout([{ id: 'x', label: 'X', points: [] }], 300, 200);
    expect(empty.series[0].path).toBeNull();
    expect(empty.xTicks.map((t) => t.value)).toEqual([2, 4, 8, 16, 32, 64]);
  });
});
