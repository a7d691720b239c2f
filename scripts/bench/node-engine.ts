/**
 * The flow engine's speed in Node (what the command-line tool and the preset trainer use):
 * median ms per training step of the default model (5 layers, 2×64 hidden, batch 512) and
 * per 16,384-point density evaluation, for one backend and flow.
 */
import { tf } from '../../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import type { FlowKind } from '../../src/core/flow/config';
import { defaultModel } from './default-model';
import { createRng } from '../../src/core/rng';
import { percentile } from './stats';

export const DENSITY_POINTS = 16_384;

export interface NodeEngineFigures {
  backend: string;
  flow: FlowKind;
  msPerStep: number;
  /** Median CPU time per step (this process, all threads): less sensitive than wall time to other jobs. */
  cpuMsPerStep: number;
  msDensity16k: number;
}

/** Switches tfjs to `backend`; false when it cannot start here. */
export async function useBackend(backend: string): Promise<boolean> {
  tf.env().set('PROD', true);
  return tf.setBackend(backend).catch(() => false);
}

export async function benchEngine(backend: string, flow: FlowKind, steps: number): Promise<NodeEngineFigures> {
  const { model, trainer, source, dispose } = defaultModel(flow);

  for (let i = 0; i < 3; i++) trainer.step();
  await trainer.status();
  const stepTimes: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < steps; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    trainer.step();
    await trainer.status(); // one sync per step here, so each time is a complete step
    stepTimes.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1000);
  }
  const points = tf.tensor2d(source.sample(DENSITY_POINTS, createRng(2)).data, [DENSITY_POINTS, 2]);
  const densityTimes: number[] = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    const logProb = tf.tidy(() => model.logProb(points, flow));
    await logProb.data();
    logProb.dispose();
    densityTimes.push(performance.now() - t0);
  }
  points.dispose();
  dispose();
  return { backend, flow, msPerStep: percentile(stepTimes, 0.5), cpuMsPerStep: percentile(cpuTimes, 0.5), msDensity16k: percentile(densityTimes.slice(1), 0.5) };
}
