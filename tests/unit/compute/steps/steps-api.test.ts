import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import { TfFlow } from '../../../../src/compute/flow/tf-flow';
import { stepsApi } from '../../../../src/compute/steps/steps-api';
import { workCounts } from '../../../../src/compute/session/work-counter';
import type { StepsModel, StepsModelRequest } from '../../../../src/compute/steps/protocol';
import { ReferenceFlow } from '../../../../src/core/flow/reference-flow';
import { traceFlow, type TraceOperation } from '../../../../src/core/flow/trace';
import { logAbsDet, permuteToOrder } from '../../../../src/core/flow/jacobian';
import { createRng } from '../../../../src/core/rng';
import { sampleCorrelatedMixture } from '../../../../src/core/toy/correlated-mixture';

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});

const ONE_LAYER: StepsModelRequest = { dim: 4, layers: 1, seed: 3, trainSteps: 10 };
const STACK: StepsModelRequest = { dim: 4, layers: 3, seed: 5, trainSteps: 5 };

async function fitted(request: StepsModelRequest): Promise<StepsModel> {
  const before = tf.memory().numTensors;
  const model = await stepsApi.stepsModel(request);
  expect(tf.memory().numTensors).toBe(before);
  return model;
}

async function rows(t: tf.Tensor): Promise<number[]> {
  const data = Array.from(await t.data());
  t.dispose();
  return data;
}

describe('steps model (worker)', () => {
  it('fits the D = 4 mixture by maximum likelihood without leaking, and caches the fit', async () => {
    const fits = () => workCounts()['steps-fit'] ?? 0;
    const fitsBefore = fits();
    const model = await fitted(ONE_LAYER);
    expect(fits()).toBe(fitsBefore + 1);
    expect(model.weights.config.dim).toBe(4);
    expect(model.weights.layers).toHaveLength(1);
    expect(model.trainedSteps).toBe(10);
    expect(model.nllAfter).toBeLessThan(model.nllBefore - 0.1);
    expect(await stepsApi.stepsModel(ONE_LAYER)).toBe(model);
    expect(fits()).toBe(fitsBefore + 1); // the cached fit: nothing trained
  });

  it('fits an IAF as an IAF (sequential maximum likelihood): its own weights, its own NLL, cached apart', async () => {
    const maf = await fitted(ONE_LAYER);
    const iaf = await fitted({ ...ONE_LAYER, kind: 'iaf' });
    expect(maf.kind).toBe('maf');
    expect(iaf.kind).toBe('iaf');
    expect(iaf).not.toBe(maf);
    expect(iaf.trainedSteps).toBe(10);
    expect(iaf.nllAfter).toBeLessThan(iaf.nllBefore - 0.1);
    // Not the MAF's weights read the other way round.
    expect(Array.from(iaf.weights.layers[0].output.w)).not.toEqual(
      Array.from(maf.weights.layers[0].output.w),
    );
    // The reported NLL is the IAF's own density (float64 reference, D passes) of the held-out points.
    const heldOut = sampleCorrelatedMixture(4, 1024, createRng(ONE_LAYER.seed + 104729));
    const reference = new ReferenceFlow(iaf.weights, 'iaf');
    let nll = 0;
    for (let j = 0; j < heldOut.n; j++)
      nll -= traceFlow(reference, 'density', Array.from(heldOut.data.subarray(j * 4, j * 4 + 4)))
        .logProb;
    expect(Math.abs(nll / heldOut.n - iaf.nllAfter)).toBeLessThan(1e-3);
    // The floor: the exact mixture density on the same points scores below both fits.
    expect(iaf.nllData).toBe(maf.nllData);
    expect(iaf.nllData).toBeLessThan(iaf.nllAfter);
  });

  it('rejects a D outside 2 … 8', async () => {
    await expect(stepsApi.stepsModel({ ...ONE_LAYER, dim: 9 })).rejects.toThrow(/dim/);
  });
});

describe('traces of the fitted flow (D = 4)', () => {
  const cases: [string, 'maf' | 'iaf', TraceOperation, number][] = [
    ['MAF sampling', 'maf', 'sample', 4],
    ['MAF density', 'maf', 'density', 1],
    ['IAF sampling', 'iaf', 'sample', 1],
    ['IAF density (inversion)', 'iaf', 'density', 4],
  ];
  for (const [name, kind, op, passes] of cases) {
    it(`${name}: ${passes} pass(es) per layer, and the trace reproduces the tfjs engine`, async () => {
      for (const request of [ONE_LAYER, STACK]) {
        const { weights } = await fitted(request);
        const point = Array.from(sampleCorrelatedMixture(4, 1, createRng(request.seed)).data);
        const trace = traceFlow(new ReferenceFlow(weights, kind), op, point);
        expect(trace.layers).toHaveLength(request.layers);
        for (const layer of trace.layers) {
          expect(layer.steps.map((s) => s.pass)).toEqual(
            Array.from({ length: passes }, (_, p) => p + 1),
          );
          // Every variable is computed exactly once, in the layer's order.
          const order = weights.layers[layer.layerIndex].structure.order;
          expect(layer.steps.flatMap((s) => s.variables)).toEqual([...order]);
          expect(layer.steps.at(-1)?.state).toEqual(layer.output);
          expect(layer.steps.at(-1)?.logDet).toBe(layer.logDet);
        }
        const flow = new TfFlow(weights, false);
        const before = tf.memory().numTensors;
        const input = tf.tensor2d(point, [1, 4]);
        const out = await rows(
          tf.tidy(
            () => (op === 'sample' ? flow.toData(input, kind) : flow.toBase(input, kind)).out,
          ),
        );
        const x = op === 'sample' ? tf.tensor2d(out, [1, 4]) : input;
        const [logProb] = await rows(tf.tidy(() => flow.logProb(x, kind)));
        if (x !== input) x.dispose();
        input.dispose();
        expect(tf.memory().numTensors).toBe(before);
        flow.dispose();
        trace.output.forEach((v, i) => expect(Math.abs(v - out[i])).toBeLessThan(1e-4));
        expect(Math.abs(trace.logProb - logProb)).toBeLessThan(1e-4);
      }
    });
  }
});

describe('layer Jacobian by autodiff (worker)', () => {
  it('is triangular in the layer order, has e^{∓α} on the diagonal and log|det| = ∓Σα', async () => {
    const { weights } = await fitted(STACK);
    const point = [0.3, -1.1, 0.8, 1.7];
    for (const direction of ['parallel', 'sequential'] as const) {
      for (let k = 0; k < weights.layers.length; k++) {
        // Layer k alone: as a MAF, its density is T_k (parallel), its sampling T_k⁻¹ (sequential).
        const single = new ReferenceFlow(
          { config: { ...weights.config, layers: 1 }, layers: [weights.layers[k]] },
          'maf',
        );
        const layerTrace = traceFlow(single, direction === 'parallel' ? 'density' : 'sample', point)
          .layers[0];
        const alpha = new Array<number>(4);
        for (const step of layerTrace.steps)
          step.variables.forEach((i, j) => (alpha[i] = step.alpha[j]));
        const before = tf.memory().numTensors;
        const J = await stepsApi.stepsJacobian({ weights, layerIndex: k, direction, point });
        expect(tf.memory().numTensors).toBe(before);
        const P = permuteToOrder(J, single.layers[0].order);
        for (let a = 0; a < 4; a++) for (let b = a + 1; b < 4; b++) expect(P[a][b]).toBe(0);
        const sign = direction === 'parallel' ? -1 : 1;
        for (let i = 0; i < 4; i++)
          expect(Math.abs(J[i][i] - Math.exp(sign * alpha[i]))).toBeLessThan(1e-4);
        expect(Math.abs(logAbsDet(J) - layerTrace.logDet)).toBeLessThan(1e-4);
      }
    }
  });
});

describe('timing (worker)', () => {
  it('times the seven operations with K or K·D passes, leak-free', async () => {
    const before = tf.memory().numTensors;
    const timing = await stepsApi.stepsTiming({ dim: 4, layers: 2, n: 16, repeats: 1 });
    expect(tf.memory().numTensors).toBe(before);
    expect(timing.backend).toBe('cpu');
    expect(timing.rows.map((r) => [r.operation, r.passes])).toEqual([
      ['maf-density', 2],
      ['maf-sample', 8],
      ['iaf-density', 8],
      ['iaf-sample', 2],
      ['iaf-own-density', 2],
      ['coupling-density', 2],
      ['coupling-sample', 2],
    ]);
    for (const r of timing.rows) expect(r.ms).toBeGreaterThan(0);
  });
});
