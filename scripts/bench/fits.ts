/**
 * How close the default MAF and IAF get to the data in the lab's budget (`npm run bench:fits`,
 * and a row of `npm run bench`). Trains one flow (MADE 2×hidden, `layers` layers, batch 512,
 * tfjs WASM in Node) by maximum likelihood on 8gaussians for `steps` steps with a learning-rate
 * schedule (default: the app's, core/flow/lr-schedule.ts) and returns the KL gap
 *   KL gap = held-out NLL − H,   H = 2.8319 nats (8gaussians' entropy), 10,000 fresh points
 * with ms/step (after a 5-step warm-up, one readback per 100 steps as a drawn frame would).
 */
import { tf } from '../../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import { TfFlow } from '../../src/compute/flow/tf-flow';
import { FlowTrainer } from '../../src/compute/flow/trainer';
import { DEFAULT_FLOW_CONFIG, type FlowKind } from '../../src/core/flow/config';
import { initFlowWeights } from '../../src/core/flow/init';
import { DEFAULT_LEARNING_RATE, cosineSchedule, type LrSchedule } from '../../src/core/flow/lr-schedule';
import { datasetSource } from '../../src/core/datasets';
import { createRng } from '../../src/core/rng';

export const ENTROPY_8GAUSSIANS = 2.8319;
export const FITS_TEST_POINTS = 10_000;
const WARMUP = 5;

export interface FitOptions {
  kind: FlowKind;
  steps: number;
  seed: number;
  schedule?: LrSchedule;
  layers?: number;
  hidden?: number;
}

export interface FitFigures {
  flow: FlowKind;
  steps: number;
  seed: number;
  layers: number;
  hidden: number;
  /** Held-out NLL − 2.8319 nats. */
  gap: number;
  msPerStep: number;
  /** CPU time of this process per step (ms, all threads): less sensitive than wall time to other jobs. */
  cpuMsPerStep: number;
  /** Steps the trainer skipped (non-finite loss or gradient). */
  skipped: number;
}

let testPoints: tf.Tensor2D | null = null;

/** The 10,000 held-out points, drawn once per process with a fixed seed. */
function heldOut(): tf.Tensor2D {
  if (!testPoints) testPoints = tf.tensor2d(datasetSource('8gaussians', null).sample(FITS_TEST_POINTS, createRng(12345)).data, [FITS_TEST_POINTS, 2]);
  return testPoints;
}

/** Trains one flow and returns its KL gap after `steps` steps; switches tfjs to WASM. */
export async function measureFit(o: FitOptions): Promise<FitFigures> {
  tf.env().set('PROD', true);
  if (tf.getBackend() !== 'wasm' && !(await tf.setBackend('wasm'))) throw new Error('the WASM backend did not start');
  const steps = Math.max(o.steps, WARMUP + 1);
  const layers = o.layers ?? DEFAULT_FLOW_CONFIG.layers;
  const hidden = o.hidden ?? DEFAULT_FLOW_CONFIG.hidden[0];
  const source = datasetSource('8gaussians', null);
  const flow = new TfFlow(initFlowWeights({ ...DEFAULT_FLOW_CONFIG, layers, hidden: [hidden, hidden], seed: o.seed }));
  const { peak: learningRate, ...shape } = o.schedule ?? cosineSchedule(DEFAULT_LEARNING_RATE);
  const trainer = new FlowTrainer(flow, o.kind, { kind: 'maximum-likelihood', sampleBatch: (n, r) => source.sample(n, r) }, {
    learningRate,
    schedule: shape,
    batchSize: 512,
    clipNorm: 10,
    seed: o.seed,
  });
  try {
    for (let s = 0; s < WARMUP; s++) trainer.step();
    await trainer.status();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let s = WARMUP; s < steps; s++) {
      trainer.step();
      if (s % 100 === 99) await trainer.status();
    }
    const { skipped } = await trainer.status();
    const ms = (performance.now() - t0) / (steps - WARMUP);
    const cpu = process.cpuUsage(cpu0);
    const test = heldOut(); // outside the tidy, which would dispose it with the mean's temporaries
    const mean = tf.tidy(() => tf.mean(flow.logProb(test, o.kind)));
    const nll = -(await mean.data())[0];
    mean.dispose();
    return { flow: o.kind, steps, seed: o.seed, layers, hidden, gap: nll - ENTROPY_8GAUSSIANS, msPerStep: ms, cpuMsPerStep: (cpu.user + cpu.system) / 1000 / (steps - WARMUP), skipped };
  } finally {
    trainer.dispose();
    flow.dispose();
  }
}

/** Frees the held-out points (call once at the end). */
export function disposeFitData(): void {
  testPoints?.dispose();
  testPoints = null;
}

export const meanSd = (xs: readonly number[]): { m: number; sd: number } => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1)) : 0;
  return { m, sd };
};
