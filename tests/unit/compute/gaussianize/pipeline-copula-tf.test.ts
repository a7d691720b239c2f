/**
 * The worker's 1-D pipeline and Gaussian copula (tfjs) against core's float64 versions. Runs on
 * tfjs WASM in Node.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import { gaussianize1DTf } from '../../../../src/compute/gaussianize/pipeline-1d-tf';
import { copulaTf } from '../../../../src/compute/gaussianize/copula-tf';
import { gaussianize1D } from '../../../../src/core/gaussianize/pipeline-1d';
import {
  copulaMeanLogLikelihood,
  fitGaussianCopula,
} from '../../../../src/core/gaussianize/copula';
import { createRng } from '../../../../src/core/rng';
import { TOY_1D, sample1D } from '../../../../src/core/toy/toy-1d';
import { sampleToy } from '../../../../src/core/toy/toy-datasets';
import { normalPdf } from '../../../../src/core/toy/normal';

beforeAll(async () => {
  tf.env().set('PROD', true);
  expect(await tf.setBackend('wasm')).toBe(true);
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

function gaussianPairs(n: number, rho: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const a = rng.normal();
    out[2 * i] = a;
    out[2 * i + 1] = rho * a + Math.sqrt(1 - rho * rho) * rng.normal();
  }
  return out;
}

describe('1-D pipeline in the worker', () => {
  for (const kind of ['kernel', 'empirical'] as const) {
    it(`matches core’s stages (${kind}); KS < 0.02 on 5,000 samples of every toy; no leaks`, async () => {
      const before = tf.memory().numTensors;
      for (const name of TOY_1D) {
        const values = sample1D(name, 5000, createRng(31));
        const frame = await gaussianize1DTf({ values, kind, bandwidthFactor: 0.4 });
        const exact = gaussianize1D(values, { kind, bandwidthFactor: 0.4 });
        expect(frame.ks, name).toBeLessThan(0.02);
        expect(Math.abs(frame.ks - exact.ks)).toBeLessThan(1e-3);
        expect(frame.bandwidth).toBe(exact.bandwidth);
        for (let g = 0; g < frame.grid.length; g++) {
          expect(Math.abs(frame.cdf[g] - exact.cdf[g])).toBeLessThan(2e-6);
          expect(Math.abs(frame.density[g] - exact.density[g])).toBeLessThan(
            1e-4 * (1 + exact.density[g]),
          );
        }
        for (let i = 0; i < values.length; i += 7) {
          expect(Math.abs(frame.u[i] - exact.u[i])).toBeLessThan(2e-6);
          // F to ~1e-6 absolute in float32, so z to ~1e-6/φ(z)
          expect(Math.abs(frame.z[i] - exact.z[i]) * normalPdf(exact.z[i])).toBeLessThan(5e-6);
        }
        for (let i = 1; i < values.length; i++)
          expect(frame.qqSample[i]).toBeGreaterThanOrEqual(frame.qqSample[i - 1]);
      }
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

describe('Gaussian copula in the worker', () => {
  const grid = { x0: -5, x1: 5, y0: -5, y1: 5, nx: 80, ny: 80 };

  it('recovers ρ = 0.7 of a Gaussian sample within 0.02 and its exact held-out likelihood', async () => {
    const before = tf.memory().numTensors;
    const rho = 0.7;
    const frame = await copulaTf({
      points: gaussianPairs(5000, rho, 1),
      heldOut: gaussianPairs(3000, rho, 2),
      kind: 'kernel',
      bandwidthFactor: 0.4,
      grid,
      sampleCount: 2000,
      seed: 3,
    });
    expect(Math.abs(frame.correlation - rho)).toBeLessThan(0.02);
    // E[log N(x; 0, Σ)] = −log 2π − ½ log(1 − ρ²) − 1 for D = 2
    const exact = -Math.log(2 * Math.PI) - 0.5 * Math.log(1 - rho * rho) - 1;
    expect(Math.abs(frame.heldOutLogLikelihood - exact)).toBeLessThan(0.05);
    // samples keep the correlation
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < 2000; i++) {
      const [x, y] = [frame.samples[2 * i], frame.samples[2 * i + 1]];
      sxy += x * y;
      sxx += x * x;
      syy += y * y;
    }
    expect(Math.abs(sxy / Math.sqrt(sxx * syy) - rho)).toBeLessThan(0.05);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('agrees with core on the moons (held-out log-likelihood) and its density integrates to 1', async () => {
    const points = Float32Array.from(sampleToy('moons', 1000, createRng(4)).data);
    const heldOut = Float32Array.from(sampleToy('moons', 1000, createRng(5)).data);
    const frame = await copulaTf({
      points,
      heldOut,
      kind: 'kernel',
      bandwidthFactor: 0.4,
      grid,
      sampleCount: 500,
      seed: 6,
    });
    const copula = fitGaussianCopula(
      { data: points, n: 1000, dim: 2 },
      { kind: 'kernel', bandwidthFactor: 0.4 },
    );
    const exact = copulaMeanLogLikelihood(copula, { data: heldOut, n: 1000, dim: 2 });
    expect(Math.abs(frame.heldOutLogLikelihood - exact)).toBeLessThan(1e-3);
    const area = (10 / 80) ** 2;
    let mass = 0;
    for (const v of frame.logDensity) mass += Math.exp(v) * area;
    expect(Math.abs(mass - 1)).toBeLessThan(0.03);
  });
});
