import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import type { PointSet } from '../../../../src/core/types';
import { addBrushPoints, drawnLogDensity, drawnPointSet } from '../../../../src/core/toy/drawn';
import { massOnGrid } from './grid';

const drawing: PointSet = { data: Float32Array.from([-2, 0, 1, 1, 2, -1.5]), n: 3, dim: 2 };

describe('drawnPointSet', () => {
  it('refuses an empty drawing with a clear message', () => {
    const empty: PointSet = { data: new Float32Array(0), n: 0, dim: 2 };
    expect(() => drawnPointSet(empty, 10, createRng(1))).toThrow(/No drawn points/);
    expect(() => drawnLogDensity(empty)).toThrow(/No drawn points/);
    expect(() => drawnPointSet(drawing, 10, createRng(1), -0.1)).toThrow(/jitter/);
    const broken: PointSet = { data: Float32Array.from([0, Number.NaN]), n: 1, dim: 2 };
    expect(() => drawnPointSet(broken, 10, createRng(1))).toThrow(/non-finite/);
  });

  it('resamples the drawn points uniformly with N(0, jitter²) noise, reproducibly', () => {
    const n = 30_000;
    const jitter = 0.05;
    const out = drawnPointSet(drawing, n, createRng(4), jitter);
    expect(Array.from(drawnPointSet(drawing, 50, createRng(4), jitter).data)).toEqual(
      Array.from(out.data.subarray(0, 100)),
    );
    const counts = [0, 0, 0];
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestD2 = Infinity;
      for (let j = 0; j < 3; j++) {
        const d2 =
          (out.data[2 * i] - drawing.data[2 * j]) ** 2 +
          (out.data[2 * i + 1] - drawing.data[2 * j + 1]) ** 2;
        if (d2 < bestD2) [best, bestD2] = [j, d2];
      }
      counts[best]++;
      sumSq += bestD2;
    }
    for (const c of counts) expect(c / n).toBeCloseTo(1 / 3, 1.7);
    expect(Math.sqrt(sumSq / n / 2)).toBeCloseTo(jitter, 3);
    // jitter 0 reproduces drawn points exactly
    const exact = drawnPointSet(drawing, 20, createRng(5), 0);
    for (let i = 0; i < 20; i++) {
      const matches = [0, 1, 2].some(
        (j) =>
          exact.data[2 * i] === drawing.data[2 * j] &&
          exact.data[2 * i + 1] === drawing.data[2 * j + 1],
      );
      expect(matches).toBe(true);
    }
  });

  it('has an exact KDE log-density that integrates to 1', () => {
    const logP = drawnLogDensity(drawing, 0.2);
    const mass = massOnGrid((x, y) => logP([x, y]), { x0: -4, x1: 4, y0: -4, y1: 4 }, 300);
    expect(mass).toBeCloseTo(1, 6);
  });
});

describe('addBrushPoints', () => {
  it('appends count points uniform in the brush disc and keeps the existing ones', () => {
    const count = 20_000;
    const radius = 0.5;
    const out = addBrushPoints(drawing, 1, -1, radius, count, createRng(8));
    expect(out.n).toBe(3 + count);
    expect(Array.from(out.data.subarray(0, 6))).toEqual(Array.from(drawing.data));
    let sumR2 = 0;
    let maxR = 0;
    for (let i = 3; i < out.n; i++) {
      const r = Math.hypot(out.data[2 * i] - 1, out.data[2 * i + 1] + 1);
      maxR = Math.max(maxR, r);
      sumR2 += r * r;
    }
    expect(maxR).toBeLessThanOrEqual(radius + 1e-6);
    // uniform on a disc: E r² = R²/2
    expect(sumR2 / count / ((radius * radius) / 2)).toBeCloseTo(1, 1.5);
  });

  it('starts a drawing from null and validates its inputs', () => {
    const first = addBrushPoints(null, 0, 0, 0.1, 5, createRng(1));
    expect(first.n).toBe(5);
    expect(first.dim).toBe(2);
    expect(addBrushPoints(first, 0, 0, 0.1, 0, createRng(1)).n).toBe(5);
    const threeD: PointSet = { data: new Float32Array(3), n: 1, dim: 3 };
    expect(() => addBrushPoints(threeD, 0, 0, 0.1, 5, createRng(1))).toThrow(/2-D/);
    expect(() => addBrushPoints(null, 0, 0, -1, 5, createRng(1))).toThrow(/brushRadius/);
    expect(() => addBrushPoints(null, Number.NaN, 0, 1, 5, createRng(1))).toThrow(/finite/);
    expect(() => addBrushPoints(null, 0, 0, 1, -5, createRng(1))).toThrow(/count/);
  });
});
