/**
 * Running hand-written WGSL through tfjs-backend-webgpu's own program interface
 * (backend.runWebGPUProgram): the backend compiles and caches the pipeline by shaderKey,
 * binds `result` (the output, read_write) and the inputs (read-only, named by
 * variableNames), declares the `uniforms` struct (each input's shape, e.g.
 * uniforms.xinShape, plus the program's own fields) and calls our `fn main(index: i32)`
 * with the global thread index. No tfjs-backend-webgpu import: the backend object is typed
 * here by the one method used, so this module loads in Node too.
 */
import { tf } from '../tf';

/** The fields of tfjs-backend-webgpu's WebGPUProgram that a flat compute program sets. */
export interface FlatProgram {
  shaderKey: string;
  variableNames: string[];
  outputShape: number[];
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number];
  uniforms?: string;
  getUserCode: () => string;
}

interface ProgramUniform {
  type: 'float32' | 'int32';
  data: number[];
}

interface WebGpuBackendLike {
  runWebGPUProgram(
    program: FlatProgram,
    inputs: tf.TensorInfo[],
    dtype: tf.DataType,
    uniforms?: ProgramUniform[],
  ): tf.TensorInfo;
}

let enabled = true;

/** False inside withoutFused: the composed tfjs path runs even on WebGPU. */
export function fusedEnabled(): boolean {
  return enabled;
}

/** Runs fn with the fused programs switched off (to measure the composed path on WebGPU). */
export async function withoutFused<T>(fn: () => Promise<T> | T): Promise<T> {
  const before = enabled;
  enabled = false;
  try {
    return await fn();
  } finally {
    enabled = before;
  }
}

/** True when the active tfjs backend is tfjs-backend-webgpu. */
export function onWebGpu(): boolean {
  return tf.getBackend() === 'webgpu';
}

/**
 * A flat program: `threads` invocations in workgroups of `workgroup` (one workgroup when
 * threads ≤ workgroup). The user code is built once; its sizes are baked into the source,
 * so `key` must name everything the source depends on.
 */
export function flatProgram(
  key: string,
  inputs: string[],
  outputShape: number[],
  threads: number,
  code: string,
  options: { workgroup?: number; uniforms?: string } = {},
): FlatProgram {
  const size = options.workgroup ?? 64;
  return {
    shaderKey: `flowlab_${key}`,
    variableNames: inputs,
    outputShape,
    dispatchLayout: { x: outputShape.map((_, i) => i) },
    dispatch: [Math.ceil(threads / size), 1, 1],
    workgroupSize: [size, 1, 1],
    uniforms: options.uniforms,
    getUserCode: () => code,
  };
}

/** Runs a program on the active WebGPU backend; the result is a new float32 tensor. */
export function runProgram(program: FlatProgram, inputs: tf.Tensor[], floatUniforms: number[] = []): tf.Tensor {
  const backend = tf.backend() as unknown as WebGpuBackendLike;
  // runWebGPUProgram sets program.dispatch/pipeline: hand it a fresh copy every time.
  const copy: FlatProgram = { ...program, dispatch: [...program.dispatch] };
  const uniforms = floatUniforms.map((v) => ({ type: 'float32' as const, data: [v] }));
  const info = backend.runWebGPUProgram(copy, inputs, 'float32', uniforms);
  return tf.engine().makeTensorFromTensorInfo(info);
}

/**
 * Counts the GPU dispatches (program runs) of `fn` on the WebGPU backend by wrapping
 * runWebGPUProgram: every tfjs WebGPU kernel and every fused program goes through it, and
 * each run records exactly one dispatch.
 */
export function countDispatches<T>(fn: () => T): { result: T; dispatches: number } {
  const backend = tf.backend() as unknown as WebGpuBackendLike;
  const original = backend.runWebGPUProgram;
  let dispatches = 0;
  backend.runWebGPUProgram = function (this: WebGpuBackendLike, ...args) {
    dispatches++;
    return original.apply(this, args);
  };
  try {
    return { result: fn(), dispatches };
  } finally {
    backend.runWebGPUProgram = original;
  }
}
