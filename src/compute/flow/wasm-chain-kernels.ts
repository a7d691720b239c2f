/**
 * JavaScript kernels on tfjs-wasm's heap for the WASM path of the fused parallel chain
 * (fused-parallel-wasm.ts). Each one does, in one launch and one pass over the data, what the
 * composed path does in several kernels. Notation (fused-parallel.ts): one layer's dense
 * layers l = 0…L with masked weights Ŵ_l = W_l ⊙ M_l [k, m], activations h_0 = v … h_L,
 * MADE output o = [μ, raw] [n, 2D], t = tanh(raw/B), α = B·t, e = e^{−α}, w = (v − μ)·e.
 * Matrices the XNNPACK products read are shaped [1, r, c] (what tfjs-wasm's _FusedMatMul
 * needs: no reshape kernels); the others [r, c]. Kernels read only the last two dimensions.
 *
 *   FlowLabMaskWeights      W_l, M_l (l < K) → Ŵ_l [1, k, m] and Ŵ_lᵀ [1, m, k]
 *   FlowLabHeadForward      o, v (, A) → w [1, n, D], t, e [n, D], A' = A + Σ_i α_i [n, 1]
 *   FlowLabHeadBackward     dy [n, D + 1] (, gwE', gIn') , t, e, w → g_w·e [n, D], g_o [1, n, 2D],
 *                           Σ_rows g_o [2D]; g_w = dy[:, :D] for the last layer
 *                           of the chain, else gwE' + gIn' (the layer above's ∂/∂v); g_ℓ = dy[:, D]
 *                             g_μ = −g_w·e,  g_raw = (−g_w·w − g_ℓ)(1 − t²)
 *   FlowLabActBackward      g_in [n, m], h [n, m] → g_pre = g_in ⊙ φ'(h) [1, n, m], g_preᵀ [1, m, n],
 *                           Σ_rows g_pre [m]    (relu: φ' = [h > 0]; tanh: 1 − h²)
 *   FlowLabWeightGrads      ∂L/∂Ŵ_l [k, m] or its transpose (attr direct[l] false), M_l (l < K)
 *                           → ∂L/∂W_l = (∂L/∂Ŵ_l) ⊙ M_l [k, m]
 *   FlowLabPackChain        w [n, D], A [n, 1] → [w, −A] [n, D + 1]
 *   FlowLabAddInputGrad     gwE [n, D], g_in [n, D] → gwE + g_in [n, D]
 * Outputs are new tensors; nothing is written in place. Arithmetic in float64, stored float32.
 */
import { tf } from '../tf';
import { transposeInto, withHeap } from './wasm-kernels';

export const MASK_WEIGHTS = 'FlowLabMaskWeights';
export const HEAD_FORWARD = 'FlowLabHeadForward';
export const HEAD_BACKWARD = 'FlowLabHeadBackward';
export const ACT_BACKWARD = 'FlowLabActBackward';
export const WEIGHT_GRADS = 'FlowLabWeightGrads';
export const PACK_CHAIN = 'FlowLabPackChain';
export const ADD_INPUT_GRAD = 'FlowLabAddInputGrad';

interface KernelArgs {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: unknown;
}

/** The last two dimensions [rows, cols]. */
const dims = (t: tf.TensorInfo): [number, number] => [t.shape[t.shape.length - 2]!, t.shape[t.shape.length - 1]!];

function maskWeights({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo[] {
  const { count } = attrs as { count: number };
  const ws = Array.from({ length: count }, (_, l) => inputs[`w${l}`]!);
  const ms = Array.from({ length: count }, (_, l) => inputs[`m${l}`]!);
  const shapes = ws.map(dims);
  const { outs, outViews, inViews } = withHeap(backend, [...shapes.map(([k, m]) => [1, k, m]), ...shapes.map(([k, m]) => [1, m, k])], [...ws, ...ms]);
  shapes.forEach(([k, m], l) => {
    const [w, mask, masked, maskedT] = [inViews[l]!, inViews[count + l]!, outViews[l]!, outViews[count + l]!];
    for (let i = 0; i < k * m; i++) masked[i] = w[i]! * mask[i]!;
    transposeInto(masked, k, m, maskedT);
  });
  return outs;
}

function headForward({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo[] {
  const { alphaBound: B } = attrs as { alphaBound: number };
  const [n, D] = dims(inputs.v!);
  const acc = inputs.acc;
  const { outs, outViews, inViews } = withHeap(backend, [[1, n, D], [n, D], [n, D], [n, 1]], acc ? [inputs.o!, inputs.v!, acc] : [inputs.o!, inputs.v!]);
  const [o, v, a] = inViews as [Float32Array, Float32Array, Float32Array | undefined];
  const [w, t, e, total] = outViews as [Float32Array, Float32Array, Float32Array, Float32Array];
  for (let r = 0; r < n; r++) {
    let sum = 0;
    for (let i = 0; i < D; i++) {
      const k = r * D + i;
      const ti = Math.fround(Math.tanh(o[r * 2 * D + D + i]! / B));
      const alpha = Math.fround(B * ti);
      const ei = Math.fround(Math.exp(-alpha));
      t[k] = ti;
      e[k] = ei;
      w[k] = Math.fround(v[k]! - o[r * 2 * D + i]!) * ei;
      sum += alpha;
    }
    total[r] = (a ? a[r]! : 0) + Math.fround(sum);
  }
  return outs;
}

function headBackward({ inputs, backend }: KernelArgs): tf.TensorInfo[] {
  const [n, D] = dims(inputs.t!);
  const chained = inputs.gwE !== undefined;
  const ins = [inputs.dy!, inputs.t!, inputs.e!, inputs.w!, ...(chained ? [inputs.gwE!, inputs.gIn!] : [])];
  const { outs, outViews, inViews } = withHeap(backend, [[n, D], [1, n, 2 * D], [2 * D]], ins);
  const [dy, t, e, w, gwPrev, gInPrev] = inViews as Float32Array[];
  const [gwE, gO, gb] = outViews as [Float32Array, Float32Array, Float32Array];
  const sums = new Float64Array(2 * D);
  for (let r = 0; r < n; r++) {
    const gl = dy![r * (D + 1) + D]!;
    for (let i = 0; i < D; i++) {
      const k = r * D + i;
      const gw = chained ? Math.fround(gwPrev![k]! + gInPrev![k]!) : dy![r * (D + 1) + i]!;
      const ge = Math.fround(gw * e![k]!);
      const gRaw = Math.fround(Math.fround(-Math.fround(gw * w![k]!) - gl) * Math.fround(1 - Math.fround(t![k]! * t![k]!)));
      gwE[k] = ge;
      gO[r * 2 * D + i] = -ge;
      gO[r * 2 * D + D + i] = gRaw;
      sums[i] -= ge;
      sums[D + i] += gRaw;
    }
  }
  gb.set(sums);
  return outs;
}

/**
 * g_pre in one contiguous pass, then its transpose with the column sums (transposeInto). The
 * relu slope is +(h > 0), not a branch: the signs of h are random, and a mispredicted branch
 * per element made the loop 3× slower.
 */
function actBackward({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo[] {
  const { activation } = attrs as { activation: 'relu' | 'tanh' };
  const [n, m] = dims(inputs.h!);
  const { outs, outViews, inViews } = withHeap(backend, [[1, n, m], [1, m, n], [m]], [inputs.gIn!, inputs.h!]);
  const [gIn, h] = inViews as [Float32Array, Float32Array];
  const [gPre, gPreT, gb] = outViews as [Float32Array, Float32Array, Float32Array];
  if (activation === 'relu') for (let k = 0; k < n * m; k++) gPre[k] = gIn[k]! * +(h[k]! > 0);
  else for (let k = 0; k < n * m; k++) gPre[k] = gIn[k]! * Math.fround(1 - Math.fround(h[k]! * h[k]!));
  transposeInto(gPre, n, m, gPreT, gb);
  return outs;
}

function weightGrads({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo[] {
  const { count, direct } = attrs as { count: number; direct: boolean[] };
  const gts = Array.from({ length: count }, (_, l) => inputs[`g${l}`]!);
  const ms = Array.from({ length: count }, (_, l) => inputs[`m${l}`]!);
  const shapes = ms.map(dims);
  const { outs, outViews, inViews } = withHeap(backend, shapes, [...gts, ...ms]);
  shapes.forEach(([k, m], l) => {
    const [gt, mask, out] = [inViews[l]!, inViews[count + l]!, outViews[l]!];
    if (direct[l]) out.set(gt);
    else transposeInto(gt, m, k, out);
    for (let i = 0; i < k * m; i++) out[i] = out[i]! * mask[i]!;
  });
  return outs;
}

function packChain({ inputs, backend }: KernelArgs): tf.TensorInfo {
  const [n, D] = dims(inputs.w!);
  const { outs, outViews, inViews } = withHeap(backend, [[n, D + 1]], [inputs.w!, inputs.acc!]);
  const [w, a] = inViews as [Float32Array, Float32Array];
  const out = outViews[0]!;
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < D; i++) out[r * (D + 1) + i] = w[r * D + i]!;
    out[r * (D + 1) + D] = -a[r]!;
  }
  return outs[0]!;
}

function addInputGrad({ inputs, backend }: KernelArgs): tf.TensorInfo {
  const [n, D] = dims(inputs.gwE!);
  const { outs, outViews, inViews } = withHeap(backend, [[n, D]], [inputs.gwE!, inputs.gIn!]);
  const [a, b] = inViews as [Float32Array, Float32Array];
  const out = outViews[0]!;
  for (let k = 0; k < n * D; k++) out[k] = a[k]! + b[k]!;
  return outs[0]!;
}

const KERNELS: [string, (args: KernelArgs) => tf.TensorInfo | tf.TensorInfo[]][] = [
  [MASK_WEIGHTS, maskWeights],
  [HEAD_FORWARD, headForward],
  [HEAD_BACKWARD, headBackward],
  [ACT_BACKWARD, actBackward],
  [WEIGHT_GRADS, weightGrads],
  [PACK_CHAIN, packChain],
  [ADD_INPUT_GRAD, addInputGrad],
];

/** Registers the kernels for the 'wasm' backend (idempotent; harmless where WASM never loads). */
export function registerChainKernels(): void {
  for (const [kernelName, f] of KERNELS) {
    if (!tf.getKernel(kernelName, 'wasm')) tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc: f as unknown as tf.KernelFunc });
  }
}
