/**
 * The fused parallel layer (fused-parallel.ts) against the same map composed from the
 * conditioner's ops and differentiated by tfjs autodiff: equal values, and equal gradients
 * with respect to the input and every weight and bias, for both activations, D = 2 and 5.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import { TfArLayer } from '../../../../src/compute/flow/tf-layer';
import { TfFlow } from '../../../../src/compute/flow/tf-flow';
import { createRng } from '../../../../src/core/rng';
import { maxAbsDiff, randomFlowWeights } from '../../core/flow/fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const layers: TfArLayer[] = [];
afterAll(() => layers.forEach((l) => l.dispose()));

/** The layer's parallel map composed from its conditioner: the definition the fused op must match. */
function composed(layer: TfArLayer, v: tf.Tensor2D) {
  const { mu, alpha } = layer.conditioner(v);
  return { out: tf.mul(tf.sub(v, mu), tf.exp(tf.neg(alpha))) as tf.Tensor2D, logDet: tf.neg(tf.sum(alpha, 1)) as tf.Tensor1D };
}

describe('fused parallel layer', () => {
  for (const [dim, activation] of [
    [2, 'relu'],
    [5, 'relu'],
    [5, 'tanh'],
  ] as const) {
    it(`D=${dim}, ${activation}: values and gradients match autodiff of the composed ops`, async () => {
      const weights = randomFlowWeights({ dim, seed: 40 + dim });
      const config = { ...weights.config, activation };
      const layer = new TfArLayer(weights.layers[0], config, true);
      layers.push(layer);
      const rng = createRng(dim);
      const n = 16;
      const v = tf.tensor2d(Float32Array.from({ length: n * dim }, () => 1.5 * rng.normal()), [n, dim]);
      const rOut = tf.tensor2d(Float32Array.from({ length: n * dim }, () => rng.normal()), [n, dim]);
      const rDet = tf.tensor1d(Float32Array.from({ length: n }, () => rng.normal()));
      // A loss that sends a different upstream gradient to every output and log-determinant.
      const loss = (r: { out: tf.Tensor2D; logDet: tf.Tensor1D }) =>
        tf.add(tf.sum(tf.mul(r.out, rOut)), tf.sum(tf.mul(r.logDet, rDet))) as tf.Scalar;
      const before = tf.memory().numTensors;
      const [fOut, fDet, cOut, cDet] = tf.tidy(() => {
        const f = layer.parallel(v);
        const c = composed(layer, v);
        return [f.out, f.logDet, c.out, c.logDet];
      });
      expect(maxAbsDiff(await fOut.data(), await cOut.data())).toBeLessThan(1e-5);
      expect(maxAbsDiff(await fDet.data(), await cDet.data())).toBeLessThan(1e-5);
      tf.dispose([fOut, fDet, cOut, cDet]);
      const vars = layer.variables();
      const fused = tf.variableGrads(() => loss(layer.parallel(v)), vars);
      const plain = tf.variableGrads(() => loss(composed(layer, v)), vars);
      expect(Math.abs((await fused.value.data())[0] - (await plain.value.data())[0])).toBeLessThan(1e-4);
      for (const p of vars) {
        const a = await fused.grads[p.name].data();
        const b = await plain.grads[p.name].data();
        const scale = Math.max(1, ...Array.from(b, Math.abs));
        expect(maxAbsDiff(a, b) / scale, p.name).toBeLessThan(1e-5);
      }
      const gv = tf.grad((x: tf.Tensor) => loss(layer.parallel(x as tf.Tensor2D)))(v);
      const gc = tf.grad((x: tf.Tensor) => loss(composed(layer, x as tf.Tensor2D)))(v);
      expect(maxAbsDiff(await gv.data(), await gc.data())).toBeLessThan(1e-4);
      tf.dispose([fused.value, plain.value, ...Object.values(fused.grads), ...Object.values(plain.grads), gv, gc]);
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([v, rOut, rDet]);
    });
  }

  it('a whole chain (TfFlow.parallel, one op) matches the layers composed, values and gradients', async () => {
    const weights = randomFlowWeights({ dim: 3, seed: 77 });
    const flow = new TfFlow(weights, true);
    const rng = createRng(5);
    const n = 12;
    const v = tf.tensor2d(Float32Array.from({ length: n * 3 }, () => rng.normal()), [n, 3]);
    const rOut = tf.tensor2d(Float32Array.from({ length: n * 3 }, () => rng.normal()), [n, 3]);
    const rDet = tf.tensor1d(Float32Array.from({ length: n }, () => rng.normal()));
    const loss = (r: { out: tf.Tensor2D; logDet: tf.Tensor1D }) =>
      tf.add(tf.sum(tf.mul(r.out, rOut)), tf.sum(tf.mul(r.logDet, rDet))) as tf.Scalar;
    // keepPath runs layer by layer: the same maps, composed outside the chain op.
    const layered = () => flow.parallel(v, true);
    const [a, b, c, d] = tf.tidy(() => {
      const f = flow.parallel(v);
      const l = layered();
      return [f.out, f.logDet, l.out, l.logDet];
    });
    expect(maxAbsDiff(await a.data(), await c.data())).toBeLessThan(1e-5);
    expect(maxAbsDiff(await b.data(), await d.data())).toBeLessThan(1e-5);
    tf.dispose([a, b, c, d]);
    const vars = flow.variables();
    const chain = tf.variableGrads(() => loss(flow.parallel(v)), vars);
    const perLayer = tf.variableGrads(() => loss(layered()), vars);
    for (const p of vars) {
      const x = await chain.grads[p.name].data();
      const y = await perLayer.grads[p.name].data();
      expect(maxAbsDiff(x, y) / Math.max(1, ...Array.from(y, Math.abs)), p.name).toBeLessThan(1e-5);
    }
    tf.dispose([chain.value, perLayer.value, ...Object.values(chain.grads), ...Object.values(perLayer.grads), v, rOut, rDet]);
    flow.dispose();
  });
});
