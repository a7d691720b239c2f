/**
 * The WASM fast path (fast-ops.ts and fused-parallel-wasm.ts: JavaScript kernels on tfjs-wasm's
 * heap) against the plain tfjs ops on the same backend (useFastKernels(false)), which the
 * CPU-backend and float64 reference tests already pin down: equal values and gradients of the
 * fused parallel chain (D = 2, 3, 5; relu and tanh; one to three hidden layers) to 1e-5 of the
 * largest magnitude, equal optimiser steps (accepted, clipped and rejected), equal trained
 * weights after a few trainer steps, no leaked tensors, and the kernel count of the default
 * model's training step.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import { concatColumns, fastKernelsActive, splitColumns, transpose2d, useFastKernels } from '../../../../src/compute/flow/fast-ops';
import { GatedAdam } from '../../../../src/compute/flow/gated-adam';
import { TfFlow } from '../../../../src/compute/flow/tf-flow';
import { FlowTrainer } from '../../../../src/compute/flow/trainer';
import { datasetSource } from '../../../../src/core/datasets';
import { DEFAULT_FLOW_CONFIG } from '../../../../src/core/flow/config';
import { initFlowWeights } from '../../../../src/core/flow/init';
import { createRng } from '../../../../src/core/rng';
import { maxAbsDiff, randomFlowWeights } from '../../core/flow/fixtures';

beforeAll(async () => {
  tf.env().set('PROD', true);
  expect(await tf.setBackend('wasm')).toBe(true);
});
afterEach(() => useFastKernels(true));
afterAll(async () => {
  await tf.setBackend('cpu');
});

const normals = (count: number, seed: number, scale = 1) => {
  const rng = createRng(seed);
  return Float32Array.from({ length: count }, () => scale * rng.normal());
};

/** Runs `f` with the fast kernels on and off; returns both results. */
async function bothPaths<T>(f: () => Promise<T>): Promise<[T, T]> {
  useFastKernels(true);
  expect(fastKernelsActive()).toBe(true);
  const fast = await f();
  useFastKernels(false);
  const plain = await f();
  useFastKernels(true);
  return [fast, plain];
}

const relDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => maxAbsDiff(a, b) / Math.max(1, ...Array.from(b, Math.abs));

describe('WASM fast path', () => {
  it('its column, transpose kernels equal tfjs and leak nothing', async () => {
    const before = tf.memory().numTensors;
    const x = tf.tensor2d(normals(37 * 5, 1), [37, 5]);
    const [fast, plain] = await bothPaths(async () => {
      const t = transpose2d(x);
      const [l, r] = splitColumns(x, 2);
      const back = concatColumns(l, r);
      const out = [await t.data(), await l.data(), await r.data(), await back.data()];
      tf.dispose([t, l, r, back]);
      return out;
    });
    fast.forEach((a, i) => expect(maxAbsDiff(a, plain[i]!)).toBe(0));
    expect(maxAbsDiff(fast[3]!, await x.data())).toBe(0);
    x.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  for (const [dim, activation, hidden] of [
    [2, 'relu', [16, 16]],
    [3, 'relu', [24]],
    [5, 'tanh', [16, 16]],
    [2, 'relu', [8, 12, 16]],
  ] as const) {
    it(`D=${dim}, ${activation}, hidden [${hidden.join(', ')}]: the parallel chain's values and gradients equal the plain ops (1e-5)`, async () => {
      const flow = new TfFlow(randomFlowWeights({ dim, activation, hidden: [...hidden], seed: 60 + dim + hidden.length }), true);
      const v = tf.tensor2d(normals(64 * dim, dim, 1.5), [64, dim]);
      const rOut = tf.tensor2d(normals(64 * dim, 10 + dim), [64, dim]);
      const rDet = tf.tensor1d(normals(64, 20 + dim));
      const vars = flow.variables();
      const before = tf.memory().numTensors;
      const [fast, plain] = await bothPaths(async () => {
        const { value, grads } = tf.variableGrads(() => {
          const r = flow.parallel(v);
          return tf.add(tf.sum(tf.mul(r.out, rOut)), tf.sum(tf.mul(r.logDet, rDet))) as tf.Scalar;
        }, vars);
        const gv = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(flow.parallel(x as tf.Tensor2D).out, rOut)))(v);
        const out = [await value.data(), await gv.data(), ...(await Promise.all(vars.map((p) => grads[p.name]!.data())))];
        tf.dispose([value, gv, ...Object.values(grads)]);
        return out;
      });
      fast.forEach((a, i) => expect(relDiff(a, plain[i]!), `output ${i}`).toBeLessThan(1e-5));
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([v, rOut, rDet]);
      flow.dispose();
    });
  }

  it('one optimiser step equals the plain ops: accepted, clipped, and rejected on a non-finite loss or gradient', async () => {
    const cases: { loss: number; scale: number; poison: boolean }[] = [
      { loss: 1.5, scale: 1, poison: false },
      { loss: 0.5, scale: 1e3, poison: false }, // clipped at ‖g‖ = 10
      { loss: Number.NaN, scale: 1, poison: false }, // rejected
      { loss: 0.2, scale: 1, poison: true }, // rejected (∞ in a gradient)
      { loss: 0.1, scale: 1, poison: false },
    ];
    const [fast, plain] = await bothPaths(async () => {
      const vars = [tf.variable(tf.tensor2d(normals(12, 3), [3, 4])), tf.variable(tf.tensor1d(normals(4, 4)))];
      const adam = new GatedAdam(vars, { learningRate: 0.01, clipNorm: 10 });
      for (const [k, c] of cases.entries()) {
        tf.tidy(() => {
          const grads = [tf.tensor2d(normals(12, 30 + k, c.scale), [3, 4]), tf.tensor1d(normals(4, 40 + k, c.scale))];
          if (c.poison) grads[1] = tf.tensor1d([1, Infinity, 0, 2]);
          adam.apply(tf.scalar(c.loss), grads);
        });
      }
      const out = [...(await Promise.all(vars.map((p) => p.data()))), await adam.skipped.data()];
      adam.dispose();
      tf.dispose(vars);
      return out;
    });
    fast.forEach((a, i) => expect(relDiff(a, plain[i]!), `tensor ${i}`).toBeLessThan(1e-5));
    expect(fast[2]![0]).toBe(2);
  });

  it('five trainer steps of a small MAF reach the same weights on both paths, leak-free', async () => {
    const source = datasetSource('8gaussians', null);
    const [fast, plain] = await bothPaths(async () => {
      const flow = new TfFlow(randomFlowWeights({ dim: 2, seed: 9 }), true);
      const trainer = new FlowTrainer(flow, 'maf', { kind: 'maximum-likelihood', sampleBatch: (n, r) => source.sample(n, r) }, { learningRate: 1e-2, batchSize: 128, clipNorm: 10, seed: 3 });
      trainer.step();
      const before = tf.memory().numTensors;
      for (let i = 0; i < 4; i++) trainer.step();
      expect(tf.memory().numTensors).toBe(before);
      const out = [(await trainer.status()).loss, ...(await Promise.all(flow.variables().map(async (p) => Array.from(await p.data()))))];
      trainer.dispose();
      flow.dispose();
      return out;
    });
    expect(Math.abs((fast[0] as number) - (plain[0] as number))).toBeLessThan(1e-4);
    fast.slice(1).forEach((a, i) => expect(relDiff(a as number[], plain[i + 1] as number[])).toBeLessThan(1e-4));
  });

  // Kernels grow with depth: ≈ 26 per layer plus ≈ 40 for the loss and the Adam kernel. The
  // 5-layer, 2×64 step (the default before issue 17 item 5) took 309 before the fused WASM chain
  // and 170 after; the bound is 40 + 27 per layer (175 at 5 layers, 364 at the default 12).
  it.each([
    ['the old default (5 layers, 2×64)', { layers: 5, hidden: [64, 64] }],
    ['the default (12 layers, 2×32)', {}],
  ])("%s MAF's training step launches at most 40 + 27 kernels per layer and leaks none", async (_name, architecture) => {
    const config = { ...DEFAULT_FLOW_CONFIG, ...architecture };
    const source = datasetSource('8gaussians', null);
    const flow = new TfFlow(initFlowWeights(config), true);
    const trainer = new FlowTrainer(flow, 'maf', { kind: 'maximum-likelihood', sampleBatch: (n, r) => source.sample(n, r) }, { learningRate: 1e-3, batchSize: 512, clipNorm: 10, seed: 1 });
    const kernelsPerStep = async () => (await tf.profile(() => trainer.step())).kernels.length;
    trainer.step();
    await trainer.status();
    const before = tf.memory().numTensors;
    const fast = await kernelsPerStep();
    for (let i = 0; i < 5; i++) trainer.step();
    await trainer.status();
    expect(tf.memory().numTensors).toBe(before);
    useFastKernels(false);
    const plain = await kernelsPerStep();
    useFastKernels(true);
    expect(fast).toBeLessThanOrEqual(40 + 27 * config.layers);
    expect(fast).toBeLessThan(plain / 2);
    expect((await trainer.status()).loss).toBeGreaterThan(0); // finite and sensible (8gaussians' entropy ≈ 2.83 nats)
    trainer.dispose();
    flow.dispose();
  });

  // The IAF's maximum-likelihood step runs the sequential direction: with the implicit
  // gradient (implicit-sequential.ts) 1,719 kernels at the default 12 layers, against 3,078
  // with autodiff through the D = 2 passes of every layer (measured 2026-11-30); bound 40 + 150
  // per layer.
  it("the default IAF's maximum-likelihood step launches at most 40 + 150 kernels per layer, leaks none, and lowers the loss", async () => {
    const source = datasetSource('8gaussians', null);
    const flow = new TfFlow(initFlowWeights(DEFAULT_FLOW_CONFIG), true);
    const trainer = new FlowTrainer(flow, 'iaf', { kind: 'maximum-likelihood', sampleBatch: (n, r) => source.sample(n, r) }, { learningRate: 3e-3, batchSize: 256, clipNorm: 10, seed: 2 });
    trainer.step();
    const first = (await trainer.status()).loss;
    const before = tf.memory().numTensors;
    const kernels = (await tf.profile(() => trainer.step())).kernels.length;
    for (let i = 0; i < 20; i++) trainer.step();
    const after = await trainer.status();
    expect(tf.memory().numTensors).toBe(before);
    expect(kernels).toBeLessThanOrEqual(40 + 150 * DEFAULT_FLOW_CONFIG.layers);
    expect(after.skipped).toBe(0);
    expect(after.loss).toBeLessThan(first);
    trainer.dispose();
    flow.dispose();
  });
});
