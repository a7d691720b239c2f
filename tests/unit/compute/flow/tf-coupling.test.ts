/** The tfjs coupling flow against the float64 reference, and trained by FlowTrainer. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import { TfCouplingFlow } from '../../../../src/compute/flow/tf-coupling';
import { FlowTrainer } from '../../../../src/compute/flow/trainer';
import { energyTf } from '../../../../src/compute/flow/energy-tf';
import { ReferenceCouplingFlow } from '../../../../src/core/flow/coupling';
import { DEFAULT_COUPLING_CONFIG, initCouplingWeights } from '../../../../src/core/flow/coupling-config';
import { logAbsDet } from '../../../../src/core/flow/jacobian';
import { datasetSource } from '../../../../src/core/datasets';
import type { TransformKind } from '../../../../src/core/flow/transform';
import { normalPoint, randomCouplingWeights } from '../../core/flow/fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function read(t: tf.Tensor): Promise<Float32Array> {
  const d = (await t.data()) as Float32Array;
  t.dispose();
  return d;
}

/** |a − b| ≤ 1e-4·max(1, |b|): float32 against float64. */
function expectClose(a: ArrayLike<number>, b: ArrayLike<number>) {
  for (let k = 0; k < b.length; k++) expect(Math.abs(a[k] - b[k])).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(b[k])));
}

const scaleOf = (t: TransformKind) => (t === 'spline' ? 1 : 0.5);

describe('tfjs coupling flow', () => {
  const flows: TfCouplingFlow[] = [];
  afterAll(() => flows.forEach((f) => f.dispose()));

  for (const transform of ['affine', 'spline'] as const) {
    for (const [dim, split] of [[2, 'parity'], [3, 'halves']] as const) {
      it(`${transform} D=${dim}: sampling, density and round trip match float64, leak-free`, async () => {
        const weights = randomCouplingWeights({ dim, split, transform, seed: 90 + dim }, scaleOf(transform));
        const flow = new TfCouplingFlow(weights);
        flows.push(flow);
        const ref = new ReferenceCouplingFlow(weights);
        const n = 32;
        const zData = Float32Array.from({ length: n * dim }, (_, k) => normalPoint(1, k, k % 3 === 0 ? 3 : 1)[0]);
        const before = tf.memory().numTensors;
        const z = tf.tensor2d(zData, [n, dim]);
        const x = tf.tidy(() => flow.toData(z).out);
        const back = await read(tf.tidy(() => flow.toBase(x).out));
        const logp = await read(tf.tidy(() => flow.logProb(x)));
        const own = await read(tf.tidy(() => flow.sampleWithLogProb(z).logProb));
        const xs = await read(x);
        z.dispose();
        expect(tf.memory().numTensors).toBe(before);
        expectClose(back, zData);
        expectClose(own, logp);
        for (let j = 0; j < n; j++) {
          const row = xs.slice(j * dim, (j + 1) * dim);
          expectClose(row, ref.toData(zData.slice(j * dim, (j + 1) * dim)).out);
          expectClose([logp[j]], [ref.logProb(row)]);
        }
      });
    }

    it(`${transform}: the autodiff Jacobian of each layer is block triangular with log|det| = the engine`, async () => {
      const flow = new TfCouplingFlow(randomCouplingWeights({ dim: 3, split: 'parity', transform, seed: 95 }, scaleOf(transform)));
      flows.push(flow);
      const point = Array.from(normalPoint(3, 6, 1.5));
      const before = tf.memory().numTensors;
      for (const layer of flow.layers) {
        const [J, engine] = tf.tidy(() => {
          const v = tf.tensor2d(point, [1, 3]);
          const rows = [0, 1, 2].map((i) =>
            tf.grad((t: tf.Tensor) => tf.sum(tf.mul(layer.apply(t as tf.Tensor2D, 'forward').out, tf.oneHot([i], 3))))(v),
          );
          return [tf.concat(rows, 0), layer.apply(v, 'forward').logDet];
        });
        const j = await read(J);
        const Jm = [0, 1, 2].map((r) => Array.from(j.slice(3 * r, 3 * r + 3)));
        const { pass, transformed } = layer.weights;
        for (const r of pass) for (let c = 0; c < 3; c++) expect(Jm[r][c]).toBe(r === c ? 1 : 0);
        for (const r of transformed) for (const c of transformed) if (r !== c) expect(Jm[r][c]).toBe(0);
        expect(Math.abs(logAbsDet(Jm) - (await read(engine))[0])).toBeLessThan(1e-4);
      }
      expect(tf.memory().numTensors).toBe(before);
    });

    it(`${transform}: FlowTrainer fits it by maximum likelihood and by reverse KL, finite and leak-free`, async () => {
      const source = datasetSource('8gaussians', null);
      const objectives = [
        { kind: 'maximum-likelihood' as const, sampleBatch: source.sample },
        { kind: 'reverse-kl' as const, energy: (x: tf.Tensor2D) => energyTf('u1', x) },
      ];
      for (const objective of objectives) {
        const flow = new TfCouplingFlow(initCouplingWeights({ ...DEFAULT_COUPLING_CONFIG, transform, hidden: [16, 16], layers: 2 }));
        const trainer = new FlowTrainer(flow, 'maf', objective, { learningRate: 1e-2, batchSize: 128, clipNorm: 10, seed: 1 });
        trainer.step();
        const first = (await trainer.status()).loss;
        const tensors = tf.memory().numTensors;
        for (let s = 0; s < 15; s++) trainer.step();
        const last = await trainer.status();
        expect(tf.memory().numTensors).toBe(tensors);
        expect(last.skipped).toBe(0);
        expect(Number.isFinite(last.loss)).toBe(true);
        expect(last.loss).toBeLessThan(first);
        trainer.dispose();
        flow.dispose();
      }
    });
  }
});
