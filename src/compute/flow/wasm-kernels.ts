/**
 * Kernels written in JavaScript for tfjs's WASM backend, reading and writing its heap directly
 * (the WASM fast path of issue 17; fast-ops.ts is the one place that chooses them). Each one
 * replaces a run of small tfjs kernels whose launch costs more than their arithmetic:
 *
 *   FlowLabTranspose2D   x [r, c] → xᵀ [c, r] (tfjs-wasm's general N-d Transpose costs
 *                        ≈ 0.3 ms CPU for a [512, 64] activation, this loop ≈ 0.1 ms)
 *   FlowLabAffineHead    o [n, 2D], v [n, D] → w, t, e^{−α} [n, D] and Σα [n, 1]   (9 kernels)
 *                          μ = o[:, :D], t = tanh(o[:, D:]/B), α = B·t, w = (v − μ)·e^{−α}
 *   FlowLabAffineHeadGrad g_w, g_ℓ, t, e^{−α}, w → g_w·e^{−α} [n, D] and g_o [n, 2D] (9 kernels)
 *                          g_o = [−g_w·e^{−α}, (−g_w·w − g_ℓ)(1 − t²)]
 *   FlowLabConcatColumns [n, a], [n, b] → [n, a + b]; FlowLabSplitColumns the reverse (tfjs-wasm
 *                        copies such narrow columns row by row from JavaScript: ≈ 0.3 ms each)
 *   FlowLabAdamStep      the optimiser step (wasm-adam.ts)                        (≈ 150 kernels)
 *
 * Only the backend's typed surface is used (makeOutput, typedArrayFromHeap), duck-typed so that
 * nothing here imports the WASM backend's module. Outputs are always new tensors.
 */
import { tf } from '../tf';
import { adamStepKernel } from './wasm-adam';

export const TRANSPOSE_2D = 'FlowLabTranspose2D';
export const AFFINE_HEAD = 'FlowLabAffineHead';
export const AFFINE_HEAD_GRAD = 'FlowLabAffineHeadGrad';
export const CONCAT_COLUMNS = 'FlowLabConcatColumns';
export const SPLIT_COLUMNS = 'FlowLabSplitColumns';

interface WasmHeapBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
}
interface KernelArgs {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: unknown;
}

/** out[j·r + i] = x[i·c + j] for an r×c row-major matrix (writes in order, reads strided: the faster order in V8). */
function transposeInto(x: Float32Array, r: number, c: number, out: Float32Array): void {
  for (let j = 0; j < c; j++) {
    const o = j * r;
    for (let i = 0; i < r; i++) out[o + i] = x[i * c + j]!;
  }
}

/** Allocates the outputs first (an allocation may grow the heap and detach earlier views), then views everything. */
function withHeap(backend: unknown, shapes: number[][], inputs: tf.TensorInfo[]): { outs: tf.TensorInfo[]; outViews: Float32Array[]; inViews: Float32Array[] } {
  const heap = backend as WasmHeapBackend;
  const outs = shapes.map((s) => heap.makeOutput(s, 'float32'));
  return { outs, outViews: outs.map((o) => heap.typedArrayFromHeap(o)), inViews: inputs.map((i) => heap.typedArrayFromHeap(i)) };
}

function transpose2d({ inputs, backend }: KernelArgs): tf.TensorInfo {
  const [r, c] = inputs.x!.shape as [number, number];
  const { outs, outViews, inViews } = withHeap(backend, [[c, r]], [inputs.x!]);
  transposeInto(inViews[0]!, r, c, outViews[0]!);
  return outs[0]!;
}

function affineHead({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo[] {
  const { alphaBound: B } = attrs as { alphaBound: number };
  const [n, D] = inputs.v!.shape as [number, number];
  const { outs, outViews, inViews } = withHeap(backend, [[n, D], [n, D], [n, D], [n, 1]], [inputs.o!, inputs.v!]);
  const [o, v] = inViews as [Float32Array, Float32Array];
  const [w, t, e, alphaSum] = outViews as [Float32Array, Float32Array, Float32Array, Float32Array];
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
    alphaSum[r] = sum;
  }
  return outs;
}

function affineHeadGrad({ inputs, backend }: KernelArgs): tf.TensorInfo[] {
  const [n, D] = inputs.gw!.shape as [number, number];
  const { outs, outViews, inViews } = withHeap(backend, [[n, D], [n, 2 * D]], [inputs.gw!, inputs.gl!, inputs.t!, inputs.e!, inputs.w!]);
  const [gw, gl, t, e, w] = inViews as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
  const [gwE, gPre] = outViews as [Float32Array, Float32Array];
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < D; i++) {
      const k = r * D + i;
      const ge = Math.fround(gw[k]! * e[k]!);
      gwE[k] = ge;
      gPre[r * 2 * D + i] = -ge;
      const gAlpha = Math.fround(-Math.fround(gw[k]! * w[k]!) - gl[r]!);
      gPre[r * 2 * D + D + i] = gAlpha * Math.fround(1 - Math.fround(t[k]! * t[k]!));
    }
  }
  return outs;
}

function concatColumns({ inputs, backend }: KernelArgs): tf.TensorInfo {
  const [n, a] = inputs.a!.shape as [number, number];
  const b = inputs.b!.shape[1]!;
  const { outs, outViews, inViews } = withHeap(backend, [[n, a + b]], [inputs.a!, inputs.b!]);
  const [x, y] = inViews as [Float32Array, Float32Array];
  const out = outViews[0]!;
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < a; j++) out[r * (a + b) + j] = x[r * a + j]!;
    for (let j = 0; j < b; j++) out[r * (a + b) + a + j] = y[r * b + j]!;
  }
  return outs[0]!;
}

function splitColumns({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo[] {
  const { left: a } = attrs as { left: number };
  const [n, c] = inputs.x!.shape as [number, number];
  const b = c - a;
  const { outs, outViews, inViews } = withHeap(backend, [[n, a], [n, b]], [inputs.x!]);
  const x = inViews[0]!;
  const [l, r] = outViews as [Float32Array, Float32Array];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < a; j++) l[i * a + j] = x[i * c + j]!;
    for (let j = 0; j < b; j++) r[i * b + j] = x[i * c + a + j]!;
  }
  return outs;
}

const KERNELS: tf.KernelConfig[] = [
  { kernelName: TRANSPOSE_2D, backendName: 'wasm', kernelFunc: transpose2d as unknown as tf.KernelFunc },
  { kernelName: AFFINE_HEAD, backendName: 'wasm', kernelFunc: affineHead as unknown as tf.KernelFunc },
  { kernelName: AFFINE_HEAD_GRAD, backendName: 'wasm', kernelFunc: affineHeadGrad as unknown as tf.KernelFunc },
  { kernelName: CONCAT_COLUMNS, backendName: 'wasm', kernelFunc: concatColumns as unknown as tf.KernelFunc },
  { kernelName: SPLIT_COLUMNS, backendName: 'wasm', kernelFunc: splitColumns as unknown as tf.KernelFunc },
  adamStepKernel,
];

/** Registers the kernels for the 'wasm' backend (idempotent; harmless where WASM never loads). */
export function registerWasmKernels(): void {
  for (const k of KERNELS) if (!tf.getKernel(k.kernelName, k.backendName)) tf.registerKernel(k);
}
