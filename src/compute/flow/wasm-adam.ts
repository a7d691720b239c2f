/**
 * GatedAdam's step (gated-adam.ts) as one JavaScript kernel on tfjs-wasm's heap: the same
 * arithmetic as the composed tfjs ops (≈ 150 kernels for the default model's 30 weight
 * tensors) in one pass over the P parameters, computed in float64 and stored as float32.
 *   raw = concat(grads);  ok = isFinite(loss) ∧ isFinite(‖raw‖₂ in float32)
 *   safe = raw with non-finite entries 0;  g = safe · min(1, c / (‖safe‖₂ + 1e-12))
 *   m' = ok ? β₁m + (1−β₁)g : m;   v' = ok ? β₂v + (1−β₂)g² : v;   t' = t + ok
 *   θ' = θ − ok · η√(1−β₂^max(t',1)) / (1−β₁^max(t',1)) · m' / (√v' + ε);   skipped' = skipped + 1 − ok
 * Inputs (named): loss, m, v, t, skipped, g0…g(K−1), p0…p(K−1). Outputs, new tensors in this
 * order: m', v', t', skipped', θ'_0 … θ'_(K−1). Nothing is written in place.
 */
import { tf } from '../tf';

export const ADAM_STEP = 'FlowLabAdamStep';

export interface AdamStepAttrs {
  count: number;
  learningRate: number;
  clipNorm: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

interface WasmHeapBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
}

const FLOAT32_MAX = 3.4028234663852886e38;

function adamStepWasm({ inputs, backend, attrs }: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs: unknown }): tf.TensorInfo[] {
  const heap = backend as WasmHeapBackend;
  const { count: K, learningRate: lr, clipNorm, beta1: b1, beta2: b2, epsilon: eps } = attrs as AdamStepAttrs;
  const grads = Array.from({ length: K }, (_, k) => inputs[`g${k}`]!);
  const params = Array.from({ length: K }, (_, k) => inputs[`p${k}`]!);
  // Outputs first: allocating may grow the heap and detach earlier views.
  const outs = [
    heap.makeOutput(inputs.m!.shape, 'float32'),
    heap.makeOutput(inputs.v!.shape, 'float32'),
    heap.makeOutput([], 'float32'),
    heap.makeOutput([], 'float32'),
    ...params.map((p) => heap.makeOutput(p.shape, 'float32')),
  ];
  const view = (info: tf.TensorInfo) => heap.typedArrayFromHeap(info);
  const gViews = grads.map(view);
  let sumSq = 0;
  let safeSq = 0;
  for (const g of gViews) {
    for (let i = 0; i < g.length; i++) {
      const x = g[i]!;
      sumSq += x * x;
      if (Number.isFinite(x)) safeSq += x * x;
    }
  }
  // tfjs sums in float32: a norm past float32's range is non-finite there.
  const finite = (x: number) => Number.isFinite(x) && Math.abs(x) <= FLOAT32_MAX;
  const ok = finite(view(inputs.loss!)[0]!) && finite(sumSq) ? 1 : 0;
  const clip = Math.min(1, clipNorm / (Math.sqrt(finite(safeSq) ? safeSq : Infinity) + 1e-12));
  const t = view(inputs.t!)[0]! + ok;
  const tb = Math.max(t, 1);
  const stepSize = ((lr * Math.sqrt(1 - b2 ** tb)) / (1 - b1 ** tb)) * ok;
  const [mIn, vIn] = [view(inputs.m!), view(inputs.v!)];
  const [mOut, vOut] = [view(outs[0]!), view(outs[1]!)];
  view(outs[2]!)[0] = t;
  view(outs[3]!)[0] = view(inputs.skipped!)[0]! + (1 - ok);
  let at = 0;
  for (let k = 0; k < K; k++) {
    const g = gViews[k]!;
    const pIn = view(params[k]!);
    const pOut = view(outs[4 + k]!);
    for (let i = 0; i < g.length; i++, at++) {
      const raw = g[i]!;
      const gi = Number.isFinite(raw) ? raw * clip : 0;
      const m = ok ? b1 * mIn[at]! + (1 - b1) * gi : mIn[at]!;
      const v = ok ? b2 * vIn[at]! + (1 - b2) * gi * gi : vIn[at]!;
      mOut[at] = m;
      vOut[at] = v;
      pOut[i] = pIn[i]! - stepSize * (Math.fround(m) / (Math.sqrt(Math.fround(v)) + eps));
    }
  }
  return outs;
}

export const adamStepKernel: tf.KernelConfig = {
  kernelName: ADAM_STEP,
  backendName: 'wasm',
  kernelFunc: adamStepWasm as unknown as tf.KernelFunc,
};
