import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import { TOY_1D, cdf1D, sample1D } from '../../../../src/core/toy/toy-1d';
import { normalCdf, normalQuantile } from '../../../../src/core/toy/normal';
import { ksDistance, ksDistanceToNormal } from '../../../../src/core/gaussianize/ks';
import { fitMarginalCdf } from '../../../../src/core/gaussianize/marginal-cdf';
import {
  degaussianizeValue,
  fitMarginalGaussianization,
  gaussianizeValue,
  logAbsDerivative,
  marginalForward,
  marginalInverse,
} from '../../../../src/core/gaussianize/marginal-gaussianization';
import type { MarginalKind } from '../../../../src/core/gaussianize/marginal-types';

const KINDS: MarginalKind[] = ['empirical', 'kernel'];

describe('KS distance', () => {
  it('is ½/n for the exact normal scores and matches a known uniform case', () => {
    const n = 1000;
    const scores = Float64Array.from({ length: n }, (_, i) => normalQuantile((i + 0.5) / n));
    expect(ksDistanceToNormal(scores)).toBeCloseTo(0.5 / n, 10);
    // Sample {0.5} against U(0, 1): sup |ECDF − t| = ½.
    expect(ksDistance([0.5], (t) => Math.min(1, Math.max(0, t)))).toBeCloseTo(0.5, 15);
  });
});

describe.each(KINDS)('marginal Gaussianization (%s CDF), 5,000 samples', (kind) => {
  for (const name of TOY_1D) {
    it(`maps ${name} to N(0, 1) (KS < 0.02) and inverts to 1e-4 inside the data range`, () => {
      const x = sample1D(name, 5000, createRng(21));
      const marginal = fitMarginalCdf(x, { kind });
      const z = x.map((value) => gaussianizeValue(marginal, value));
      expect(ksDistanceToNormal(z)).toBeLessThan(0.02);
      let worst = 0;
      for (let i = 0; i < x.length; i++)
        worst = Math.max(worst, Math.abs(degaussianizeValue(marginal, z[i]) - x[i]));
      expect(worst).toBeLessThan(1e-4);
      // The fitted F is close to the true one, not just to the sample.
      expect(ksDistance(x, (t) => cdf1D(name, t))).toBeLessThan(0.03);
    });
  }
});

describe('marginal Gaussianization layer', () => {
  const rng = createRng(8);
  const n = 400;
  const data = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    data[3 * i] = rng.normal() ** 3;
    data[3 * i + 1] = Math.exp(rng.normal());
    data[3 * i + 2] = rng.uniform() * 4 - 2;
  }
  const points = { data, n, dim: 3 };

  for (const kind of KINDS) {
    it(`is a per-coordinate bijection with log|det| = Σ log f(x) − log φ(z) (${kind})`, () => {
      const layer = fitMarginalGaussianization(points, { kind });
      const { z, logDet } = marginalForward(layer, points);
      const back = marginalInverse(layer, z);
      for (let k = 0; k < data.length; k++) expect(back.data[k]).toBeCloseTo(data[k], 9);
      for (let i = 0; i < n; i += 37) {
        let expected = 0;
        for (let d = 0; d < 3; d++) {
          const x = data[3 * i + d];
          expected += logAbsDerivative(layer.marginals[d], x, z.data[3 * i + d]);
        }
        expect(logDet[i]).toBeCloseTo(expected, 12);
      }
    });
  }

  it('has dz/dx equal to the finite-difference slope of Φ⁻¹(F(x)) (kernel)', () => {
    const marginal = fitMarginalCdf(
      data.filter((_, k) => k % 3 === 0),
      { kind: 'kernel' },
    );
    for (const x of [-3, -0.5, 0, 0.2, 1.5, 6]) {
      const h = 1e-6;
      const slope =
        (gaussianizeValue(marginal, x + h) - gaussianizeValue(marginal, x - h)) / (2 * h);
      const z = gaussianizeValue(marginal, x);
      expect(Math.exp(logAbsDerivative(marginal, x, z)) / slope).toBeCloseTo(1, 6);
      expect(normalCdf(z)).toBeCloseTo(marginal.cdf(x), 12);
    }
  });

  it('keeps far-tail points invertible (tail probabilities down to 1e-300)', () => {
    const marginal = fitMarginalCdf([0, 0.3, 0.4, 1, 1.1, 2], { kind: 'kernel' });
    for (const x of [-40, -15, 12, 30]) {
      const z = gaussianizeValue(marginal, x);
      expect(Number.isFinite(z)).toBe(true);
      expect(degaussianizeValue(marginal, z)).toBeCloseTo(x, 8);
    }
  });
});
