import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import { sampleToy } from '../../../../src/core/toy/toy-datasets';
import {
  copulaLogDensity,
  copulaMeanLogLikelihood,
  fitGaussianCopula,
  sampleCopula,
} from '../../../../src/core/gaussianize/copula';
import { gridCellCentres } from '../../../../src/core/gaussianize/grid';
import { ksDistance } from '../../../../src/core/gaussianize/ks';
import { correlationFromCovariance, covariance } from '../../../../src/core/gaussianize/matrix';

function gaussianSample(n: number, rho: number, seed: number) {
  const rng = createRng(seed);
  const data = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const a = rng.normal();
    data[2 * i] = a;
    data[2 * i + 1] = rho * a + Math.sqrt(1 - rho * rho) * rng.normal();
  }
  return { data, n, dim: 2 };
}

describe('Gaussian copula', () => {
  for (const kind of ['empirical', 'kernel'] as const) {
    it(`recovers ρ = 0.7 of a Gaussian sample (n = 5,000) within 0.02 (${kind} marginals)`, () => {
      const copula = fitGaussianCopula(gaussianSample(5000, 0.7, 1), { kind });
      expect(Math.abs(copula.correlation[1] - 0.7)).toBeLessThan(0.02);
      expect(copula.correlation[2]).toBe(copula.correlation[1]);
      expect(copula.correlation[0]).toBe(1);
    });
  }

  it('matches the true bivariate normal log-likelihood on Gaussian data', () => {
    const rho = 0.7;
    const train = gaussianSample(3000, rho, 2);
    const test = gaussianSample(3000, rho, 3);
    const copula = fitGaussianCopula(train);
    // E[log N(x; 0, Σ)] = −log 2π − ½ log(1 − ρ²) − 1 for D = 2.
    const exact = -Math.log(2 * Math.PI) - 0.5 * Math.log(1 - rho * rho) - 1;
    expect(Math.abs(copulaMeanLogLikelihood(copula, test) - exact)).toBeLessThan(0.05);
  });

  it('has a density that integrates to 1 ± 0.03 over a covering grid', () => {
    const copula = fitGaussianCopula(sampleToy('moons', 1000, createRng(4)));
    const box = { x0: -5, x1: 5, y0: -5, y1: 5 };
    const cells = 150;
    const logDensity = copulaLogDensity(copula, {
      data: gridCellCentres(box, cells, cells),
      n: cells * cells,
      dim: 2,
    });
    let mass = 0;
    for (const value of logDensity) mass += Math.exp(value) * (10 / cells) ** 2;
    expect(Math.abs(mass - 1)).toBeLessThan(0.03);
  });

  it('samples z ~ N(0, R) → x = F⁻¹(Φ(z)): same marginals and correlation as the data', () => {
    const data = sampleToy('pinwheel', 3000, createRng(5));
    const copula = fitGaussianCopula(data);
    const samples = sampleCopula(copula, 3000, createRng(6));
    for (let d = 0; d < 2; d++) {
      const column = Float64Array.from({ length: 3000 }, (_, i) => samples.data[2 * i + d]);
      expect(ksDistance(column, (t) => copula.marginal.marginals[d].cdf(t))).toBeLessThan(0.03);
    }
    const dataR = correlationFromCovariance(covariance(data.data, data.n, 2), 2);
    const sampleR = correlationFromCovariance(covariance(samples.data, samples.n, 2), 2);
    expect(Math.abs(sampleR[1] - dataR[1])).toBeLessThan(0.05);
  });
});
