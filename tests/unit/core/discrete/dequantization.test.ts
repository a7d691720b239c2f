import { describe, expect, it } from 'vitest';
import {
  cellLogMass,
  cellMidpoints,
  crossEntropy,
  logMeanExp,
  weightedMonteCarlo,
} from '../../../../src/core/discrete/dequantization';
import { discreteEntropy, latticePmf } from '../../../../src/core/discrete/lattice';
import { normalCdf } from '../../../../src/core/toy/normal';
import { createRng } from '../../../../src/core/rng';

/** log N(v; c, σ² I₂). */
const logGauss = (x: number, y: number, c: [number, number], s: number) =>
  -((x - c[0]) ** 2 + (y - c[1]) ** 2) / (2 * s * s) - Math.log(2 * Math.PI * s * s);

/** Exact ∫ over [x, x+1)×[y, y+1) of N(c, σ² I₂). */
const exactCellMass = (x: number, y: number, c: [number, number], s: number) =>
  (normalCdf((x + 1 - c[0]) / s) - normalCdf((x - c[0]) / s)) *
  (normalCdf((y + 1 - c[1]) / s) - normalCdf((y - c[1]) / s));

describe('dequantization bound (float64)', () => {
  const pmf = latticePmf();
  const m = pmf.probs.length;
  const centre: [number, number] = [0.3, 0.6];
  const sigma = 1.7;

  it('the midpoint rule integrates a smooth density over each unit cell', () => {
    const k = 8;
    const nodes = cellMidpoints(k);
    expect(nodes.length).toBe(2 * k * k);
    const logAt: number[] = [];
    for (let p = 0; p < m; p++)
      for (let j = 0; j < k * k; j++)
        logAt.push(
          logGauss(
            pmf.points[2 * p] + nodes[2 * j],
            pmf.points[2 * p + 1] + nodes[2 * j + 1],
            centre,
            sigma,
          ),
        );
    const logMass = cellLogMass(logAt, k * k);
    for (let p = 0; p < m; p++) {
      const exact = exactCellMass(pmf.points[2 * p], pmf.points[2 * p + 1], centre, sigma);
      expect(Math.abs(Math.exp(logMass[p]) - exact) / exact).toBeLessThan(2e-3);
    }
  });

  it('E_u[−log p(x+u)] ≥ −log P̂(x) per point (Jensen), and the chain ≥ H(P) (Gibbs)', () => {
    const rng = createRng(11);
    const r = 4000;
    const values = new Float64Array(m * r);
    const logMass = new Float64Array(m);
    for (let p = 0; p < m; p++) {
      const [x, y] = [pmf.points[2 * p], pmf.points[2 * p + 1]];
      for (let j = 0; j < r; j++)
        values[p * r + j] = -logGauss(x + rng.uniform(), y + rng.uniform(), centre, sigma);
      logMass[p] = Math.log(exactCellMass(x, y, centre, sigma));
      let mean = 0;
      for (let j = 0; j < r; j++) mean += values[p * r + j] / r;
      expect(mean).toBeGreaterThan(-logMass[p]);
    }
    const dequantized = weightedMonteCarlo(pmf.probs, values, r);
    const cross = crossEntropy(pmf.probs, logMass);
    const h = discreteEntropy(pmf.probs);
    expect(dequantized.mean - 3 * dequantized.standardError).toBeGreaterThan(cross);
    expect(cross).toBeGreaterThan(h);
    // A plain density has no floor: a narrow Gaussian on one lattice point beats H(P) there.
    const spike = -logGauss(0, 0, [0, 0], 1e-3);
    expect(spike).toBeLessThan(0);
  });

  it('the weighted Monte-Carlo error matches the spread of repeated estimates', () => {
    const probs = [0.2, 0.5, 0.3];
    const r = 50;
    const estimates: number[] = [];
    let reported = 0;
    for (let t = 0; t < 400; t++) {
      const rng = createRng(100 + t);
      const v = Float64Array.from(
        { length: 3 * r },
        (_, i) => (1 + Math.floor(i / r)) * rng.normal(),
      );
      const e = weightedMonteCarlo(probs, v, r);
      estimates.push(e.mean);
      reported += e.standardError / 400;
    }
    const mean = estimates.reduce((s, v) => s + v, 0) / estimates.length;
    const sd = Math.sqrt(
      estimates.reduce((s, v) => s + (v - mean) ** 2, 0) / (estimates.length - 1),
    );
    // True standard error: √(Σ P_k² k² / r).
    const truth = Math.sqrt((0.04 * 1 + 0.25 * 4 + 0.09 * 9) / r);
    expect(Math.abs(sd - truth) / truth).toBeLessThan(0.12);
    expect(Math.abs(reported - truth) / truth).toBeLessThan(0.05);
  });

  it('logMeanExp is stable and exact on simple cases', () => {
    expect(logMeanExp([0, 0, 0])).toBeCloseTo(0, 14);
    expect(logMeanExp([1000, 1000])).toBeCloseTo(1000, 10);
    expect(logMeanExp([Math.log(1), Math.log(3)])).toBeCloseTo(Math.log(2), 14);
    expect(logMeanExp([Number.NEGATIVE_INFINITY])).toBe(Number.NEGATIVE_INFINITY);
  });
});
