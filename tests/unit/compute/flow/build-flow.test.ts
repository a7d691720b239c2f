/**
 * The flow factory: every family × transform builds the flow its spec names (the same
 * architecture and weights as the family's own initialiser), agrees with the float64
 * reference, round-trips z → x → z, reads its model back, trains, and leaks nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import { buildFlow, flowFromModel } from '../../../../src/compute/flow/build-flow';
import { FlowTrainer } from '../../../../src/compute/flow/trainer';
import {
  FLOW_FAMILIES,
  initFlowModel,
  specOfModel,
  type FlowModel,
  type FlowSpec,
} from '../../../../src/core/flow/flow-spec';
import { ReferenceFlow } from '../../../../src/core/flow/reference-flow';
import { ReferenceCouplingFlow } from '../../../../src/core/flow/coupling';
import { passesPerLayer } from '../../../../src/core/flow/schedule';
import { datasetSource } from '../../../../src/core/datasets';
import { normalPoint } from '../../core/flow/fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function read(t: tf.Tensor): Promise<Float32Array> {
  const d = (await t.data()) as Float32Array;
  t.dispose();
  return d;
}

function reference(model: FlowModel): { logProb(x: ArrayLike<number>): number } {
  return model.flow === 'coupling'
    ? new ReferenceCouplingFlow(model.weights)
    : new ReferenceFlow(model.weights, model.flow);
}

/** Perturbs every weight so that the layers are far from the identity (the init is nearly the identity). */
function perturbed(model: FlowModel, seed: number): FlowModel {
  let k = seed;
  const next = () => ((k = (k * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * 0.8;
  for (const layer of model.weights.layers) {
    const output = layer.output;
    for (let i = 0; i < output.w.length; i++) output.w[i] += next();
    for (let i = 0; i < output.b.length; i++) output.b[i] += next();
  }
  return model;
}

const specs: FlowSpec[] = FLOW_FAMILIES.flatMap((flow) =>
  (['affine', 'spline'] as const).map((transform) => ({
    flow,
    transform,
    layers: 2,
    hidden: [8, 8],
    seed: 5,
    dim: 3,
  })),
);

describe('buildFlow', () => {
  for (const spec of specs) {
    it(`${spec.flow} ${spec.transform}: the spec's architecture, float64 agreement, round trip, leak-free`, async () => {
      const model = perturbed(initFlowModel(spec), 17);
      expect(model.flow).toBe(spec.flow);
      expect(model.weights.config.transform).toBe(spec.transform);
      expect(model.weights.layers).toHaveLength(spec.layers);
      expect(specOfModel(model)).toEqual(spec);
      const empty = tf.memory().numTensors;
      const flow = flowFromModel(model);
      expect(flow.family).toBe(spec.flow);
      const before = tf.memory().numTensors;
      const n = 16;
      const D = 3;
      const zData = Float32Array.from({ length: n * D }, (_, k) => normalPoint(1, 300 + k)[0]);
      const z = tf.tensor2d(zData, [n, D]);
      const x = tf.tidy(() => flow.toData(z).out);
      const back = await read(tf.tidy(() => flow.toBase(x).out));
      const logp = await read(tf.tidy(() => flow.logProb(x)));
      const own = await read(tf.tidy(() => flow.sampleWithLogProb(z).logProb));
      const xs = await read(x);
      z.dispose();
      expect(tf.memory().numTensors).toBe(before);
      const ref = reference(model);
      for (let k = 0; k < zData.length; k++)
        expect(Math.abs(back[k] - zData[k])).toBeLessThan(2e-4 * Math.max(1, Math.abs(zData[k])));
      for (let j = 0; j < n; j++) {
        const expected = ref.logProb(xs.slice(j * D, (j + 1) * D));
        expect(Math.abs(logp[j] - expected)).toBeLessThan(2e-4 * Math.max(1, Math.abs(expected)));
        expect(Math.abs(own[j] - logp[j])).toBeLessThan(2e-4 * Math.max(1, Math.abs(expected)));
      }
      const read_ = await flow.readModel();
      expect(read_.flow).toBe(spec.flow);
      expect(Array.from(read_.weights.layers[1].output.w)).toEqual(
        Array.from(model.weights.layers[1].output.w),
      );
      flow.dispose();
      expect(tf.memory().numTensors).toBe(empty);
    });
  }

  it('the same spec gives the same weights; another seed, others', async () => {
    const spec: FlowSpec = {
      flow: 'coupling',
      transform: 'spline',
      layers: 2,
      hidden: [8],
      seed: 3,
    };
    const a = buildFlow(spec);
    const b = buildFlow(spec);
    const c = buildFlow({ ...spec, seed: 4 });
    const [wa, wb, wc] = await Promise.all([a.readModel(), b.readModel(), c.readModel()]);
    expect(Array.from(wa.weights.layers[0].hidden[0].w)).toEqual(
      Array.from(wb.weights.layers[0].hidden[0].w),
    );
    expect(Array.from(wa.weights.layers[0].hidden[0].w)).not.toEqual(
      Array.from(wc.weights.layers[0].hidden[0].w),
    );
    [a, b, c].forEach((f) => f.dispose());
  });

  it('refuses a spec out of range, naming the field', () => {
    expect(() => buildFlow({ flow: 'coupling', layers: 0, hidden: [8], seed: 1 })).toThrow(
      /layers/,
    );
    expect(() =>
      buildFlow({
        flow: 'maf',
        transform: 'spline',
        splineBins: 1,
        layers: 1,
        hidden: [8],
        seed: 1,
      }),
    ).toThrow(/splineBins/);
  });

  for (const flow of FLOW_FAMILIES) {
    it(`${flow}: FlowTrainer lowers the NLL on 8gaussians in 40 steps, leak-free`, async () => {
      const built = buildFlow({ flow, transform: 'affine', layers: 2, hidden: [16, 16], seed: 2 });
      const source = datasetSource('8gaussians', null);
      const before = tf.memory().numTensors;
      const trainer = new FlowTrainer(
        built,
        built.trainerKind,
        { kind: 'maximum-likelihood', sampleBatch: (n, r) => source.sample(n, r) },
        {
          learningRate: 5e-3,
          batchSize: 128,
          clipNorm: 10,
          seed: 1,
        },
      );
      trainer.step();
      const first = (await trainer.status()).loss;
      for (let s = 0; s < 39; s++) trainer.step();
      const last = (await trainer.status()).loss;
      trainer.dispose();
      expect(tf.memory().numTensors).toBe(before);
      expect(last).toBeLessThan(first - 0.3);
      built.dispose();
    });
  }

  it('passes per layer: MAF density 1 / sample D, IAF the reverse, coupling 1 both ways', () => {
    expect([passesPerLayer('maf', 'density', 2), passesPerLayer('maf', 'sample', 2)]).toEqual([
      1, 2,
    ]);
    expect([passesPerLayer('iaf', 'density', 2), passesPerLayer('iaf', 'sample', 2)]).toEqual([
      2, 1,
    ]);
    expect([
      passesPerLayer('coupling', 'density', 5),
      passesPerLayer('coupling', 'sample', 5),
    ]).toEqual([1, 1]);
  });
});
