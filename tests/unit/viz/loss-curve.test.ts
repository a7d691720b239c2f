import { describe, expect, it } from 'vitest';
import { LOSS_MARGIN, lossCurveLayout, lossYDomain } from '../../../src/viz/loss-curve';

const moveCount = (path: string) => (path.match(/M/g) ?? []).length;

describe('loss curve layout', () => {
  it('spans the steps and keeps the floor in view', () => {
    const steps = [0, 100, 200, 300];
    const values = [6, 4, 3.5, 3.2];
    const layout = lossCurveLayout(steps, values, 2.83, 400, 200);
    expect(layout.xDomain).toEqual([0, 300]);
    expect(layout.yDomain[0]).toBeLessThan(2.83);
    expect(layout.yDomain[1]).toBeGreaterThanOrEqual(6);
    expect(layout.floorY!).toBeGreaterThan(layout.plot.top);
    expect(layout.floorY!).toBeLessThan(layout.plot.bottom);
    expect(layout.linePath).toMatch(/^M/);
    expect(moveCount(layout.linePath!)).toBe(1);
    // The first point sits at the left edge, the last at the right edge.
    expect(layout.linePath!.startsWith(`M${LOSS_MARGIN.left},`)).toBe(true);
    expect(layout.linePath!).toContain(`L${400 - LOSS_MARGIN.right},`);
  });

  it('breaks the line at non-finite losses, and ends at the last finite one', () => {
    const layout = lossCurveLayout(
      [0, 1, 2, 3, 4, 5],
      [3, 2.9, Number.NaN, 2.8, 2.7, Infinity],
      null,
      300,
      150,
    );
    expect(moveCount(layout.linePath!)).toBe(2);
    expect(layout.floorY).toBeNull();
    const endX = layout.plot.left + (4 / 5) * (layout.plot.right - layout.plot.left);
    expect(layout.last!.x).toBeCloseTo(endX, 9);
    const [pathX, pathY] = /L([\d.]+),([\d.]+)$/.exec(layout.linePath!)!.slice(1).map(Number);
    expect(pathX).toBeCloseTo(layout.last!.x, 2);
    expect(pathY).toBeCloseTo(layout.last!.y, 2);
    expect(lossCurveLayout([0], [Number.NaN], null, 300, 150).last).toBeNull();
  });

  it('clips early spikes to the top of the plot instead of squashing the curve', () => {
    const values = Array.from({ length: 200 }, (_, i) => (i === 0 ? 1e6 : 3 + 1 / (i + 1)));
    const [lo, hi] = lossYDomain(values, null);
    expect(hi).toBeLessThan(10);
    expect(lo).toBeLessThan(3.01);
    const layout = lossCurveLayout(Array.from(values.keys()), values, null, 300, 150);
    const firstY = Number(/^M[\d.]+,([\d.]+)/.exec(layout.linePath!)![1]);
    expect(firstY).toBeCloseTo(layout.plot.top, 6);
  });

  it('handles empty, single-point and constant series', () => {
    expect(lossCurveLayout([], [], 2, 300, 150).linePath).toBeNull();
    expect(lossYDomain([], 2)).toEqual([1.5, 2.5]);
    expect(lossYDomain([], null)).toEqual([0, 1]);
    const single = lossCurveLayout([5], [3], null, 300, 150);
    expect(single.xDomain).toEqual([5, 6]);
    const [lo, hi] = lossYDomain([3, 3, 3], null);
    expect(lo).toBeLessThan(3);
    expect(hi).toBeGreaterThan(3);
  });

  it('labels integer step ticks inside the plot', () => {
    const layout = lossCurveLayout([0, 2500], [3, 2.9], null, 500, 150);
    expect(layout.xTicks.length).toBeGreaterThanOrEqual(2);
    for (const tick of layout.xTicks) {
      expect(Number.isInteger(tick.value)).toBe(true);
      expect(tick.px).toBeGreaterThanOrEqual(layout.plot.left);
      expect(tick.px).toBeLessThanOrEqual(layout.plot.right);
    }
  });
});
