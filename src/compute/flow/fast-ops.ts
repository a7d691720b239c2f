/**
 * The one dispatch point for the WASM fast path of the training hot path (fused-parallel.ts,
 * gated-adam.ts). Each function returns what its plain tfjs composition returns, to float32
 * rounding; which implementation runs depends only on the active backend:
 *   wasm: JavaScript kernels on the WASM heap (wasm-kernels.ts, wasm-adam.ts), one launch each;
 *         the fused chain itself then runs fused-parallel-wasm.ts, not the functions below
 *   else: the plain tfjs ops written out below
 * `useFastKernels(false)` forces the plain path everywhere (tests compare the two).
 */
import { tf } from '../tf';
import { CONCAT_COLUMNS, registerWasmKernels, SPLIT_COLUMNS, TRANSPOSE_2D } from './wasm-kernels';
import { ADAM_STEP, type AdamStepAttrs } from './wasm-adam';

registerWasmKernels();
// Column concatenation and split are each other's gradient (both are used where a gradient is recorded).
for (const [kernelName, gradFunc] of [
  [CONCAT_COLUMNS, (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
    const [a, b] = splitColumns(dy as tf.Tensor2D, saved[0]!.shape[1]!);
    return { a: () => a, b: () => b };
  }],
  [SPLIT_COLUMNS, (dy: tf.Tensor | tf.Tensor[]) => {
    const [l, r] = dy as tf.Tensor2D[];
    return { x: () => concatColumns(l!, r!) };
  }],
] as const) {
  if (!tf.getGradient(kernelName)) tf.registerGradient({ kernelName, inputsToSave: kernelName === CONCAT_COLUMNS ? ['a'] : [], gradFunc });
}

let enabled = true;

/** Turns the JavaScript kernels on or off (default on); for tests and benchmarks. */
export function useFastKernels(on: boolean): void {
  enabled = on;
}

/** True when the JavaScript kernels run (the WASM backend is active and they are enabled). */
export function fastKernelsActive(): boolean {
  return enabled && tf.getBackend() === 'wasm';
}

const run = <T>(name: string, inputs: tf.NamedTensorMap, attrs: object = {}) =>
  tf.engine().runKernel(name, inputs, attrs as tf.NamedAttrMap) as unknown as T;

/** xᵀ for a float32 matrix [r, c] → [c, r]. */
export function transpose2d(x: tf.Tensor2D): tf.Tensor2D {
  return fastKernelsActive() && x.dtype === 'float32' ? run<tf.Tensor2D>(TRANSPOSE_2D, { x }) : tf.transpose(x);
}

/**
 * Σ over rows, [n, c] → [c], as the product 1ᵀ·x [1, n]·[n, c]: a matrix product is one of the
 * fastest kernels of every backend, while a sum over axis 0 is slow on WASM (it transposes
 * first: ≈ 0.25 ms CPU for [512, 64] against ≈ 0.01 ms for the product, measured in Node).
 */
export function columnSums(x: tf.Tensor2D): tf.Tensor1D {
  return tf.reshape(tf.matMul(tf.ones([1, x.shape[0]]), x), [x.shape[1]]);
}

/**
 * xᵀ·y [k, m] for x [n, k], y [n, m], without a transposed-operand matMul (slow on WASM; see
 * matmul.ts): the narrower of the two is transposed, since (yᵀ·x)ᵀ = xᵀ·y and transposing the
 * [k, m] result is cheap when n ≫ k, m.
 */
export const tMatMul = (x: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor2D =>
  y.shape[1] < x.shape[1] ? transpose2d(tf.matMul(transpose2d(y), x)) : tf.matMul(transpose2d(x), y);
/** x·yᵀ likewise. */
export const matMulT = (x: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor2D => tf.matMul(x, transpose2d(y));

/**
 * act(a·b + bias) for a [n, k], b [k, m], bias [m], act relu or identity, as tfjs's fused
 * kernel. Called directly: tf.fused.matMul unfuses relu while a gradient is being recorded
 * (three kernels), though this product's gradient is hand-written (fused-parallel.ts).
 */
export function denseForward(a: tf.Tensor2D, b: tf.Tensor2D, bias: tf.Tensor1D, relu: boolean): tf.Tensor2D {
  const [n, k] = a.shape;
  const m = b.shape[1];
  const attrs = { transposeA: false, transposeB: false, activation: relu ? 'relu' : 'linear', leakyreluAlpha: 0 };
  const inputs = { a: tf.reshape(a, [1, n, k]), b: tf.reshape(b, [1, k, m]), bias };
  return tf.reshape(run<tf.Tensor>(tf._FusedMatMul, inputs, attrs), [n, m]);
}

/** [a, b] along columns: [n, p], [n, q] → [n, p + q]. */
export function concatColumns(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return fastKernelsActive() ? run<tf.Tensor2D>(CONCAT_COLUMNS, { a, b }) : tf.concat([a, b], 1);
}

/** The first `left` columns of x and the rest. */
export function splitColumns(x: tf.Tensor2D, left: number): [tf.Tensor2D, tf.Tensor2D] {
  if (fastKernelsActive()) return run<[tf.Tensor2D, tf.Tensor2D]>(SPLIT_COLUMNS, { x }, { left });
  return tf.split(x, [left, x.shape[1] - left], 1) as [tf.Tensor2D, tf.Tensor2D];
}

export interface AffineHead {
  /** (v − μ)·e^{−α}, [n, D]. */
  w: tf.Tensor2D;
  /** tanh(raw / B), [n, D]. */
  t: tf.Tensor2D;
  /** e^{−α}, [n, D]. */
  expNegAlpha: tf.Tensor2D;
  /** Σ_i α_i, [n, 1]. */
  alphaSum: tf.Tensor2D;
}

/** The affine update of one layer from the MADE output o = [μ, raw] [n, 2D] and its input v [n, D]. */
export function affineHead(o: tf.Tensor2D, v: tf.Tensor2D, alphaBound: number): AffineHead {
  const D = v.shape[1];
  const [mu, raw] = tf.split(o, [D, D], 1) as [tf.Tensor2D, tf.Tensor2D];
  const t = tf.tanh(tf.div(raw, alphaBound)) as tf.Tensor2D;
  const alpha = tf.mul(t, alphaBound) as tf.Tensor2D;
  const expNegAlpha = tf.exp(tf.neg(alpha)) as tf.Tensor2D;
  const w = tf.mul(tf.sub(v, mu), expNegAlpha) as tf.Tensor2D;
  return { w, t, expNegAlpha, alphaSum: tf.sum(alpha, 1, true) as tf.Tensor2D };
}

/**
 * The head's backward: g_w·e^{−α} [n, D] (the direct part of g_v) and g_o [n, 2D], with
 *   g_μ = −g_w·e^{−α},  g_raw = (−g_w·w − g_ℓ)(1 − t²)   (g_ℓ [n, 1]).
 */
export function affineHeadGrad(gw: tf.Tensor2D, gl: tf.Tensor2D, head: Omit<AffineHead, 'alphaSum'>): { gwE: tf.Tensor2D; gO: tf.Tensor2D } {
  const { t, expNegAlpha: e, w } = head;
  const gwE = tf.mul(gw, e) as tf.Tensor2D;
  const gAlpha = tf.sub(tf.neg(tf.mul(gw, w)), gl);
  const gRaw = tf.mul(gAlpha, tf.sub(1, tf.square(t)));
  return { gwE, gO: tf.concat([tf.neg(gwE), gRaw], 1) as tf.Tensor2D };
}

export interface AdamState {
  m: tf.Tensor1D;
  v: tf.Tensor1D;
  t: tf.Tensor;
  skipped: tf.Tensor;
}

/**
 * GatedAdam's whole step as one kernel (wasm-adam.ts) when the fast path is active: the new
 * state and the new parameters (in the order given), or null where the caller composes tfjs ops.
 */
export function fusedAdamStep(
  loss: tf.Scalar,
  grads: tf.Tensor[],
  params: tf.Tensor[],
  state: AdamState,
  attrs: Omit<AdamStepAttrs, 'count'>,
): { state: AdamState; params: tf.Tensor[] } | null {
  if (!fastKernelsActive() || grads.some((g) => g.dtype !== 'float32')) return null;
  const inputs: tf.NamedTensorMap = { loss, ...state };
  grads.forEach((g, k) => (inputs[`g${k}`] = g));
  params.forEach((p, k) => (inputs[`p${k}`] = p));
  const [m, v, t, skipped, ...rest] = run<tf.Tensor[]>(ADAM_STEP, inputs, { ...attrs, count: grads.length });
  return { state: { m: m as tf.Tensor1D, v: v as tf.Tensor1D, t: t!, skipped: skipped! }, params: rest };
}
