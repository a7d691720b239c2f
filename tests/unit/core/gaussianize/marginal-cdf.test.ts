import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import { sample1D } from '../../../../src/core/toy/toy-1d';
import { fitEmpiricalCdf } from '../../../../src/core/gaussianize/empirical-cdf';
import { fitKernelCdf, rbigBandwidth } from '../../../../src/core/gaussianize/kernel-cdf';
import type { MarginalCdf } from '../../../../src/core/gaussianize/marginal-types';

const data = sample1D('heavy-tailed', 600, createRng(5));
const estimators: [string, MarginalCdf][] = [
  ['empirical', fitEmpiricalCdf(data)],
  ['kernel', fitKernelCdf(data)],
  ['kernel, all anchors, factor 1', fitKernelCdf(data, { maxAnchors: 10_000, bandwidthFactor: 1 })],
];
const lo = Math.min(...data);
const hi = Math.max(...data);
/** Points across the data and 30 units into each tail. */
const probes = Array.from({ length: 801 }, (_, i) => lo - 30 + ((hi - lo + 60) * i) / 800);

describe.each(estimators)('%s CDF', (_, m) => {
  it('is strictly increasing in its nearer tail (F below ½, 1 − F above), with F + (1 − F) = 1', () => {
    let previousCdf = 0;
    let previousSurvival = 1;
    for (const x of probes) {
      const u = m.cdf(x);
      const s = m.survival(x);
      if (u <= 0.5) expect(u).toBeGreaterThan(previousCdf);
      else expect(s).toBeLessThan(previousSurvival);
      expect(u).toBeGreaterThan(0);
      expect(s).toBeGreaterThan(0);
      expect(u + s).toBeCloseTo(1, 14);
      previousCdf = u;
      previousSurvival = s;
    }
  });

  it('has pdf = dF/dx (central differences) and logPdf = log pdf', () => {
    for (const x of probes.filter((_, i) => i % 7 === 0)) {
      const h = 1e-5 * (1 + Math.abs(x));
      // one-sided differences would straddle the empirical CDF's kinks; compare on smooth stretches
      const numeric = (m.cdf(x + h) - m.cdf(x - h)) / (2 * h);
      const left = (m.cdf(x) - m.cdf(x - h)) / h;
      const right = (m.cdf(x + h) - m.cdf(x)) / h;
      if (Math.abs(left - right) > 1e-3 * Math.max(left, right)) continue; // a knot
      expect(m.pdf(x)).toBeGreaterThan(0);
      expect(Math.abs(m.pdf(x) - numeric)).toBeLessThan(1e-5 * m.pdf(x) + 1e-12);
      expect(m.logPdf(x)).toBeCloseTo(Math.log(m.pdf(x)), 12);
    }
  });

  it('inverts the CDF to 1e-9 everywhere, tails included', () => {
    for (const x of probes) {
      const u = m.cdf(x);
      const back = u <= 0.5 ? m.inverseCdf(u) : m.inverseSurvival(m.survival(x));
      expect(Math.abs(back - x)).toBeLessThan(1e-9 * (1 + Math.abs(x)));
    }
    for (const p of [1e-300, 1e-40, 1e-9, 0.01, 0.3, 0.5]) {
      expect(m.cdf(m.inverseCdf(p)) / p).toBeCloseTo(1, 9);
      expect(m.survival(m.inverseSurvival(p)) / p).toBeCloseTo(1, 9);
    }
    expect(m.inverseCdf(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(m.inverseCdf(1)).toBe(Number.POSITIVE_INFINITY);
    expect(m.inverseSurvival(0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe.each(estimators.filter(([, m]) => m.kind === 'kernel'))('%s density', (_, m) => {
  it('integrates its density to 1 (trapezoid rule over a wide range)', () => {
    const a = lo - 60;
    const b = hi + 60;
    const steps = 40_000;
    const h = (b - a) / steps;
    let sum = 0.5 * (m.pdf(a) + m.pdf(b));
    for (let i = 1; i < steps; i++) sum += m.pdf(a + i * h);
    expect(sum * h).toBeCloseTo(1, 3);
  });
});

describe('empirical CDF', () => {
  it('has a piecewise-constant density whose integral, with the tail masses, is 1', () => {
    const m = fitEmpiricalCdf(data);
    const knots = Float64Array.from(data).sort();
    let mass = m.cdf(knots[0]) + m.survival(knots[knots.length - 1]);
    for (let i = 0; i + 1 < knots.length; i++)
      mass += m.pdf(0.5 * (knots[i] + knots[i + 1])) * (knots[i + 1] - knots[i]);
    expect(mass).toBeCloseTo(1, 12);
  });

  it('puts the order statistics at the mid-rank plotting positions (ties averaged)', () => {
    const m = fitEmpiricalCdf([3, 1, 2, 2, 5]);
    expect(m.cdf(1)).toBeCloseTo(0.1, 15);
    expect(m.cdf(2)).toBeCloseTo(0.4, 15); // ranks 2 and 3 → ((2 + 3)/2 − ½)/5
    expect(m.cdf(3)).toBeCloseTo(0.7, 15);
    expect(m.cdf(5)).toBeCloseTo(0.9, 15);
    expect(m.cdf(4)).toBeCloseTo(0.8, 15); // linear between 3 and 5
  });
});

describe('kernel CDF', () => {
  it('uses the RBIG bandwidth std·(4√π/(π⁴N))^{1/5}·factor', () => {
    const values = sample1D('bimodal', 1000, createRng(2));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
    const m = fitKernelCdf(values, { bandwidthFactor: 0.7 });
    expect(m.bandwidth).toBeCloseTo(
      0.7 * std * ((4 * Math.sqrt(Math.PI)) / (Math.PI ** 4 * 1000)) ** 0.2,
      12,
    );
    expect(rbigBandwidth(1, 1000)).toBeCloseTo(
      ((4 * Math.sqrt(Math.PI)) / (Math.PI ** 4 * 1000)) ** 0.2,
      14,
    );
  });

  it('matches the logistic-mixture formula term by term (subsampled anchors)', () => {
    const values = sample1D('skewed', 3000, createRng(3));
    const m = fitKernelCdf(values, { maxAnchors: 100 });
    expect(m.anchors.length).toBe(100);
    expect(m.anchors[0]).toBe(Math.min(...values));
    expect(m.anchors[99]).toBe(Math.max(...values));
    for (const x of [-3, -1.5, 0, 0.7, 4, 12]) {
      let cdf = 0;
      let pdf = 0;
      m.anchors.forEach((a, j) => {
        const h = m.anchorBandwidths[j];
        const s = 1 / (1 + Math.exp(-(x - a) / h));
        cdf += s / 100;
        pdf += (s * (1 - s)) / h / 100;
      });
      expect(m.cdf(x)).toBeCloseTo(cdf, 13);
      expect(m.pdf(x) / pdf).toBeCloseTo(1, 11);
    }
  });

  it('keeps relative precision far in the tails', () => {
    const m = fitKernelCdf([0, 1, 2, 2.5]);
    const widths = m.anchorBandwidths;
    // Far left F(x) = (1/K) Σ σ(t_j) with σ(t) = e^t/(1 + e^t), t_j = (x − a_j)/h_j → −∞.
    const exact = (x: number) =>
      [...m.anchors].reduce((sum, a, j) => {
        const e = Math.exp((x - a) / widths[j]);
        return sum + e / (1 + e) / 4;
      }, 0);
    for (const x of [-20, -60, -300]) expect(m.cdf(x) / exact(x)).toBeCloseTo(1, 12);
    // Beyond underflow log f stays exact: log (1/K) Σ σ′(t_j)/h_j with σ′(t) ≈ e^{−|t|}.
    const far = -5000;
    const logTerms = [...m.anchors].map((a, j) => (far - a) / widths[j] - Math.log(widths[j]));
    const top = Math.max(...logTerms);
    const logSum = top + Math.log(logTerms.reduce((sum, v) => sum + Math.exp(v - top), 0));
    expect(m.logPdf(far)).toBeCloseTo(logSum - Math.log(4), 9);
  });
});
