/**
 * Kernels written in JavaScript for tfjs's WASM backend, reading and writing its heap directly
 * (the WASM fast path of issue 17; fast-ops.ts is the one place that chooses them). Each one
 * replaces a run of small tfjs kernels whose launch costs more than their arithmetic:
 *
 *   FlowLabTranspose2D   x [r, c] → xᵀ [c, r] (tfjs-wasm's general N-d Transpose costs
 *                        ≈ 0.3 ms CPU for a [512, 64] activation, this loop ≈ 0.1 ms)
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

/**
 * out[j·r + i] = x[i·c + j] for an r×c row-major matrix, eight rows at a time (eight strided
 * reads, eight consecutive writes: ≈ 2× faster in V8 than one element per inner iteration);
 * sums[j] = Σ_i x[i·c + j] on the way when `sums` [c] is given.
 */
export function transposeInto(x: Float32Array, r: number, c: number, out: Float32Array, sums?: Float32Array): void {
  const acc = sums ? new Float64Array(c) : null;
  let i0 = 0;
  for (; i0 + 8 <= r; i0 += 8) {
    for (let j = 0; j < c; j++) {
      const o = j * r + i0;
      const b = i0 * c + j;
      const a0 = x[b]!, a1 = x[b + c]!, a2 = x[b + 2 * c]!, a3 = x[b + 3 * c]!;
      const a4 = x[b + 4 * c]!, a5 = x[b + 5 * c]!, a6 = x[b + 6 * c]!, a7 = x[b + 7 * c]!;
      out[o] = a0;
      out[o + 1] = a1;
      out[o + 2] = a2;
      out[o + 3] = a3;
      out[o + 4] = a4;
      out[o + 5] = a5;
      out[o + 6] = a6;
      out[o + 7] = a7;
      if (acc) acc[j] += a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
    }
  }
  for (; i0 < r; i0++) {
    for (let j = 0; j < c; j++) {
      out[j * r + i0] = x[i0 * c + j]!;
      if (acc) acc[j] += x[i0 * c + j]!;
    }
  }
  if (sums && acc) sums.set(acc);
}

/** Allocates the outputs first (an allocation may grow the heap and detach earlier views), then views everything. */
export function withHeap(backend: unknown, shapes: number[][], inputs: tf.TensorInfo[]): { outs: tf.TensorInfo[]; outViews: Float32Array[]; inViews: Float32Array[] } {
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
  { kernelName: CONCAT_COLUMNS, backendName: 'wasm', kernelFunc: concatColumns as unknown as tf.KernelFunc },
  { kernelName: SPLIT_COLUMNS, backendName: 'wasm', kernelFunc: splitColumns as unknown as tf.KernelFunc },
  adamStepKernel,
];

/** Registers the kernels for the 'wasm' backend (idempotent; harmless where WASM never loads). */
export function registerWasmKernels(): void {
  for (const k of KERNELS) if (!tf.getKernel(k.kernelName, k.backendName)) tf.registerKernel(k);
}
