/**
 * The lab's KL(q ‖ p) for an IAF on an energy target: the Monte-Carlo reverse-KL estimate
 * (tfjs CPU, the loss the trainer minimises) plus log Z_c (core quadrature) equals KL(q ‖ p_c)
 * computed directly by quadrature, ∫ q (log q − log p_c), with q from the float64 reference
 * flow (its density of outside points: D passes per layer), within the Monte-Carlo error.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import { TfFlow } from '../../../../src/compute/flow/tf-flow';
import { estimateReverseKl } from '../../../../src/compute/lab/reverse-kl';
import { DEFAULT_FLOW_CONFIG, type FlowWeights } from '../../../../src/core/flow/config';
import { initFlowWeights } from '../../../../src/core/flow/init';
import { parseModelText } from '../../../../src/core/flow/model-file';
import { ReferenceFlow } from '../../../../src/core/flow/reference-flow';
import { createRng } from '../../../../src/core/rng';
import { confinedEnergy, type EnergyName } from '../../../../src/core/toy/energy';
import { confinedLogNormaliser } from '../../../../src/core/toy/energy-normaliser';

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});

/** A small fixed IAF, its output layers scaled up so that μ and α are far from 0 (q is not N(0, I)). */
function smallIaf(): FlowWeights {
  const weights = initFlowWeights({ ...DEFAULT_FLOW_CONFIG, layers: 2, hidden: [8, 8], seed: 4 });
  for (const layer of weights.layers) {
    layer.output.w = layer.output.w.map((v) => 40 * v);
    layer.output.b = layer.output.b.map((v) => 40 * v);
  }
  return weights;
}

/** KL(q ‖ p_c) = ∫ q (log q + U_c) + log Z_c, midpoint rule on [−half, half]², and q's mass there. */
function quadratureKl(flow: ReferenceFlow, energy: EnergyName, half: number, cells: number) {
  const h = (2 * half) / cells;
  let integral = 0;
  let mass = 0;
  for (let row = 0; row < cells; row++) {
    const x2 = -half + (row + 0.5) * h;
    for (let col = 0; col < cells; col++) {
      const x1 = -half + (col + 0.5) * h;
      const logQ = flow.logProb([x1, x2]);
      const q = Math.exp(logQ);
      if (q === 0) continue;
      mass += q * h * h;
      integral += q * (logQ + confinedEnergy(energy, x1, x2)) * h * h;
    }
  }
  return { kl: integral + confinedLogNormaliser(energy).logNormaliser, mass };
}

describe('KL(q ‖ p) of the lab (reverse KL + log Z)', () => {
  it('equals a direct quadrature KL(q ‖ p) for a small fixed IAF within Monte-Carlo error', async () => {
    const weights = smallIaf();
    const reference = new ReferenceFlow(weights, 'iaf');
    const energy: EnergyName = 'u1';
    const direct = quadratureKl(reference, energy, 7, 420);
    expect(direct.mass).toBeGreaterThan(0.9999); // the grid holds q
    expect(direct.kl).toBeGreaterThan(0.5); // a KL, and far from this q's being p

    const flow = new TfFlow(weights, false);
    const rng = createRng(9);
    const noise = Float32Array.from({ length: 2 * 40_000 }, () => rng.normal());
    const before = tf.memory().numTensors;
    const logZ = confinedLogNormaliser(energy).logNormaliser;
    const estimate = await estimateReverseKl(flow, energy, noise, logZ);
    expect(tf.memory().numTensors).toBe(before);
    flow.dispose();

    expect(estimate.samples).toBe(40_000);
    expect(estimate.standardError).toBeGreaterThan(0);
    expect(estimate.standardError).toBeLessThan(0.05);
    // Within four standard errors, plus the quadrature's own error (cells of 1/30).
    expect(Math.abs(estimate.value - direct.kl)).toBeLessThan(4 * estimate.standardError + 0.01);
    // Without log Z the estimate is E_q[log q + U] = KL − log Z: off by far more than its error.
    expect(Math.abs(estimate.value - logZ - direct.kl)).toBeGreaterThan(20 * estimate.standardError);
  });

  it('is ≥ 0 within its error and small for the trained IAF presets on U1–U4', async () => {
    const rng = createRng(3);
    const noise = Float32Array.from({ length: 2 * 4096 }, () => rng.normal());
    for (const energy of ['u1', 'u2', 'u3', 'u4'] as const) {
      const preset = parseModelText(readFileSync(`public/presets/${energy}-iaf.json`, 'utf8'));
      expect(preset.meta.kind).toBe('iaf');
      const flow = new TfFlow(preset.weights, false);
      const kl = await estimateReverseKl(flow, energy, noise, confinedLogNormaliser(energy).logNormaliser);
      flow.dispose();
      expect(kl.value, energy).toBeGreaterThan(-2 * kl.standardError);
      expect(kl.value, energy).toBeLessThan(0.5);
    }
  });
});
