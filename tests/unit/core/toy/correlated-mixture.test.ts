import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import {
  correlatedMixture,
  correlatedMixtureLogDensities,
  correlatedMixtureLogDensity,
  correlatedMixtureMoments,
  sampleCorrelatedMixture,
} from '../../../../src/core/toy/correlated-mixture';
import { columnMoments, massOnGrid } from './grid';

describe('correlated Gaussian mixture', () => {
  it('has a fixed seeded structure, independent of the sampling Rng', () => {
    const a = correlatedMixture(4);
    expect(correlatedMixture(4)).toBe(a);
    expect(a.components).toBe(3);
    expect(a.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 14);
    expect(Array.from(correlatedMixture(4, { structureSeed: 1 }).means)).not.toEqual(
      Array.from(a.means),
    );
    // lower-triangular factors with positive diagonals
    for (let k = 0; k < 3; k++) {
      for (let i = 0; i < 4; i++) {
        expect(a.choleskyFactors[k * 16 + i * 4 + i]).toBeGreaterThan(0);
        for (let j = i + 1; j < 4; j++) expect(a.choleskyFactors[k * 16 + i * 4 + j]).toBe(0);
      }
    }
    const s1 = sampleCorrelatedMixture(4, 100, createRng(1));
    expect(Array.from(sampleCorrelatedMixture(4, 100, createRng(1)).data)).toEqual(
      Array.from(s1.data),
    );
    expect(() => correlatedMixture(0)).toThrow(/dim/);
    expect(() => correlatedMixture(2.5)).toThrow(/dim/);
  });

  it('D = 2: its log-density integrates to 1 and equals the 2×2 closed form', () => {
    const mixture = correlatedMixture(2);
    let half = 0;
    for (let k = 0; k < 3; k++) {
      half = Math.max(
        half,
        Math.abs(mixture.means[2 * k]) + 8,
        Math.abs(mixture.means[2 * k + 1]) + 8,
      );
    }
    const logP = (x: number, y: number) => correlatedMixtureLogDensity(mixture, [x, y]);
    expect(massOnGrid(logP, { x0: -half, x1: half, y0: -half, y1: half }, 400)).toBeCloseTo(1, 6);
    // Σ_k w_k N(x; μ_k, Σ_k) with Σ = LLᵀ inverted by hand
    const x = [0.3, -0.7];
    let density = 0;
    for (let k = 0; k < 3; k++) {
      const [l00, , l10, l11] = Array.from(mixture.choleskyFactors.subarray(4 * k, 4 * k + 4));
      const [a, b, d] = [l00 * l00, l00 * l10, l10 * l10 + l11 * l11];
      const det = a * d - b * b;
      const [dx, dy] = [x[0] - mixture.means[2 * k], x[1] - mixture.means[2 * k + 1]];
      const quad = (d * dx * dx - 2 * b * dx * dy + a * dy * dy) / det;
      density += (mixture.weights[k] * Math.exp(-0.5 * quad)) / (2 * Math.PI * Math.sqrt(det));
    }
    expect(logP(x[0], x[1])).toBeCloseTo(Math.log(density), 12);
  });

  it('samples have the implied mean and covariance (D = 2 and D = 8)', () => {
    for (const dim of [2, 8]) {
      const n = 40_000;
      const points = sampleCorrelatedMixture(dim, n, createRng(12));
      expect(points.dim).toBe(dim);
      const empirical = columnMoments(points.data, n, dim);
      const exact = correlatedMixtureMoments(correlatedMixture(dim));
      for (let a = 0; a < dim; a++) {
        const sd = Math.sqrt(exact.covariance[a * dim + a]);
        expect(Math.abs(empirical.mean[a] - exact.mean[a])).toBeLessThan(0.03 * sd + 0.01);
        for (let b = 0; b < dim; b++) {
          const scale = Math.sqrt(exact.covariance[a * dim + a] * exact.covariance[b * dim + b]);
          expect(
            Math.abs(empirical.covariance[a * dim + b] - exact.covariance[a * dim + b]) / scale,
          ).toBeLessThan(0.04);
        }
      }
    }
  });

  it('D = 64: finite densities for its samples, higher than for shuffled-coordinate points', () => {
    const dim = 64;
    const n = 500;
    const mixture = correlatedMixture(dim);
    const points = sampleCorrelatedMixture(dim, n, createRng(2));
    const logP = correlatedMixtureLogDensities(mixture, points);
    const shuffled = { ...points, data: Float32Array.from(points.data).reverse() };
    const logQ = correlatedMixtureLogDensities(mixture, shuffled);
    let mean = 0;
    let meanShuffled = 0;
    for (let i = 0; i < n; i++) {
      expect(Number.isFinite(logP[i])).toBe(true);
      mean += logP[i] / n;
      meanShuffled += logQ[i] / n;
    }
    expect(mean).toBeGreaterThan(meanShuffled + 10);
    expect(() =>
      correlatedMixtureLogDensities(mixture, { data: new Float32Array(4), n: 2, dim: 2 }),
    ).toThrow(/dim/);
  });
});
