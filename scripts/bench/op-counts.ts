/**
 * tfjs kernels launched per training step and per density evaluation of the default model
 * (5 layers, 2×64 hidden, batch 512), counted with tf.profile in Node on the CPU backend.
 * Kernel counts do not depend on the backend; fewer kernels is what makes WebGPU/WebGL fast.
 */
import { tf } from '../../src/compute/tf';
import { TfFlow } from '../../src/compute/flow/tf-flow';
import { FlowTrainer } from '../../src/compute/flow/trainer';
import { DEFAULT_FLOW_CONFIG, type FlowKind } from '../../src/core/flow/config';
import { initFlowWeights } from '../../src/core/flow/init';
import { datasetSource } from '../../src/core/datasets';
import { createRng } from '../../src/core/rng';

export interface OpCounts {
  flow: FlowKind;
  trainingStep: number;
  density: number;
  sample: number;
}

async function kernelsIn(run: () => void | Promise<void>): Promise<number> {
  const info = await tf.profile(async () => {
    await run();
  });
  return info.kernels.length;
}

export async function countOps(flow: FlowKind): Promise<OpCounts> {
  await tf.setBackend('cpu');
  const model = new TfFlow(initFlowWeights(DEFAULT_FLOW_CONFIG));
  const source = datasetSource('8gaussians', null);
  const trainer = new FlowTrainer(
    model,
    flow,
    { kind: 'maximum-likelihood', sampleBatch: (n, r) => source.sample(n, r) },
    { learningRate: 1e-3, batchSize: 512, clipNorm: 10, seed: 1 },
  );
  trainer.step(); // first step builds the optimiser state
  await trainer.status();
  const trainingStep = await kernelsIn(() => trainer.step());
  const points = tf.tensor2d(source.sample(512, createRng(3)).data, [512, 2]);
  const density = await kernelsIn(() => {
    tf.tidy(() => model.logProb(points, flow));
  });
  const noise = tf.randomNormal<tf.Rank.R2>([512, 2], 0, 1, 'float32', 7);
  const sample = await kernelsIn(() => {
    tf.tidy(() => model.toData(noise, flow).out);
  });
  noise.dispose();
  points.dispose();
  trainer.dispose();
  model.dispose();
  return { flow, trainingStep, density, sample };
}
