import { describe, expect, it } from 'vitest';
import { discreteCurvesLayout, discreteYDomain } from '../../../src/viz/discrete-curves';

const series = {
  steps: [0, 50, 100, 150],
  plain: [4.1, 2.9, 1.5, -0.8],
  dequantized: [4.1, 3.4, 3.2, 3.1],
  dequantizedError: [0.05, 0.04, 0.03, 0.03],
  crossEntropy: [4.0, 3.3, 3.1, 3.0],
  entropy: 2.93,
};

describe('discrete NLL chart layout', () => {
  it('keeps every curve and the floor in view, the plain curve ending below the floor', () => {
    const [lo, hi] = discreteYDomain(series);
    expect(lo).toBeLessThan(-0.8);
    expect(hi).toBeGreaterThan(4.1);
    const layout = discreteCurvesLayout(series, 400, 200);
    expect(layout.floorY).toBeGreaterThan(layout.plot.top);
    expect(layout.floorY).toBeLessThan(layout.plot.bottom);
    for (const path of [
      layout.plainPath,
      layout.dequantizedPath,
      layout.crossEntropyPath,
      layout.bandPath,
    ])
      expect(path).toMatch(/^M/);
    // Pixel y grows downwards: the plain curve's last point is below the floor line.
    const lastY = Number(/,(-?[\d.]+)$/.exec(layout.plainPath!)![1]);
    expect(lastY).toBeGreaterThan(layout.floorY);
  });

  it('clips a later jolt of the plain curve at the top edge instead of rescaling', () => {
    const layout = discreteCurvesLayout({ ...series, plain: [4.1, 2.9, 21, -0.8] }, 400, 200);
    expect(layout.yDomain[1]).toBeLessThan(5);
    const ys = [...layout.plainPath!.matchAll(/,(-?[\d.]+)/g)].map((m) => Number(m[1]));
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(layout.plot.top);
  });

  it('ignores non-finite values and draws nothing without data', () => {
    const layout = discreteCurvesLayout(
      { ...series, plain: [4, Number.NaN, -Infinity, 1] },
      300,
      150,
    );
    expect(layout.yDomain.every(Number.isFinite)).toBe(true);
    const empty = discreteCurvesLayout(
      { steps: [], plain: [], dequantized: [], dequantizedError: [], crossEntropy: [], entropy: 2 },
      300,
      150,
    );
    expect(empty.plainPath).toBeNull();
    expect(empty.floorY).toBeGreaterThan(empty.plot.top);
  });
});

describe('lattice heatmap colour scale', () => {
  it('puts the peak at 1, LOG_RANGE nats below at 0, and −∞ or NaN at 0', async () => {
    const { LOG_RANGE, logColourPositions, peakLogDensity } =
      await import('../../../src/viz/lattice-heatmap');
    const logp = [2, 2 - LOG_RANGE / 2, 2 - LOG_RANGE, -50, Number.NEGATIVE_INFINITY, Number.NaN];
    const top = peakLogDensity(logp);
    expect(top).toBe(2);
    expect(Array.from(logColourPositions(logp, top))).toEqual([1, 0.5, 0, 0, 0, 0]);
    expect(peakLogDensity([Number.NaN])).toBe(Number.NEGATIVE_INFINITY);
  });
});
