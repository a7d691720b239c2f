import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import {
  gaussianityMeasure,
  standardize,
  standardizeWithScale,
} from '../../../../src/core/gaussianize/gaussianity';
import {
  digammaInteger,
  kthNeighbourDistances,
  knnEntropy,
  logUnitBallVolume,
} from '../../../../src/core/gaussianize/knn-entropy';

function gaussianPoints(n: number, rho: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const data = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const a = rng.normal();
    data[2 * i] = a;
    data[2 * i + 1] = rho * a + Math.sqrt(1 - rho * rho) * rng.normal();
  }
  return data;
}

describe('k-NN entropy', () => {
  it('has the right constants: ψ(1) = −γ, ψ(5) = −γ + 25/12, unit-ball volumes 2, π, 4π/3', () => {
    expect(digammaInteger(1)).toBeCloseTo(-0.5772156649015329, 15);
    expect(digammaInteger(5)).toBeCloseTo(-0.5772156649015329 + 25 / 12, 14);
    expect(logUnitBallVolume(1)).toBeCloseTo(Math.log(2), 14);
    expect(logUnitBallVolume(2)).toBeCloseTo(Math.log(Math.PI), 14);
    expect(logUnitBallVolume(3)).toBeCloseTo(Math.log((4 * Math.PI) / 3), 14);
  });

  it('finds the k-th nearest neighbour like a brute-force search', () => {
    const rng = createRng(3);
    const n = 300;
    const data = Float64Array.from({ length: 2 * n }, () => rng.normal());
    const fast = kthNeighbourDistances(data, n, 2, 4);
    for (let i = 0; i < n; i += 17) {
      const all: number[] = [];
      for (let j = 0; j < n; j++)
        if (j !== i)
          all.push(Math.hypot(data[2 * i] - data[2 * j], data[2 * i + 1] - data[2 * j + 1]));
      all.sort((a, b) => a - b);
      expect(fast[i]).toBeCloseTo(all[3], 14);
    }
  });

  it('estimates known entropies: N(0, Σ) in 2-D and U(0, 3) in 1-D', () => {
    const rho = 0.6;
    const exact = 1 + Math.log(2 * Math.PI) + 0.5 * Math.log(1 - rho * rho);
    expect(Math.abs(knnEntropy(gaussianPoints(4000, rho, 1), 4000, 2) - exact)).toBeLessThan(0.04);
    const rng = createRng(2);
    const uniform = Float64Array.from({ length: 4000 }, () => 3 * rng.uniform());
    expect(Math.abs(knnEntropy(uniform, 4000, 1) - Math.log(3))).toBeLessThan(0.03);
  });
});

describe('Gaussianity measure', () => {
  it('is ≈ 0 for a standard normal sample', () => {
    const g = gaussianityMeasure({ data: gaussianPoints(4000, 0, 4), n: 4000, dim: 2 });
    expect(Math.abs(g.klToStandardNormal)).toBeLessThan(0.04);
    expect(Math.abs(g.totalCorrelation)).toBeLessThan(0.04);
    expect(Math.abs(g.marginalNonGaussianity)).toBeLessThan(0.04);
  });

  it('measures a correlated Gaussian by its total correlation −½ log(1 − ρ²)', () => {
    const rho = 0.8;
    const g = gaussianityMeasure({ data: gaussianPoints(4000, rho, 5), n: 4000, dim: 2 });
    const exact = -0.5 * Math.log(1 - rho * rho);
    expect(Math.abs(g.totalCorrelation - exact)).toBeLessThan(0.05);
    expect(Math.abs(g.marginalNonGaussianity)).toBeLessThan(0.04);
    expect(g.totalCorrelation + g.marginalNonGaussianity).toBeCloseTo(g.klToStandardNormal, 12);
  });

  it('measures a scaled normal by its closed-form KL ½(σ² − 1) − log σ per coordinate', () => {
    const sigma = 2;
    const data = gaussianPoints(4000, 0, 6).map((v) => sigma * v);
    const g = gaussianityMeasure({ data, n: 4000, dim: 2 });
    const exact = 2 * (0.5 * (sigma * sigma - 1) - Math.log(sigma));
    expect(Math.abs(g.klToStandardNormal - exact)).toBeLessThan(0.06);
    expect(Math.abs(g.totalCorrelation)).toBeLessThan(0.04);
  });
});

describe('standardize', () => {
  it('gives zero mean, unit variance, and returns Σ log std', () => {
    const data = gaussianPoints(500, 0.3, 7).map((v, k) => (k % 2 === 0 ? 3 * v + 1 : 0.5 * v - 2));
    const { points, logScale } = standardizeWithScale({ data, n: 500, dim: 2 });
    expect(Array.from(standardize({ data, n: 500, dim: 2 }).data)).toEqual(Array.from(points.data));
    for (let d = 0; d < 2; d++) {
      let mean = 0;
      let squares = 0;
      for (let i = 0; i < 500; i++) {
        mean += points.data[2 * i + d] / 500;
        squares += points.data[2 * i + d] ** 2 / 499;
      }
      expect(mean).toBeCloseTo(0, 12);
      expect(squares).toBeCloseTo(1, 12);
    }
    expect(logScale).toBeGreaterThan(Math.log(3 * 0.5) - 0.2);
    expect(logScale).toBeLessThan(Math.log(3 * 0.5) + 0.2);
  });
});
