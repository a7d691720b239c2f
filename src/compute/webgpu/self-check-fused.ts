/**
 * Does the fused WebGPU maximum-likelihood step (MAF or IAF) compute what the composed tfjs
 * path computes on the CPU backend? For a fresh flow of dimension D and a fixed batch: the
 * forward values (z and log|det| of x → z per point: parallel for the MAF, sequential for the
 * IAF, whose CPU gradient is the tape through the D passes), the loss, every parameter gradient, and the parameters after one
 * clipped Adam step, and the sequential direction (one program, sequential.ts), each as max_i |fused_i − cpu_i| / max(1, |cpu_i|) (dispatch counts and
 * timings: step-figures.ts).
 * It switches the active backend to CPU and back, so call it while nothing trains.
 */
import { tf } from '../tf';
import { DEFAULT_FLOW_CONFIG, type FlowKind, type FlowWeights } from '../../core/flow/config';
import { initFlowWeights } from '../../core/flow/init';
import { createRng } from '../../core/rng';
import { TfFlow } from '../flow/tf-flow';
import { GatedAdam } from '../flow/gated-adam';
import { FusedMafTrainer } from './fused-maf';
import { onWebGpu } from './programs';
import { baseColumn } from './layout';

export interface FusedCheckResult {
  backend: string;
  kind: FlowKind;
  dim: number;
  batch: number;
  /** Largest scaled error of z and log|det| over the batch. */
  forwardError: number;
  lossError: number;
  gradientError: number;
  /** Of θ after one Adam step (learning rate 1e-3, clip 10). */
  stepError: number;
  /** Of the sequential direction S = P⁻¹ (MAF sampling, IAF density): points and log|det|. */
  sequentialError: number;
  /** Loss on the CPU (a sanity anchor: finite, order 1). */
  cpuLoss: number;
  tensorsBefore: number;
  tensorsAfter: number;
}

const ADAM = { learningRate: 1e-3, clipNorm: 10 };

interface StepValues {
  z: Float32Array;
  logDet: Float32Array;
  loss: number;
  grads: Float32Array;
  stepped: Float32Array;
  /** S(x) then its log|det|, packed. */
  sequential: Float32Array;
}

/** flow.sequential(x) (fused on WebGPU, composed elsewhere), packed as [out…, logDet…]. */
async function sequentialValues(flow: TfFlow, xt: tf.Tensor2D): Promise<Float32Array> {
  const packed = tf.tidy(() => {
    const r = flow.sequential(xt);
    return tf.concat([tf.reshape(r.out, [-1]), r.logDet]);
  });
  const data = (await packed.data()) as Float32Array;
  packed.dispose();
  return data;
}

const flat = (ts: tf.Tensor[]) => tf.tidy(() => tf.concat(ts.map((t) => tf.reshape(t, [-1]))));

async function composedValues(weights: FlowWeights, kind: FlowKind, x: Float32Array, n: number): Promise<StepValues> {
  const D = weights.config.dim;
  const flow = new TfFlow(weights);
  const vars = flow.variables();
  const xt = tf.tensor2d(x, [n, D]);
  const sequential = await sequentialValues(flow, xt);
  const fwd = tf.tidy(() => {
    const r = flow.toBase(xt, kind);
    return { out: r.out, logDet: r.logDet };
  });
  const { value, grads } = tf.variableGrads(() => tf.neg(tf.mean(flow.logProb(xt, kind))), vars);
  const ordered = vars.map((v) => grads[v.name]);
  const g = flat(ordered);
  const adam = new GatedAdam(vars, ADAM);
  adam.apply(value, ordered);
  const theta = flat(vars);
  const out = {
    z: (await fwd.out.data()) as Float32Array,
    logDet: (await fwd.logDet.data()) as Float32Array,
    loss: (await value.data())[0],
    grads: (await g.data()) as Float32Array,
    stepped: (await theta.data()) as Float32Array,
    sequential,
  };
  tf.dispose([xt, fwd.out, fwd.logDet, value, g, theta, ...ordered]);
  adam.dispose();
  flow.dispose();
  return out;
}

async function fusedValues(weights: FlowWeights, kind: FlowKind, x: Float32Array, n: number): Promise<StepValues> {
  const D = weights.config.dim;
  const flow = new TfFlow(weights);
  const trainer = new FusedMafTrainer(flow, ADAM, kind);
  const L = trainer.layout;
  const xt = tf.tensor2d(x, [n, D]);
  const sequential = await sequentialValues(flow, xt);
  const { work, grad } = trainer.gradients(xt);
  const rows = (await work.data()) as Float32Array;
  const g = (await grad.data()) as Float32Array;
  trainer.step(xt);
  const theta = trainer.parameters();
  const stepped = (await theta.data()) as Float32Array;
  const z = new Float32Array(n * D);
  const logDet = new Float32Array(n);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < D; i++) z[r * D + i] = rows[r * L.rowLength + baseColumn(L, kind) + i];
    logDet[r] = rows[r * L.rowLength + L.logDetCol];
  }
  tf.dispose([xt, work, grad, theta]);
  trainer.dispose();
  flow.dispose();
  return { z, logDet, loss: g[L.paramCount], grads: g.subarray(0, L.paramCount), stepped, sequential };
}

function scaledError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const e = Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i]));
    worst = Number.isNaN(e) ? Number.POSITIVE_INFINITY : Math.max(worst, e);
  }
  return worst;
}

export async function runFusedSelfCheck(dim: number, kind: FlowKind = 'maf', batch = 64): Promise<FusedCheckResult> {
  if (!onWebGpu()) throw new Error(`the fused check needs the WebGPU backend, not ${tf.getBackend()}`);
  const tensorsBefore = tf.memory().numTensors;
  const weights = initFlowWeights({ ...DEFAULT_FLOW_CONFIG, dim, seed: 5 + dim });
  const rng = createRng(100 + dim);
  const x = Float32Array.from({ length: batch * dim }, () => 1.5 * rng.normal());
  const fused = await fusedValues(weights, kind, x, batch);
  await tf.setBackend('cpu');
  let cpu: StepValues;
  try {
    cpu = await composedValues(weights, kind, x, batch);
  } finally {
    await tf.setBackend('webgpu');
  }
  return {
    backend: tf.getBackend(),
    kind,
    dim,
    batch,
    forwardError: Math.max(scaledError(fused.z, cpu.z), scaledError(fused.logDet, cpu.logDet)),
    lossError: scaledError([fused.loss], [cpu.loss]),
    gradientError: scaledError(fused.grads, cpu.grads),
    stepError: scaledError(fused.stepped, cpu.stepped),
    sequentialError: scaledError(fused.sequential, cpu.sequential),
    cpuLoss: cpu.loss,
    tensorsBefore,
    tensorsAfter: tf.memory().numTensors,
  };
}
