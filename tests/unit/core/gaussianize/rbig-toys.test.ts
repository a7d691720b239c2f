import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import { TOY_DATASETS, sampleToy } from '../../../../src/core/toy/toy-datasets';
import { fitRbig } from '../../../../src/core/gaussianize/rbig';

const ITERATIONS = 20;

describe('RBIG Gaussianizes every 2-D toy set (n = 2,000, 20 iterations, default settings)', () => {
  for (const [index, name] of TOY_DATASETS.entries()) {
    it(`${name}: the Gaussianity measure falls below 10 % of the standardised data's`, () => {
      const data = sampleToy(name, 2000, createRng(100 + index));
      const model = fitRbig(
        data,
        { iterations: ITERATIONS, recordClouds: false },
        createRng(index),
      );
      const kl = model.gaussianity.map((g) => g.klToStandardNormal);
      expect(kl.length).toBe(ITERATIONS + 1);
      expect(kl[0]).toBeGreaterThan(0.3); // the raw sets are far from Gaussian
      expect(kl[ITERATIONS]).toBeLessThan(0.1 * kl[0]);

      // Falls in trend: never rises by more than a little noise, and the least-squares
      // slope over the iterations is negative.
      for (let k = 1; k <= ITERATIONS; k++) expect(kl[k]).toBeLessThan(kl[k - 1] + 0.01);
      const meanK = ITERATIONS / 2;
      const meanKl = kl.reduce((a, b) => a + b, 0) / kl.length;
      let slope = 0;
      kl.forEach((value, k) => (slope += (k - meanK) * (value - meanKl)));
      expect(slope).toBeLessThan(0);

      // The split KL = TC + Σ marginal non-Gaussianity holds for every cloud.
      for (const g of model.gaussianity)
        expect(g.totalCorrelation + g.marginalNonGaussianity).toBeCloseTo(g.klToStandardNormal, 12);
    });
  }
});
