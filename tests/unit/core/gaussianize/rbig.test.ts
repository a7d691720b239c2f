import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import { sampleToy } from '../../../../src/core/toy/toy-datasets';
import { logAbsDet, numericJacobian } from '../../../../src/core/flow/jacobian';
import { fitRbig, rbigForward, rbigInverse } from '../../../../src/core/gaussianize/rbig';
import {
  rbigLogDensity,
  rbigLogDensityGrid,
  sampleRbig,
} from '../../../../src/core/gaussianize/rbig-density';
import { covariance } from '../../../../src/core/gaussianize/matrix';

const BOX = { x0: -6, x1: 6, y0: -6, y1: 6 };
const CELLS = 100;

/** Σ exp(log p) · cell area over the grid. */
function gridMass(logDensity: Float64Array): number {
  const area = ((BOX.x1 - BOX.x0) / CELLS) * ((BOX.y1 - BOX.y0) / CELLS);
  let mass = 0;
  for (const value of logDensity) mass += Math.exp(value) * area;
  return mass;
}

describe('RBIG stack on 8 Gaussians', () => {
  const data = sampleToy('8gaussians', 1000, createRng(1));
  const model = fitRbig(data, { iterations: 4 }, createRng(2));

  it('has a density that integrates to 1 ± 0.03 over a covering grid', () => {
    expect(Math.abs(gridMass(rbigLogDensityGrid(model, BOX, CELLS, CELLS)) - 1)).toBeLessThan(0.03);
  });

  it('also normalises after a partial stack (an animation frame)', () => {
    for (const layers of [2]) {
      const mass = gridMass(rbigLogDensityGrid(model, BOX, CELLS, CELLS, layers));
      expect(Math.abs(mass - 1)).toBeLessThan(0.03);
    }
  });

  it('inverts: inverse(forward(x)) = x', () => {
    const { z } = rbigForward(model, data);
    const back = rbigInverse(model, z);
    let worst = 0;
    for (let k = 0; k < back.data.length; k++)
      worst = Math.max(worst, Math.abs(back.data[k] - data.data[k]));
    expect(worst).toBeLessThan(1e-8);
  });

  it('has log|det| equal to that of a finite-difference Jacobian', () => {
    const forward = (v: Float64Array) => rbigForward(model, { data: v, n: 1, dim: 2 }).z.data;
    for (const point of [
      [0.3, -0.2],
      [2.1, 1.9],
      [-2.8, 0.1],
      [4.5, -4.5],
    ]) {
      const v = Float64Array.from(point);
      const { logDet } = rbigForward(model, { data: v, n: 1, dim: 2 });
      expect(logDet[0]).toBeCloseTo(logAbsDet(numericJacobian(forward, v, 1e-6)), 4);
    }
  });

  it('records the clouds x⁽ᵏ⁾ = T_k(x) for the animation', () => {
    expect(model.clouds.length).toBe(5);
    expect(model.marginalClouds.length).toBe(4);
    expect(model.gaussianity.length).toBe(5);
    const { z } = rbigForward(model, data, 2);
    for (let k = 0; k < z.data.length; k += 97)
      expect(z.data[k]).toBeCloseTo(model.clouds[2].data[k], 12);
  });

  it('samples by pushing N(0, I) backwards: samples match the data moments', () => {
    const samples = sampleRbig(model, 2000, createRng(3));
    const sampleCov = covariance(samples.data, samples.n, 2);
    const dataCov = covariance(data.data, data.n, 2);
    for (let k = 0; k < 4; k++) expect(Math.abs(sampleCov[k] - dataCov[k])).toBeLessThan(0.35);
    // samples concentrate on the modes: high density under the model
    const logDensity = rbigLogDensity(model, samples);
    const meanSamples = logDensity.reduce((a, b) => a + b, 0) / samples.n;
    const logDensityData = rbigLogDensity(model, data);
    const meanData = logDensityData.reduce((a, b) => a + b, 0) / data.n;
    expect(Math.abs(meanSamples - meanData)).toBeLessThan(0.2);
  });

  it('is deterministic given the Rng', () => {
    const again = fitRbig(data, { iterations: 4, recordClouds: false }, createRng(2));
    const a = rbigLogDensity(model, { data: Float64Array.of(0.5, 0.5, -1, 2), n: 2, dim: 2 });
    const b = rbigLogDensity(again, { data: Float64Array.of(0.5, 0.5, -1, 2), n: 2, dim: 2 });
    expect(Array.from(b)).toEqual(Array.from(a));
  });
});

describe('RBIG with other settings', () => {
  const data = sampleToy('moons', 600, createRng(4));

  for (const rotation of ['pca', 'random'] as const) {
    it(`normalises and inverts with ${rotation} rotations`, () => {
      const model = fitRbig(data, { iterations: 3, rotation }, createRng(5));
      expect(Math.abs(gridMass(rbigLogDensityGrid(model, BOX, CELLS, CELLS)) - 1)).toBeLessThan(
        0.03,
      );
      const back = rbigInverse(model, rbigForward(model, data).z);
      for (let k = 0; k < back.data.length; k += 13)
        expect(back.data[k]).toBeCloseTo(data.data[k], 8);
    });
  }

  // The empirical CDF's density is piecewise constant with spikes on short gaps between
  // order statistics, too rough for a grid sum; check its Jacobian and inverse instead.
  it('inverts with empirical marginals, with log|det| of the finite-difference Jacobian', () => {
    const model = fitRbig(data, { iterations: 3, marginal: { kind: 'empirical' } }, createRng(5));
    const back = rbigInverse(model, rbigForward(model, data).z);
    for (let k = 0; k < back.data.length; k++) expect(back.data[k]).toBeCloseTo(data.data[k], 8);
    const forward = (v: Float64Array) => rbigForward(model, { data: v, n: 1, dim: 2 }).z.data;
    const rng = createRng(9);
    for (let trial = 0; trial < 10; trial++) {
      const v = Float64Array.of(-1 + 3 * rng.uniform(), -1 + 2 * rng.uniform());
      const { logDet } = rbigForward(model, { data: v, n: 1, dim: 2 });
      expect(logDet[0]).toBeCloseTo(logAbsDet(numericJacobian(forward, v, 1e-9)), 3);
    }
  });

  it('works in 3-D', () => {
    const rng = createRng(6);
    const n = 500;
    const points = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) {
      const t = rng.normal();
      points[3 * i] = t;
      points[3 * i + 1] = t * t + 0.3 * rng.normal();
      points[3 * i + 2] = Math.sin(2 * t) + 0.3 * rng.normal();
    }
    const model = fitRbig({ data: points, n, dim: 3 }, { iterations: 6 }, createRng(7));
    const kl = model.gaussianity.map((g) => g.klToStandardNormal);
    expect(kl[6]).toBeLessThan(0.5 * kl[0]);
    const back = rbigInverse(model, rbigForward(model, { data: points, n, dim: 3 }).z);
    for (let k = 0; k < back.data.length; k += 11) expect(back.data[k]).toBeCloseTo(points[k], 8);
  });
});
