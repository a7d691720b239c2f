import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import { ENERGY_TARGETS } from '../../../../src/core/toy/energy';
import { sampleEnergy } from '../../../../src/core/toy/energy-density';
import { TOY_DATASETS, sampleToy } from '../../../../src/core/toy/toy-datasets';
import { entropyFloor, trueLogDensity } from '../../../../src/core/toy/true-density';
import { massOnGrid } from './grid';

/** Monte-Carlo entropy −(1/n) Σ log p(x_i) with its standard error. */
function monteCarloEntropy(logP: (x: number, y: number) => number, data: Float32Array, n: number) {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const v = -logP(data[2 * i], data[2 * i + 1]);
    sum += v;
    sumSq += v * v;
  }
  const mean = sum / n;
  return { mean, standardError: Math.sqrt((sumSq / n - mean * mean) / n) };
}

describe('true log-densities and entropy floors', () => {
  it('are known exactly for 8gaussians, checkerboard and the energies, null otherwise', () => {
    const known = new Set(['8gaussians', 'checkerboard', ...ENERGY_TARGETS]);
    for (const name of [...TOY_DATASETS, ...ENERGY_TARGETS]) {
      expect(trueLogDensity(name) !== null).toBe(known.has(name));
      expect(entropyFloor(name) !== null).toBe(known.has(name));
    }
  });

  it('8gaussians: the closed-form mixture integrates to 1', () => {
    const logP = trueLogDensity('8gaussians')!;
    const mass = massOnGrid(logP, { x0: -5, x1: 5, y0: -5, y1: 5 }, 300);
    expect(Math.abs(mass - 1)).toBeLessThan(0.01);
    expect(mass).toBeCloseTo(1, 6);
  });

  it('8gaussians: Monte-Carlo entropy ≈ 2.8315 nats (REFERENCE) and ≈ entropyFloor', () => {
    const n = 100_000;
    const logP = trueLogDensity('8gaussians')!;
    const { data } = sampleToy('8gaussians', n, createRng(2024));
    const { mean, standardError } = monteCarloEntropy(logP, data, n);
    expect(standardError).toBeLessThan(0.004);
    expect(Math.abs(mean - 2.8315)).toBeLessThan(0.01);
    expect(Math.abs(mean - entropyFloor('8gaussians')!)).toBeLessThan(0.01);
    expect(Math.abs(entropyFloor('8gaussians')! - 2.8315)).toBeLessThan(0.001);
  });

  it('checkerboard: uniform 1/32 on the black squares, entropy ln 32', () => {
    const logP = trueLogDensity('checkerboard')!;
    expect(entropyFloor('checkerboard')).toBeCloseTo(Math.log(32), 14);
    expect(entropyFloor('checkerboard')).toBeCloseTo(3.4657, 4);
    // cells of side 0.02 tile the squares exactly
    expect(massOnGrid(logP, { x0: -4, x1: 4, y0: -4, y1: 4 }, 400)).toBeCloseTo(1, 10);
    expect(logP(-3, -3)).toBeCloseTo(-Math.log(32), 14);
    expect(logP(-1, -3)).toBe(Number.NEGATIVE_INFINITY);
    expect(logP(4.5, 0)).toBe(Number.NEGATIVE_INFINITY);
    const { data } = sampleToy('checkerboard', 5_000, createRng(9));
    expect(monteCarloEntropy(logP, data, 5_000).mean).toBeCloseTo(Math.log(32), 12);
  });

  it('energies: the Monte-Carlo entropy of sampleEnergy matches the quadrature floor', () => {
    for (const name of ENERGY_TARGETS) {
      const n = 20_000;
      const { data } = sampleEnergy(name, n, createRng(31));
      const { mean, standardError } = monteCarloEntropy(trueLogDensity(name)!, data, n);
      expect(Math.abs(mean - entropyFloor(name)!)).toBeLessThan(4 * standardError + 0.005);
    }
  });
});
