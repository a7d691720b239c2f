import { describe, expect, it } from 'vitest';
import { erf, erfc } from '../../../../src/core/toy/erf';
import {
  normalCdf,
  normalLogCdf,
  normalLogPdf,
  normalPdf,
  normalQuantile,
} from '../../../../src/core/toy/normal';

/** Probabilities spread over (1e−12, 1 − 1e−12): log-spaced into both tails plus a linear sweep. */
function probabilityGrid(): number[] {
  const ps: number[] = [];
  for (let e = -12; e <= -1; e += 0.05) {
    ps.push(10 ** e);
    ps.push(1 - 10 ** e);
  }
  for (let i = 1; i < 1000; i++) ps.push(i / 1000);
  return ps;
}

describe('standard normal CDF and quantile', () => {
  it('round-trips Φ(Φ⁻¹(p)) ≈ p to 1e−12 on (1e−12, 1 − 1e−12)', () => {
    let worst = 0;
    for (const p of probabilityGrid())
      worst = Math.max(worst, Math.abs(normalCdf(normalQuantile(p)) - p));
    expect(worst).toBeLessThan(1e-12);
  });

  it('has full relative accuracy in the lower tail, down to 1e−300', () => {
    for (let e = -300; e <= -1; e += 1.5) {
      const p = 10 ** e;
      expect(Math.abs(normalCdf(normalQuantile(p)) / p - 1)).toBeLessThan(1e-12);
    }
  });

  it('is antisymmetric: Φ⁻¹(1 − p) = −Φ⁻¹(p) and Φ(−x) = 1 − Φ(x)', () => {
    for (const p of [1e-9, 0.001, 0.1, 0.3, 0.4999]) {
      expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 6);
    }
    for (const x of [0.1, 0.7, 1.3, 2.9, 5]) {
      expect(normalCdf(-x) + normalCdf(x)).toBeCloseTo(1, 15);
    }
  });

  it('matches tabulated values of Φ and Φ⁻¹', () => {
    // Tabulated (e.g. Abramowitz & Stegun 26.2; NIST DLMF 7.2).
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 15);
    expect(normalCdf(-5) / 2.866515718791939e-7).toBeCloseTo(1, 12);
    expect(normalCdf(-10) / 7.619853024160527e-24).toBeCloseTo(1, 12);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(0.5)).toBe(0);
    expect(erf(1)).toBeCloseTo(0.8427007929497149, 15);
    expect(erfc(3) / 2.209049699858544e-5).toBeCloseTo(1, 13);
  });

  it('equals the integral of φ (Simpson on [−8, x])', () => {
    for (const x of [-2.5, -0.3, 0.9, 3.1]) {
      const m = 4000;
      const h = (x + 8) / m;
      let s = normalPdf(-8) + normalPdf(x);
      for (let i = 1; i < m; i++) s += (i % 2 ? 4 : 2) * normalPdf(-8 + i * h);
      const integral = (s * h) / 3 + normalCdf(-8);
      expect(normalCdf(x)).toBeCloseTo(integral, 12);
    }
  });

  it('computes log Φ far into the tail (asymptotic series) and log φ exactly', () => {
    for (const x of [-40, -100, -1000]) {
      // log Φ(x) = log φ(x) − log|x| + log(1 − 1/x² + 3/x⁴ − …)
      const asymptotic =
        normalLogPdf(x) - Math.log(-x) + Math.log(1 - 1 / x ** 2 + 3 / x ** 4 - 15 / x ** 6);
      expect(normalLogCdf(x)).toBeCloseTo(asymptotic, 9);
    }
    for (const x of [-3, -0.5, 0, 2, 7])
      expect(normalLogCdf(x)).toBeCloseTo(Math.log(normalCdf(x)), 13);
    expect(normalLogPdf(0)).toBeCloseTo(-0.5 * Math.log(2 * Math.PI), 15);
    expect(Math.exp(normalLogPdf(1.7))).toBeCloseTo(normalPdf(1.7), 15);
  });

  it('handles the ends of its domain', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.1)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});
