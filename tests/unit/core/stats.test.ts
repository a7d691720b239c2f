import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { meanWithStandardError, median } from '../../../src/core/stats';

describe('median', () => {
  it('is the middle value, the mean of the middle two for an even count, NaN for none', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
    // one wild value (a first-run compile) does not move it
    expect(median([1.1, 1.0, 250, 1.2, 0.9])).toBe(1.1);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('mean with standard error', () => {
  it('matches the closed form on a small sample', () => {
    // mean 2.5, s² = (2.25 + 0.25 + 0.25 + 2.25)/3 = 5/3, se = √(5/3 / 4)
    const { mean, standardError, count } = meanWithStandardError([1, 2, 3, 4]);
    expect(mean).toBe(2.5);
    expect(standardError).toBeCloseTo(Math.sqrt(5 / 3 / 4), 14);
    expect(count).toBe(4);
    expect(meanWithStandardError([3]).standardError).toBeNaN();
    expect(meanWithStandardError([]).mean).toBeNaN();
  });

  it('keeps its precision for values with a large common offset', () => {
    const { standardError } = meanWithStandardError([1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4]);
    expect(standardError).toBeCloseTo(Math.sqrt(5 / 3 / 4), 6);
  });

  it('is the spread of the mean over repeated draws (N(0, 2²): se ≈ 2/√n)', () => {
    const rng = createRng(11);
    const n = 400;
    const means: number[] = [];
    const errors: number[] = [];
    for (let r = 0; r < 300; r++) {
      const v = Float64Array.from({ length: n }, () => 2 * rng.normal());
      const e = meanWithStandardError(v);
      means.push(e.mean);
      errors.push(e.standardError);
    }
    const spread = meanWithStandardError(means).standardError * Math.sqrt(means.length);
    const typical = median(errors);
    expect(typical).toBeCloseTo(2 / Math.sqrt(n), 2);
    expect(spread / typical).toBeGreaterThan(0.85);
    expect(spread / typical).toBeLessThan(1.15);
  });
});
