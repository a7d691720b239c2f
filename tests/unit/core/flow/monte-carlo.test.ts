import { describe, expect, it } from 'vitest';
import { consistentWithNonNegative, meanWithStandardError } from '../../../../src/core/flow/monte-carlo';
import { createRng } from '../../../../src/core/rng';

describe('Monte-Carlo mean with its standard error', () => {
  it('matches the closed form on a small set', () => {
    // values 1..5: mean 3, s² = 10/4 = 2.5, SE = √(2.5/5)
    const e = meanWithStandardError([1, 2, 3, 4, 5]);
    expect(e.mean).toBe(3);
    expect(e.standardError).toBeCloseTo(Math.sqrt(0.5), 12);
    expect(meanWithStandardError([7]).standardError).toBeNaN();
    expect(meanWithStandardError([]).mean).toBeNaN();
    expect(meanWithStandardError([2, 2, 2]).standardError).toBe(0);
  });

  it('has no cancellation for a large offset (float32 inputs, float64 sums)', () => {
    const e = meanWithStandardError(Float32Array.from([1e4 + 1, 1e4 - 1, 1e4 + 1, 1e4 - 1]));
    expect(e.mean).toBe(1e4);
    expect(e.standardError).toBeCloseTo(Math.sqrt(4 / 3 / 4), 10);
  });

  it('is the spread of the mean over repeated experiments (N(μ, σ²): SE ≈ σ/√n)', () => {
    const rng = createRng(8);
    const n = 200;
    const means: number[] = [];
    const errors: number[] = [];
    for (let rep = 0; rep < 400; rep++) {
      const e = meanWithStandardError(Float64Array.from({ length: n }, () => 0.5 + 2 * rng.normal()));
      means.push(e.mean);
      errors.push(e.standardError);
    }
    const spread = meanWithStandardError(means).standardError * Math.sqrt(means.length);
    const typical = errors.reduce((a, b) => a + b, 0) / errors.length;
    expect(typical).toBeCloseTo(2 / Math.sqrt(n), 2);
    expect(Math.abs(spread / typical - 1)).toBeLessThan(0.1);
    // About 95 % of the intervals mean ± 2·SE hold μ.
    const inside = means.filter((m, k) => Math.abs(m - 0.5) <= 2 * errors[k]).length / means.length;
    expect(inside).toBeGreaterThan(0.9);
  });

  it('calls an estimate consistent with a KL ≥ 0 only when 0 is within 2 standard errors', () => {
    expect(consistentWithNonNegative({ mean: -0.01, standardError: 0.01 })).toBe(true);
    expect(consistentWithNonNegative({ mean: -0.05, standardError: 0.01 })).toBe(false);
    expect(consistentWithNonNegative({ mean: 0.3, standardError: 0.5 })).toBe(true);
  });
});
