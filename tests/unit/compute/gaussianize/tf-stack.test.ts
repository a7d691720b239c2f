/**
 * The tfjs stack against core's float64 RBIG: forward, log-density, inverse and a density
 * grid that integrates to 1; and the worker session's own stack (fitted on float32 clouds)
 * Gaussianizing 2-D toys. Runs on tfjs WASM in Node (the CPU backend is several times slower).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import { marginalSpec } from '../../../../src/compute/gaussianize/marginal-spec';
import {
  stackForwardTf,
  stackInverseTf,
  stackLogDensityTf,
  type StackLayer,
} from '../../../../src/compute/gaussianize/tf-stack';
import { GaussianizeSession } from '../../../../src/compute/gaussianize/gaussianize-api';
import { fitRbig, rbigForward, rbigInverse } from '../../../../src/core/gaussianize/rbig';
import { rbigLogDensity } from '../../../../src/core/gaussianize/rbig-density';
import { createRng } from '../../../../src/core/rng';
import { TOY_DATASETS, sampleToy } from '../../../../src/core/toy/toy-datasets';
import type { MarginalKind } from '../../../../src/core/gaussianize/marginal-types';

beforeAll(async () => {
  tf.env().set('PROD', true);
  expect(await tf.setBackend('wasm')).toBe(true);
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

async function read(t: tf.Tensor): Promise<Float32Array> {
  const values = (await t.data()) as Float32Array;
  t.dispose();
  return values;
}

const f32 = (points: { data: ArrayLike<number>; n: number }) =>
  tf.tensor2d(Float32Array.from(points.data), [points.n, 2]);

describe.each(['kernel', 'empirical'] as MarginalKind[])('tfjs RBIG stack (%s CDFs)', (kind) => {
  const data = sampleToy('moons', 1000, createRng(1));
  const model = fitRbig(
    data,
    { iterations: 5, rotation: 'random', marginal: { kind } },
    createRng(2),
  );
  const layers: StackLayer[] = model.layers.map((l) => ({
    marginals: l.marginal.marginals.map(marginalSpec),
    rotation: Float32Array.from(l.rotation),
  }));
  const probes = sampleToy('moons', 300, createRng(3));

  for (const path of ['anchors', 'table'] as const) {
    it(`agrees with core’s forward and log-density by the ${path} path (float32), no leaks`, async () => {
      const before = tf.memory().numTensors;
      const forward = tf.tidy(() => stackForwardTf(layers, f32(probes), path));
      const z = await read(forward.z);
      forward.logDet.dispose();
      const logP = await read(tf.tidy(() => stackLogDensityTf(layers, f32(probes), path)));
      const exactZ = rbigForward(model, probes).z.data;
      const exactLogP = rbigLogDensity(model, probes);
      let worstZ = 0;
      let worstLogP = 0;
      let meanLogP = 0;
      for (let i = 0; i < z.length; i++) worstZ = Math.max(worstZ, Math.abs(z[i] - exactZ[i]));
      for (let i = 0; i < logP.length; i++) {
        worstLogP = Math.max(worstLogP, Math.abs(logP[i] - exactLogP[i]));
        meanLogP += (logP[i] - exactLogP[i]) / logP.length;
      }
      expect(worstZ).toBeLessThan(kind === 'kernel' ? 5e-3 : 2e-2);
      // the mean matters for likelihoods; single points next to an empirical knot may differ more
      expect(Math.abs(meanLogP)).toBeLessThan(2e-3);
      if (kind === 'kernel') expect(worstLogP).toBeLessThan(2e-2);
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('inverts: inverse(forward(x)) = x, and the inverse follows core’s from the same z', async () => {
    const before = tf.memory().numTensors;
    const forward = tf.tidy(() => stackForwardTf(layers, f32(probes), 'table'));
    const z = await read(forward.z);
    forward.logDet.dispose();
    const back = await read(tf.tidy(() => stackInverseTf(layers, tf.tensor2d(z, [probes.n, 2]))));
    // float32 through 5 layers: relative to the coordinate's size
    let worstBack = 0;
    for (let i = 0; i < back.length; i++)
      worstBack = Math.max(
        worstBack,
        Math.abs(back[i] - probes.data[i]) / Math.max(1, Math.abs(probes.data[i])),
      );
    expect(worstBack).toBeLessThan(1e-4);
    // Against core's float64 inverse. Empirical CDFs are flat across wide knot gaps, where z
    // errors grow by φ(z)/f(x) through 5 layers.
    const coreBack = rbigInverse(model, { data: Float64Array.from(z), n: probes.n, dim: 2 }).data;
    let worstInverse = 0;
    for (let i = 0; i < back.length; i++)
      worstInverse = Math.max(worstInverse, Math.abs(back[i] - coreBack[i]));
    expect(worstInverse).toBeLessThan(kind === 'kernel' ? 1e-3 : 1e-2);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('the worker’s Gaussianization session', () => {
  it('fits iterations on demand, with a density grid that integrates to 1 ± 0.03', async () => {
    const before = tf.memory().numTensors;
    const session = new GaussianizeSession().api;
    const points = Float32Array.from(sampleToy('8gaussians', 1000, createRng(1)).data);
    const heldOut = Float32Array.from(sampleToy('8gaussians', 500, createRng(2)).data);
    const config = {
      key: 'a',
      points,
      heldOut,
      kind: 'kernel' as const,
      bandwidthFactor: 0.4,
      rotation: 'random' as const,
      seed: 3,
    };
    const first = await session.gaussConfigure(config);
    expect(first.iteration).toBe(0);
    expect(first.measures.length).toBe(1);
    const frame = await session.gaussIteration('a', 4);
    expect(frame.measures.length).toBe(5);
    expect(frame.heldOutLogLikelihood.length).toBe(5);
    // same key: the cache is kept (iteration 0 answers with all five fitted measures known)
    expect((await session.gaussConfigure(config)).measures.length).toBe(1);
    const grid = { x0: -6, x1: 6, y0: -6, y1: 6, nx: 96, ny: 96 };
    const logDensity = await session.gaussDensity('a', 4, grid);
    const area = (12 / 96) ** 2;
    let mass = 0;
    for (const value of logDensity) mass += Math.exp(value) * area;
    expect(Math.abs(mass - 1)).toBeLessThan(0.03);
    // samples through the inverse stack look like the data (mean and spread)
    const samples = await session.gaussSamples('a', 4, 1000, 9);
    let sumSq = 0;
    for (const v of samples) sumSq += v * v;
    let dataSq = 0;
    for (const v of points) dataSq += v * v;
    expect(Math.abs(sumSq / samples.length - dataSq / points.length)).toBeLessThan(
      0.3 * (dataSq / points.length),
    );
    await expect(session.gaussIteration('b', 1)).rejects.toThrow(/replaced/);
    await expect(session.gaussIteration('a', 1.5)).rejects.toThrow(/integer/);
    expect(tf.memory().numTensors).toBe(before);
  });

  for (const name of TOY_DATASETS) {
    it(`${name}: the held-out measure after 20 iterations is < 50 % of the raw data’s, falls in trend and is ≥ 0 within its error`, async () => {
      const session = new GaussianizeSession().api;
      const points = Float32Array.from(sampleToy(name, 1000, createRng(5)).data);
      const heldOut = Float32Array.from(sampleToy(name, 200, createRng(6)).data);
      await session.gaussConfigure({
        key: name,
        points,
        heldOut,
        kind: 'kernel',
        bandwidthFactor: 0.4,
        rotation: 'random',
        seed: 7,
      });
      const frame = await session.gaussIteration(name, 20);
      // Measured on held-out points, the KL is KL(p ‖ model) (held-out NLL − Ĥ): it falls toward
      // what the smoothed stack can reach (0.1–0.4 nats here), not to 0, and never below −2 se.
      const kl = frame.measures.map((m) => m.kl);
      expect(kl[0]).toBeGreaterThan(0.3);
      expect(kl[20]).toBeLessThan(0.5 * kl[0]);
      for (let k = 1; k <= 20; k++) {
        const se = frame.measures[k].standardError;
        expect(se).toBeGreaterThan(0);
        expect(kl[k]).toBeLessThan(kl[k - 1] + 2 * se + 0.01);
        expect(kl[k]).toBeGreaterThan(-2 * se);
      }
      // the held-out likelihood improves on the first iteration's
      expect(frame.heldOutLogLikelihood[20]).toBeGreaterThan(frame.heldOutLogLikelihood[1]);
    });
  }

  it('with the empirical CDF: the held-out measure rises with the overfitting and never reads below 0', async () => {
    // The panel's default view, `?panel=gaussianize&cdf=empirical` (8 Gaussians, 1,000 + 1,000
    // points): on the training points the same bookkeeping falls to −17.8 nats by iteration 16.
    const session = new GaussianizeSession().api;
    const points = Float32Array.from(sampleToy('8gaussians', 1000, createRng(1)).data);
    const heldOut = Float32Array.from(sampleToy('8gaussians', 1000, createRng(7920)).data);
    const config = { key: 'e', points, heldOut, kind: 'empirical' as const, bandwidthFactor: 0.4, rotation: 'random' as const, seed: 1 };
    await session.gaussConfigure(config);
    const frame = await session.gaussIteration('e', 16);
    for (const [k, m] of frame.measures.entries()) {
      expect(m.kl, `iteration ${k}`).toBeGreaterThan(-2 * m.standardError);
      // KL = held-out NLL − Ĥ(p) (Ĥ ≈ 2.76 nats for these points, H = 2.83)
      if (k > 0) expect(m.kl + frame.heldOutLogLikelihood[k]).toBeCloseTo(frame.measures[1].kl + frame.heldOutLogLikelihood[1], 3);
    }
    expect(frame.measures[16].kl).toBeGreaterThan(frame.measures[2].kl + 2);
    expect(-frame.heldOutLogLikelihood[16]).toBeGreaterThan(-frame.heldOutLogLikelihood[2] + 2);
  });
});
