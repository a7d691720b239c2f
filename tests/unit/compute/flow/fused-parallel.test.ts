/**
 * The fused parallel layer (fused-parallel.ts) against the same map composed from the
 * conditioner's ops and differentiated by tfjs autodiff: equal values, and equal gradients
 * with respect to the input and every weight and bias, for both activations, D = 2 and 5,
 * and for a whole chain of layers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import { TfArLayer } from '../../../../src/compute/flow/tf-layer';
import { TfFlow } from '../../../../src/compute/flow/tf-flow';
import { createRng } from '../../../../src/core/rng';
import { maxAbsDiff, randomFlowWeights } from '../../core/flow/fixtures';
import { expectSameMaps, probe, type MapResult } from './map-check';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const layers: TfArLayer[] = [];
afterAll(() => layers.forEach((l) => l.dispose()));

/** The layer's parallel map composed from its conditioner: the definition the fused op must match. */
function composed(layer: TfArLayer, v: tf.Tensor2D): MapResult {
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
      const layer = new TfArLayer(weights.layers[0], { ...weights.config, activation }, true);
      layers.push(layer);
      const { v, loss, dispose } = probe(16, dim, createRng(dim));
      await expectSameMaps((x) => layer.parallel(x), (x) => composed(layer, x), v, loss, layer.variables());
      // ∂loss/∂v, through v's direct and conditioner paths.
      const gv = tf.grad((x: tf.Tensor) => loss(layer.parallel(x as tf.Tensor2D)))(v);
      const gc = tf.grad((x: tf.Tensor) => loss(composed(layer, x as tf.Tensor2D)))(v);
      expect(maxAbsDiff(await gv.data(), await gc.data())).toBeLessThan(1e-4);
      tf.dispose([gv, gc]);
      dispose();
    });
  }

  it('a whole chain (TfFlow.parallel, one op) matches the layers composed, values and gradients', async () => {
    const flow = new TfFlow(randomFlowWeights({ dim: 3, seed: 77 }), true);
    const { v, loss, dispose } = probe(12, 3, createRng(5));
    // keepPath runs layer by layer: the same maps, composed outside the chain op.
    await expectSameMaps((x) => flow.parallel(x), (x) => flow.parallel(x, true), v, loss, flow.variables());
    dispose();
    flow.dispose();
  });
});
