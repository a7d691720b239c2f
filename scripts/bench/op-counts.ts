/**
 * tfjs kernels launched per training step and per density evaluation of the default model
 * (5 layers, 2×64 hidden, batch 512), counted with tf.profile in Node, on the CPU backend
 * unless another is named (the WASM backend launches fewer: its JavaScript kernels, fast-ops.ts,
 * replace runs of small ones). Fewer kernels is also what makes WebGPU/WebGL fast.
 */
import { tf } from '../../src/compute/tf';
import type { FlowKind } from '../../src/core/flow/config';
import { defaultModel } from './default-model';
import { createRng } from '../../src/core/rng';

export interface OpCounts {
  flow: FlowKind;
  backend: string;
  trainingStep: number;
  density: number;
  sample: number;
  /**
   * GPU dispatches of one MAF training step on WebGPU, fused and composed (counted in the
   * browser when the bench runs with a WebGPU adapter, BENCH_WEBGPU=1; else absent).
   */
  webgpuStep?: { fused: number; composed: number | null };
}

async function kernelsIn(run: () => void | Promise<void>): Promise<number> {
  const info = await tf.profile(async () => {
    await run();
  });
  return info.kernels.length;
}

export async function countOps(flow: FlowKind, backend = 'cpu'): Promise<OpCounts> {
  await tf.setBackend(backend);
  const { model, trainer, source, dispose } = defaultModel(flow);

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
  dispose();
  return { flow, backend, trainingStep, density, sample };
}
