import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import { TOY_1D, TOY_1D_INFO, cdf1D, pdf1D, sample1D } from '../../../../src/core/toy/toy-1d';
import { ksDistance } from './grid';

describe('1-D toys', () => {
  it('are reproducible from a seed', () => {
    for (const name of TOY_1D) {
      const a = sample1D(name, 100, createRng(3));
      expect(a).toBeInstanceOf(Float64Array);
      expect(Array.from(sample1D(name, 100, createRng(3)))).toEqual(Array.from(a));
    }
  });

  it('samples match their exact CDFs (KS distance < 0.02 at n = 20,000)', () => {
    for (const name of TOY_1D) {
      const samples = sample1D(name, 20_000, createRng(99));
      expect(ksDistance(samples, (x) => cdf1D(name, x))).toBeLessThan(0.02);
    }
  });

  it('pdf is the derivative of the CDF and integrates to 1 over the plotting range', () => {
    for (const name of TOY_1D) {
      const [lo, hi] = TOY_1D_INFO[name].range;
      const m = 4000;
      const h = (hi - lo) / m;
      let mass = 0;
      for (let i = 0; i < m; i++) mass += pdf1D(name, lo + (i + 0.5) * h) * h;
      expect(Math.abs(mass - (cdf1D(name, hi) - cdf1D(name, lo)))).toBeLessThan(1e-3);
      expect(cdf1D(name, hi) - cdf1D(name, lo)).toBeGreaterThan(0.99);
      for (const x of [-1.7, -0.4, 0.35, 1.2, 2.6]) {
        if (name === 'uniform' && Math.abs(Math.abs(x) - 2) < 1e-3) continue;
        const derivative = (cdf1D(name, x + 1e-5) - cdf1D(name, x - 1e-5)) / 2e-5;
        expect(derivative).toBeCloseTo(pdf1D(name, x), 6);
      }
      expect(cdf1D(name, -1e6)).toBeCloseTo(0, 10);
      expect(cdf1D(name, 1e6)).toBeCloseTo(1, 10);
    }
  });

  it('have the documented moments', () => {
    const n = 100_000;
    const mean = (xs: Float64Array) => xs.reduce((s, v) => s + v, 0) / xs.length;
    // Gamma(2, 1) − 2: mean 0, variance 2
    const skewed = sample1D('skewed', n, createRng(5));
    expect(mean(skewed)).toBeCloseTo(0, 1.5);
    expect(mean(skewed.map((v) => v * v))).toBeCloseTo(2, 1);
    expect(Math.min(...skewed)).toBeGreaterThan(-2);
    // 0.6·(−1.5) + 0.4·1.5 = −0.3
    expect(mean(sample1D('bimodal', n, createRng(6)))).toBeCloseTo(-0.3, 1.5);
    const uniform = sample1D('uniform', n, createRng(7));
    expect(Math.min(...uniform)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...uniform)).toBeLessThan(2);
    // t₃: P(|T| > 5) = 2(1 − F(5)) ≈ 0.0154, far above a normal's 5.7e−7
    const t3 = sample1D('heavy-tailed', n, createRng(8));
    const tail = t3.filter((v) => Math.abs(v) > 5).length / n;
    expect(tail).toBeCloseTo(2 * (1 - cdf1D('heavy-tailed', 5)), 2);
    expect(2 * (1 - cdf1D('heavy-tailed', 5))).toBeCloseTo(0.0154, 3);
  });
});
