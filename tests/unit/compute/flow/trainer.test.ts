import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import { TfFlow } from '../../../../src/compute/flow/tf-flow';
import { FlowTrainer, type TrainingObjective } from '../../../../src/compute/flow/trainer';
import { DEFAULT_FLOW_CONFIG, type FlowWeights } from '../../../../src/core/flow/config';
import { initFlowWeights } from '../../../../src/core/flow/init';
import type { PointSet, Rng } from '../../../../src/core/types';
import { DECAY_STEPS, LAB_SCHEDULE, learningRateAt } from '../../../../src/core/flow/lr-schedule';

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});

/** Enough steps for the loss to fall clearly (the convergence itself is `npm run test:slow`'s). */
const STEPS = 50;

const small = () => initFlowWeights({ ...DEFAULT_FLOW_CONFIG, layers: 2, hidden: [16, 16], seed: 3 });

/** A correlated Gaussian: x₁ ~ N(1, 0.5²), x₂ = x₁² / 2 + N(0, 0.3²). */
const banana: TrainingObjective = {
  kind: 'maximum-likelihood',
  sampleBatch: (n: number, rng: Rng) => {
    const data = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      const a = 1 + 0.5 * rng.normal();
      data[2 * i] = a;
      data[2 * i + 1] = (a * a) / 2 + 0.3 * rng.normal();
    }
    return { data, n, dim: 2 };
  },
};

async function flatWeights(w: FlowWeights): Promise<number[]> {
  return w.layers.flatMap((l) => [...l.hidden, l.output].flatMap((d) => [...d.w, ...d.b]));
}

describe('FlowTrainer', () => {
  it('follows the learning-rate schedule from its start position; a new peak keeps the position', () => {
    const flow = new TfFlow(small());
    const trainer = new FlowTrainer(flow, 'maf', banana, {
      learningRate: 3e-3,
      schedule: LAB_SCHEDULE,
      scheduleStart: 40,
      batchSize: 16,
      clipNorm: 10,
      seed: 1,
    });
    expect(trainer.currentLearningRate).toBe(learningRateAt({ ...LAB_SCHEDULE, peak: 3e-3 }, 40));
    trainer.step();
    trainer.step();
    expect(trainer.currentLearningRate).toBe(learningRateAt({ ...LAB_SCHEDULE, peak: 3e-3 }, 42));
    trainer.learningRate = 1e-3;
    expect(trainer.currentLearningRate).toBe(learningRateAt({ ...LAB_SCHEDULE, peak: 1e-3 }, 42));
    trainer.dispose();
    flow.dispose();
  });

  it('the scheduled rate is the one Adam applies: at the floor it equals a constant run at the floor rate', async () => {
    const run = async (options: { learningRate: number; schedule?: typeof LAB_SCHEDULE; scheduleStart?: number }) => {
      const flow = new TfFlow(small());
      const trainer = new FlowTrainer(flow, 'maf', banana, { ...options, batchSize: 64, clipNorm: 10, seed: 5 });
      for (let i = 0; i < 3; i++) trainer.step();
      const weights = await flatWeights(await flow.readWeights());
      trainer.dispose();
      flow.dispose();
      return weights;
    };
    const floor = learningRateAt({ ...LAB_SCHEDULE, peak: 3e-3 }, DECAY_STEPS);
    const scheduled = await run({ learningRate: 3e-3, schedule: LAB_SCHEDULE, scheduleStart: DECAY_STEPS });
    const constant = await run({ learningRate: floor });
    const peak = await run({ learningRate: 3e-3 });
    expect(scheduled).toEqual(constant);
    expect(scheduled).not.toEqual(peak);
  });

  for (const kind of ['maf', 'iaf'] as const) {
    it(`${kind.toUpperCase()}: maximum likelihood lowers the loss, reproducibly, without leaking tensors`, async () => {
      const run = async () => {
        const flow = new TfFlow(small());
        const trainer = new FlowTrainer(flow, kind, banana, { learningRate: 5e-3, batchSize: 128, clipNorm: 10, seed: 11 });
        trainer.step();
        const first = (await trainer.status()).loss;
        const before = tf.memory().numTensors;
        for (let i = 0; i < STEPS; i++) trainer.step();
        const last = await trainer.status();
        expect(tf.memory().numTensors).toBe(before);
        const weights = await flatWeights(await flow.readWeights());
        trainer.dispose();
        flow.dispose();
        return { first, last, weights };
      };
      const baseline = tf.memory().numTensors;
      const a = await run();
      const b = await run();
      expect(tf.memory().numTensors).toBe(baseline);
      expect(a.last.step).toBe(STEPS + 1);
      expect(a.last.skipped).toBe(0);
      expect(a.last.loss).toBeLessThan(a.first - 0.5);
      expect(b.weights).toEqual(a.weights);
    });
  }

  it('rejects a non-finite step and keeps the last good weights bit-identical', async () => {
    const flow = new TfFlow(small());
    let poison = false;
    const objective: TrainingObjective = {
      kind: 'maximum-likelihood',
      sampleBatch: (n, rng) => {
        const batch = (banana.kind === 'maximum-likelihood' ? banana.sampleBatch(n, rng) : null!) as PointSet;
        if (poison) batch.data[0] = Number.NaN;
        return batch;
      },
    };
    const trainer = new FlowTrainer(flow, 'maf', objective, { learningRate: 1e-2, batchSize: 64, clipNorm: 10, seed: 1 });
    for (let i = 0; i < 5; i++) trainer.step();
    const good = await flatWeights(await flow.readWeights());
    poison = true;
    trainer.step();
    trainer.step();
    const status = await trainer.status();
    expect(status.skipped).toBe(2);
    expect(Number.isNaN(status.loss)).toBe(true);
    expect(await flatWeights(await flow.readWeights())).toEqual(good);
    poison = false;
    trainer.step();
    const after = await trainer.status();
    expect(Number.isFinite(after.loss)).toBe(true);
    expect(after.skipped).toBe(2);
    trainer.dispose();
    flow.dispose();
  });

  it('a huge learning rate never produces non-finite weights', async () => {
    const flow = new TfFlow(small());
    const trainer = new FlowTrainer(flow, 'maf', banana, { learningRate: 1, batchSize: 64, clipNorm: 10, seed: 2 });
    for (let i = 0; i < 60; i++) trainer.step();
    const weights = await flatWeights(await flow.readWeights());
    expect(weights.every(Number.isFinite)).toBe(true);
    trainer.dispose();
    flow.dispose();
  });
});
