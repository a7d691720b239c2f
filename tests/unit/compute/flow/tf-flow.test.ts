import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import { TfFlow } from '../../../../src/compute/flow/tf-flow';
import { ReferenceFlow } from '../../../../src/core/flow/reference-flow';
import { logAbsDet } from '../../../../src/core/flow/jacobian';
import { createRng } from '../../../../src/core/rng';
import { maxAbsDiff, randomFlowWeights } from '../../core/flow/fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function normalBatch(n: number, dim: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n * dim }, () => rng.normal());
}

async function read(t: tf.Tensor): Promise<Float32Array> {
  const d = (await t.data()) as Float32Array;
  t.dispose();
  return d;
}

describe('tfjs flow engine', () => {
  const flows: TfFlow[] = [];
  afterAll(() => flows.forEach((f) => f.dispose()));

  for (const dim of [2, 8]) {
    for (const kind of ['maf', 'iaf'] as const) {
      it(`${kind.toUpperCase()} D=${dim}: ‖invert(forward(z)) − z‖∞ < 1e-4 and matches float64`, async () => {
        const weights = randomFlowWeights({ dim, seed: 20 + dim });
        const flow = new TfFlow(weights);
        flows.push(flow);
        const ref = new ReferenceFlow(weights, kind);
        const n = 64;
        const zData = normalBatch(n, dim, dim);
        const before = tf.memory().numTensors;
        const z = tf.tensor2d(zData, [n, dim]);
        const x = tf.tidy(() => flow.toData(z, kind).out);
        const back = await read(tf.tidy(() => flow.toBase(x, kind).out));
        const logp = await read(tf.tidy(() => flow.logProb(x, kind)));
        const xs = await read(x);
        z.dispose();
        expect(tf.memory().numTensors).toBe(before);
        expect(maxAbsDiff(back, zData)).toBeLessThan(1e-4);
        for (let j = 0; j < n; j++) {
          const row = xs.slice(j * dim, (j + 1) * dim);
          expect(maxAbsDiff(row, ref.toData(zData.slice(j * dim, (j + 1) * dim)).out)).toBeLessThan(1e-4);
          expect(Math.abs(logp[j] - ref.logProb(row))).toBeLessThan(1e-4);
        }
      });
    }
  }

  it('sampleWithLogProb agrees with logProb of the same samples (MAF and IAF)', async () => {
    const flow = new TfFlow(randomFlowWeights({ dim: 4, seed: 31 }));
    flows.push(flow);
    for (const kind of ['maf', 'iaf'] as const) {
      const z = tf.tensor2d(normalBatch(32, 4, 1), [32, 4]);
      const [own, direct] = tf.tidy(() => {
        const s = flow.sampleWithLogProb(z, kind);
        return [s.logProb, flow.logProb(s.x, kind)];
      });
      z.dispose();
      expect(maxAbsDiff(await read(own), await read(direct))).toBeLessThan(1e-4);
    }
  });

  for (const dim of [2, 4, 8]) {
    it(`autodiff layer Jacobians are triangular in the layer order, log|det| = engine (D=${dim})`, async () => {
      const weights = randomFlowWeights({ dim, seed: 40 + dim });
      const flow = new TfFlow(weights);
      flows.push(flow);
      const point = Array.from(normalBatch(1, dim, 3));
      for (const kind of ['maf', 'iaf'] as const) {
        const before = tf.memory().numTensors;
        for (let k = 0; k < flow.layers.length; k++) {
          const J = await flow.jacobian(point, kind, k);
          const order = flow.layers[k].order;
          for (let a = 0; a < dim; a++)
            for (let b = a + 1; b < dim; b++) expect(J[order[a]][order[b]]).toBe(0);
          const input = tf.tensor2d(point, [1, dim]);
          const engineLogDet = await read(
            tf.tidy(() => (kind === 'maf' ? flow.layers[k].parallel(input) : flow.layers[k].sequential(input)).logDet),
          );
          input.dispose();
          expect(Math.abs(logAbsDet(J) - engineLogDet[0])).toBeLessThan(1e-4);
        }
        expect(tf.memory().numTensors).toBe(before);
      }
    });
  }

  it('reads back the exact weights it was built from', async () => {
    const weights = randomFlowWeights({ dim: 3, seed: 50 });
    const flow = new TfFlow(weights);
    flows.push(flow);
    const back = await flow.readWeights();
    expect(Array.from(back.layers[1].output.w)).toEqual(Array.from(weights.layers[1].output.w));
    expect(back.layers[2].structure).toEqual(weights.layers[2].structure);
  });
});
