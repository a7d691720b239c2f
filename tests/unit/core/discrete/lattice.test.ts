import { describe, expect, it } from 'vitest';
import {
  dequantize,
  discreteEntropy,
  latticePmf,
  sampleLattice,
} from '../../../../src/core/discrete/lattice';
import { createRng } from '../../../../src/core/rng';

describe('lattice pmf', () => {
  const pmf = latticePmf();
  const m = pmf.probs.length;

  it('is a pmf on a handful of integer points', () => {
    expect(m).toBeGreaterThanOrEqual(8);
    expect(m).toBeLessThanOrEqual(49);
    expect(pmf.probs.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    for (let k = 0; k < m; k++) {
      expect(pmf.probs[k]).toBeGreaterThan(0);
      expect(Number.isInteger(pmf.points[2 * k])).toBe(true);
      expect(Number.isInteger(pmf.points[2 * k + 1])).toBe(true);
    }
    expect(pmf.cumulative[m - 1]).toBe(1);
  });

  it('has entropy between 0 and log m, with the closed forms at the ends', () => {
    const h = discreteEntropy(pmf.probs);
    expect(h).toBeGreaterThan(0);
    expect(h).toBeLessThan(Math.log(m));
    expect(discreteEntropy([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(Math.log(4), 14);
    expect(discreteEntropy([1, 0, 0])).toBe(0);
    expect(discreteEntropy([0.5, 0.5])).toBeCloseTo(Math.LN2, 14);
  });

  it('samples each point with its probability (empirical frequencies within 4 standard errors)', () => {
    const n = 40_000;
    const draws = sampleLattice(pmf, n, createRng(7));
    const counts = new Map<string, number>();
    for (let s = 0; s < n; s++) {
      const key = `${draws.data[2 * s]},${draws.data[2 * s + 1]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBeLessThanOrEqual(m);
    for (let k = 0; k < m; k++) {
      const p = pmf.probs[k];
      const f = (counts.get(`${pmf.points[2 * k]},${pmf.points[2 * k + 1]}`) ?? 0) / n;
      expect(Math.abs(f - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n) + 1e-4);
    }
  });

  it('dequantizes into the unit cell above each point', () => {
    const points = sampleLattice(pmf, 500, createRng(3));
    const original = Float32Array.from(points.data);
    dequantize(points, createRng(4));
    for (let k = 0; k < original.length; k++) {
      const u = points.data[k] - original[k];
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      expect(Math.floor(points.data[k])).toBe(original[k]);
    }
  });

  it('rejects a bad radius', () => {
    expect(() => latticePmf({ radius: 0 })).toThrow(/radius/);
  });
});
