/**
 * Float32 overflow in the sequential direction stays where it happens: a ±∞ in one column
 * must not become ∞·0 = NaN in the others (the old masked update v·(1 − e_i) + c·e_i did).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import { TfArLayer } from '../../../../src/compute/flow/tf-layer';
import { ReferenceLayer, layerSequentialInverse } from '../../../../src/core/flow/reference';
import { randomFlowWeights } from '../../core/flow/fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('sequential layer at the edge of float32', () => {
  it('an overflowing column does not turn the other columns into NaN', async () => {
    const weights = randomFlowWeights({ dim: 3, seed: 4, layers: 1 });
    const layerWeights = weights.layers[0];
    const order = layerWeights.structure.order; // natural for layer 0: [0, 1, 2]
    expect(order).toEqual([0, 1, 2]);
    // w_1 = 3e38 and e^{α_1} > 1 overflow v_1 only; v_0 and v_2 are ordinary numbers. While
    // position 0 is computed, column 1 of the candidate is already ±∞ (its μ_1, α_1 see v = 0).
    layerWeights.output.b[weights.config.dim + 1] = 2; // a_1 bias: α_1 ≈ 2 near v = 0
    const before = tf.memory().numTensors;
    const layer = new TfArLayer(layerWeights, weights.config, false);
    const w = [0.3, 3e38, -0.7];
    const out = tf.tidy(() => layer.sequential(tf.tensor2d(w, [1, 3])).out);
    const v = Array.from(await out.data());
    out.dispose();
    layer.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const reference = layerSequentialInverse(
      new ReferenceLayer(layerWeights, weights.config),
      w,
    ).out;
    expect(Math.abs(reference[1])).toBeGreaterThan(3.5e38); // the true v_1 is beyond float32
    expect(v[1]).toBe(reference[1] > 0 ? Infinity : -Infinity);
    expect(Number.isFinite(v[0])).toBe(true);
    expect(v[0]).toBeCloseTo(reference[0], 4);
  });
});
