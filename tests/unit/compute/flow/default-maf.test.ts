/**
 * Fast stand-ins for the slow acceptance run (default-maf-nll.slow.test.ts, `npm run
 * test:slow`: the default MAF trained 3,000 steps to a KL gap ≤ 0.08 nats on 8gaussians):
 *   - the committed default-MAF preset (6,000 steps), re-evaluated in float64 on 10,000 fresh
 *     samples, is within the same bound (held-out NLL ≤ 2.8319 + 0.08) and agrees with the NLL
 *     recorded in public/presets/index.json;
 *   - the default MAF's held-out NLL falls within its first 50 trainer steps, leak-free.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import { TfFlow } from '../../../../src/compute/flow/tf-flow';
import { FlowTrainer } from '../../../../src/compute/flow/trainer';
import { DEFAULT_FLOW_CONFIG } from '../../../../src/core/flow/config';
import { initFlowWeights } from '../../../../src/core/flow/init';
import { parseModelText } from '../../../../src/core/flow/model-file';
import { ReferenceFlow } from '../../../../src/core/flow/reference-flow';
import { datasetSource } from '../../../../src/core/datasets';
import { createRng } from '../../../../src/core/rng';
import { entropyFloor } from '../../../../src/core/toy/true-density';

/** The acceptance bound of the default MAF on 8gaussians (nats): the entropy floor + 0.08 (issue 17 item 5). */
const NLL_BOUND = entropyFloor('8gaussians')! + 0.08;

// tfjs's WASM backend runs in Node too (the browser's kernels), several times faster than CPU.
beforeAll(async () => {
  tf.env().set('PROD', true);
  expect(await tf.setBackend('wasm')).toBe(true);
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

interface ManifestEntry {
  file: string;
  dataset: string;
  kind: string;
  training: { nll: number; steps: number };
}

describe('default MAF on 8gaussians (fast stand-ins)', () => {
  it('the committed preset reaches held-out NLL ≤ floor + 0.08 nats on fresh samples, as recorded', () => {
    const manifest = JSON.parse(readFileSync('public/presets/index.json', 'utf8')) as { presets: ManifestEntry[] };
    const entry = manifest.presets.find((p) => p.dataset === '8gaussians' && p.kind === 'maf')!;
    expect(entry).toBeDefined();
    const model = parseModelText(readFileSync(`public/presets/${entry.file}`, 'utf8'));
    // The preset is the default architecture (only the seed may differ).
    expect({ ...model.weights.config, seed: 0 }).toEqual({ ...DEFAULT_FLOW_CONFIG, seed: 0 });

    // Fresh samples (a seed the preset script does not use), log p in float64.
    const n = 10_000;
    const points = datasetSource('8gaussians', null).sample(n, createRng(20261130)).data;
    const reference = new ReferenceFlow(model.weights, 'maf');
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const logp = reference.logProb([points[2 * i], points[2 * i + 1]]);
      sum += logp;
      sumSq += logp * logp;
    }
    const nll = -sum / n;
    const standardError = Math.sqrt((sumSq / n - (sum / n) ** 2) / n);
    console.log(
      `8gaussians MAF preset: held-out NLL ${nll.toFixed(4)} ± ${standardError.toFixed(4)} nats (recorded ${entry.training.nll})`,
    );
    expect(Number.isFinite(nll)).toBe(true);
    expect(nll).toBeLessThanOrEqual(NLL_BOUND);
    // No model beats the entropy floor beyond sampling error.
    expect(nll).toBeGreaterThan(entropyFloor('8gaussians')! - 4 * standardError);
    // The recorded figure is the same quantity on other samples: within 4 standard errors.
    expect(Math.abs(nll - entry.training.nll)).toBeLessThanOrEqual(4 * standardError + 1e-3);
  });

  it('the default MAF’s held-out NLL falls within 50 steps, leak-free', async () => {
    const source = datasetSource('8gaussians', null);
    const flow = new TfFlow(initFlowWeights(DEFAULT_FLOW_CONFIG));
    const trainer = new FlowTrainer(flow, 'maf', { kind: 'maximum-likelihood', sampleBatch: (k, r) => source.sample(k, r) }, {
      learningRate: 1e-3,
      batchSize: 256,
      clipNorm: 10,
      seed: 1,
    });
    const heldOut = source.sample(2000, createRng(12345)).data;
    const nllOf = async () => {
      const mean = tf.tidy(() => tf.mean(flow.logProb(tf.tensor2d(heldOut, [2000, 2]), 'maf')));
      const value = -(await mean.data())[0];
      mean.dispose();
      return value;
    };
    const before = await nllOf();
    trainer.step();
    const tensors = tf.memory().numTensors;
    for (let s = 1; s < 50; s++) trainer.step();
    const status = await trainer.status();
    expect(status.step).toBe(50);
    expect(status.skipped).toBe(0);
    expect(tf.memory().numTensors).toBe(tensors);
    const after = await nllOf();
    console.log(`default MAF: held-out NLL ${before.toFixed(3)} → ${after.toFixed(3)} nats in 50 steps`);
    expect(after).toBeLessThan(before - 0.5);
    trainer.dispose();
    flow.dispose();
  });
});
