/** The spline transform in tfjs against the float64 reference, alone and inside MAF / IAF. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import { splineForwardTf, splineInverseTf } from '../../../../src/compute/flow/tf-spline';
import { TfFlow } from '../../../../src/compute/flow/tf-flow';
import { ReferenceFlow } from '../../../../src/core/flow/reference-flow';
import { splineForward, splineInverse, splineKnots, splineParamCount } from '../../../../src/core/flow/spline';
import { logAbsDet } from '../../../../src/core/flow/jacobian';
import { createRng } from '../../../../src/core/rng';
import { normalPoint, randomFlowWeights } from '../../core/flow/fixtures';

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

const K = 8;
const BOUND = 4;
const spline = { transform: 'spline' as const, splineBins: K, splineBound: BOUND };

describe('tfjs rational-quadratic spline', () => {
  it('matches the float64 spline forward and inverse, inside, in the tails and on the knots, leak-free', async () => {
    const rng = createRng(7);
    const P = splineParamCount(K);
    const m = 64;
    // Scale 1: bins from about 1/5 to 5 times the mean size (a scale of 2 makes slopes of hundreds,
    // where float32 knots alone move the value by 1e-3).
    const raw = Float32Array.from({ length: m * P }, () => rng.normal());
    const knotsOf = (j: number) => splineKnots(raw.slice(j * P, (j + 1) * P), K, BOUND);
    // Row j probes: random points, knots of its own spline, ±B and tails.
    const xs = Float32Array.from({ length: m }, (_, j) => (j < 40 ? -6 + 12 * rng.uniform() : j < 56 ? knotsOf(j).xs[j % (K + 1)] : [-BOUND, BOUND, -9, 7.5][j % 4]));
    const ys = Float32Array.from({ length: m }, (_, j) => (j < 40 ? -6 + 12 * rng.uniform() : j < 56 ? knotsOf(j).ys[j % (K + 1)] : [-BOUND, BOUND, -9, 7.5][j % 4]));
    const before = tf.memory().numTensors;
    const [fv, fl, iv, il] = tf.tidy(() => {
      const r = tf.tensor2d(raw, [m, P]);
      const f = splineForwardTf(tf.tensor2d(xs, [m, 1]), r, K, BOUND);
      const i = splineInverseTf(tf.tensor2d(ys, [m, 1]), r, K, BOUND);
      return [f.value, f.logDerivative, i.value, i.logDerivative];
    });
    const [fValue, fLog, iValue, iLog] = await Promise.all([read(fv), read(fl), read(iv), read(il)]);
    expect(tf.memory().numTensors).toBe(before);
    const ref = (map: typeof splineForward, t: Float32Array) => Array.from(t, (v, j) => map(v, knotsOf(j)));
    const f = ref(splineForward, xs);
    const inv = ref(splineInverse, ys);
    expectClose(fValue, f.map((r) => r.value));
    expectClose(fLog, f.map((r) => r.logDerivative));
    expectClose(iValue, inv.map((r) => r.value));
    expectClose(iLog, inv.map((r) => r.logDerivative));
  });
});

describe('tfjs spline MAF / IAF', () => {
  const flows: TfFlow[] = [];
  afterAll(() => flows.forEach((f) => f.dispose()));

  for (const dim of [2, 4]) {
    for (const kind of ['maf', 'iaf'] as const) {
      it(`${kind.toUpperCase()} D=${dim}: sampling, density and round trip match float64, leak-free`, async () => {
        const weights = randomFlowWeights({ dim, seed: 60 + dim, ...spline }, 1.2);
        const flow = new TfFlow(weights);
        flows.push(flow);
        const ref = new ReferenceFlow(weights, kind);
        const n = 32;
        const zData = Float32Array.from({ length: n * dim }, (_, k) => normalPoint(1, k, k % 3 === 0 ? 3 : 1)[0]);
        const before = tf.memory().numTensors;
        const z = tf.tensor2d(zData, [n, dim]);
        const x = tf.tidy(() => flow.toData(z, kind).out);
        const back = await read(tf.tidy(() => flow.toBase(x, kind).out));
        const logp = await read(tf.tidy(() => flow.logProb(x, kind)));
        const xs = await read(x);
        z.dispose();
        expect(tf.memory().numTensors).toBe(before);
        expectClose(back, zData);
        for (let j = 0; j < n; j++) {
          const row = xs.slice(j * dim, (j + 1) * dim);
          expectClose(row, ref.toData(zData.slice(j * dim, (j + 1) * dim)).out);
          expectClose([logp[j]], [ref.logProb(row)]);
        }
      });
    }
  }

  it('autodiff layer Jacobians are triangular in the layer order, with log|det| = the engine (D=3)', async () => {
    const flow = new TfFlow(randomFlowWeights({ dim: 3, seed: 70, ...spline }, 1.2));
    flows.push(flow);
    const point = Array.from(normalPoint(3, 4, 1.5));
    for (const kind of ['maf', 'iaf'] as const) {
      const before = tf.memory().numTensors;
      for (let k = 0; k < flow.layers.length; k++) {
        const J = await flow.jacobian(point, kind, k);
        const order = flow.layers[k].order;
        for (let a = 0; a < 3; a++) for (let b = a + 1; b < 3; b++) expect(J[order[a]][order[b]]).toBe(0);
        const input = tf.tensor2d(point, [1, 3]);
        const layer = flow.layers[k];
        const [engine] = await read(tf.tidy(() => (kind === 'maf' ? layer.parallel(input) : layer.sequential(input)).logDet));
        input.dispose();
        expect(Math.abs(logAbsDet(J) - engine)).toBeLessThan(1e-4);
      }
      expect(tf.memory().numTensors).toBe(before);
    }
  });

  it('maximum-likelihood gradients are finite for both kinds, points in the tails included', async () => {
    const flow = new TfFlow(randomFlowWeights({ dim: 2, seed: 80, ...spline }, 1.2));
    flows.push(flow);
    const x = tf.tensor2d([0.1, -0.3, 4, -4, 9, -7.5, 3.99, 0, -12, 2], [5, 2]);
    for (const kind of ['maf', 'iaf'] as const) {
      const before = tf.memory().numTensors;
      const { value, grads } = tf.variableGrads(() => tf.neg(tf.mean(flow.logProb(x, kind))), flow.variables());
      expect(Number.isFinite((await value.data())[0])).toBe(true);
      for (const g of Object.values(grads)) expect((await g.data()).every(Number.isFinite)).toBe(true);
      value.dispose();
      Object.values(grads).forEach((g) => g.dispose());
      expect(tf.memory().numTensors).toBe(before);
    }
    x.dispose();
  });
});
