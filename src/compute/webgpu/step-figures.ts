/**
 * GPU dispatches and time per maximum-likelihood training step of the default model
 * (core/flow/config.ts: 12 layers, MADE [32, 32], D = 2; batch 512, Adam) as a MAF or an IAF
 * on WebGPU, fused (fused-maf.ts) and composed (the tfjs path of flow/ with the fused path
 * switched off). Dispatches are counted by wrapping the backend's
 * runWebGPUProgram during one warmed-up step; time is the mean over `steps` steps after a
 * warm-up, ending with a readback, so it includes the GPU work (on a software adapter it
 * measures the emulator, not a GPU). Also the dispatches of one sequential pass z → x
 * (MAF sampling, sequential.ts) of 512 points.
 */
import { tf } from '../tf';
import { DEFAULT_FLOW_CONFIG, type FlowKind } from '../../core/flow/config';
import { initFlowWeights } from '../../core/flow/init';
import { createRng } from '../../core/rng';
import { TfFlow } from '../flow/tf-flow';
import { FlowTrainer } from '../flow/trainer';
import { countDispatches, onWebGpu, withoutFused } from './programs';
import { packParameters } from './sequential';

export interface FusedStepFigures {
  /** The density trained: MAF (parallel) or IAF (sequential, implicit gradient when fused). */
  kind: FlowKind;
  /**
   * GPU dispatches of one step: fused, and composed tfjs kernels (null when not measured: the
   * composed step's first run compiles every tfjs kernel of the backward pass, ≈ 30 s on a
   * software adapter, so the browser test leaves it to the bench).
   */
  dispatchesFused: number;
  dispatchesComposed: number | null;
  /** Steps timed per path (0: not timed) and the mean ms per step (NaN when not timed). */
  steps: number;
  msFused: number;
  msComposed: number;
  /** GPU dispatches of one sequential pass z → x (MAF sampling) of 512 points: fused, composed. */
  sequentialFused: number;
  sequentialComposed: number;
  /** Of `sequentialFused`, those that pack the parameter tensors into one buffer (packParameters). */
  sequentialPacking: number;
}

const BATCH = 512;

interface PathFigures {
  /** null: the training step was not run (only the sequential pass was counted). */
  dispatches: number | null;
  ms: number;
  sequential: number;
  /** Dispatches of packing the parameters alone (on the composed path: not part of its pass). */
  packing: number;
}

async function measure(kind: FlowKind, steps: number, train = true): Promise<PathFigures> {
  const config = DEFAULT_FLOW_CONFIG;
  const rng = createRng(11);
  const data = Float32Array.from({ length: BATCH * config.dim }, () => 1.5 * rng.normal());
  const flow = new TfFlow(initFlowWeights(config));
  const make = () =>
    new FlowTrainer(
      flow,
      kind,
      { kind: 'maximum-likelihood', sampleBatch: (n) => ({ data: data.subarray(0, n * config.dim), n, dim: config.dim }) },
      { learningRate: 1e-3, batchSize: BATCH, clipNorm: 10, seed: 1 },
    );
  const trainer = make();
  try {
    let dispatches: number | null = null;
    if (train) {
      trainer.step(); // compiles the pipelines, builds the optimiser state
      await trainer.status();
      dispatches = countDispatches(() => trainer.step()).dispatches;
      await trainer.status();
    }
    let ms = Number.NaN;
    if (train && steps > 0) {
      for (let s = 0; s < 3; s++) trainer.step();
      await trainer.status();
      const t0 = performance.now();
      for (let s = 0; s < steps; s++) trainer.step();
      await trainer.status();
      ms = (performance.now() - t0) / steps;
    }
    const z = tf.tensor2d(data, [BATCH, config.dim]);
    const sequential = countDispatches(() => tf.tidy(() => void flow.sequential(z))).dispatches;
    const packing = countDispatches(() => tf.tidy(() => void packParameters(flow.variables()))).dispatches;
    z.dispose();
    return { dispatches, ms, sequential, packing };
  } finally {
    trainer.dispose();
    flow.dispose();
  }
}

/** `composedStep: false` counts the composed path's sequential pass only (no training step). */
export async function measureFusedStep(
  steps: number,
  { composedStep = true, kind = 'maf' as FlowKind } = {},
): Promise<FusedStepFigures> {
  if (!onWebGpu()) throw new Error(`the fused step needs the WebGPU backend, not ${tf.getBackend()}`);
  const n = Math.max(0, Math.min(1000, Math.floor(steps)));
  const fused = await measure(kind, n);
  const composed = await withoutFused(() => measure(kind, n, composedStep));
  if (fused.dispatches === null) throw new Error('the fused step was not measured');
  return {
    kind,
    dispatchesFused: fused.dispatches,
    dispatchesComposed: composed.dispatches,
    steps: n,
    msFused: fused.ms,
    msComposed: composed.ms,
    sequentialFused: fused.sequential,
    sequentialComposed: composed.sequential,
    sequentialPacking: fused.packing,
  };
}
