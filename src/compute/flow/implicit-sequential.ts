/**
 * The sequential direction of a chain of affine layers, S = T_1⁻¹ ∘ … ∘ T_K⁻¹ (MAF sampling
 * z → x, IAF density x → z), as one differentiable op whose gradient never goes back through
 * the D passes per layer: the training hot path of an IAF fitted by maximum likelihood.
 *
 * Forward, per layer from T_K down, for its output w [n, D] (notation of fused-parallel.ts):
 *   v⁰ = 0;  pass p = 1…D: (μ, α) = MADE(v^{p−1});  v^p = v^{p−1} with column order[p−1]
 *   replaced by w·e^{α} + μ.  v = v^D,  log|det ∂v/∂w| = Σ_i α_i.
 * The last pass's MADE ran at an input that differs from v only in the last variable of the
 * order, which no hidden unit and no output reads (a MADE input of the highest degree has no
 * connection), so its activations, t and e^{−α} are those at v: the backward needs no extra pass.
 *
 * Backward, the implicit function theorem. Layer k satisfies T(v; θ) = w. With b = ∂L/∂v from
 * below (the base point's g_z at the bottom), g_ℓ the upstream gradient of Σ log|det|, and
 * G(g_w, g_ℓ) the parallel layer's hand-written backward at v (fused-parallel.ts), whose
 * input part is g_w ⊙ e^{−α} + G_in(g_w, g_ℓ) and whose parameter part is G_θ:
 *   λ = ∂L/∂w solves (∂T/∂v)ᵀ λ = b + G_in(0, −g_ℓ), i.e. λ ⊙ e^{−α} = b − G_in(λ, g_ℓ);
 *   G_in(·, ·) reaches variable i only from variables after it in the order (strictly
 *   triangular), so λ ← (b − G_in(λ, g_ℓ)) ⊙ e^{α}, from λ = 0, is exact after D rounds;
 *   ∂L/∂θ = G_θ(−λ, −g_ℓ)   (= g_ℓ ∂Σα/∂θ − λᵀ ∂T/∂θ);   λ is the next layer's b.
 * Cost per layer: D forward passes (no tape), D backward passes to the input, one backward
 * for the parameters; autodiff through the passes records every op of the D passes and runs
 * D full backward passes, parameters included.
 */
import { tf } from '../tf';
import { affineHeadGrad, denseForward, splitColumns, transpose2d } from './fast-ops';
import { layerBackward, type LayerSaved } from './fused-parallel';
import type { FusedLayerSpec } from './fused-layer-spec';

/** A layer as the sequential op sees it: its fused spec and, per order position, its column as a bool [1, D]. */
export interface SequentialLayerSpec extends FusedLayerSpec {
  /** columnAt[p]: true in the column of the p-th variable of the order, [1, D]. */
  columnAt: tf.Tensor2D[];
}

/** One layer's inverse v = T⁻¹(w) [n, D], Σα [n], and what the backward reads. */
function layerInverse(w: tf.Tensor2D, params: tf.Tensor[], spec: SequentialLayerSpec): { v: tf.Tensor2D; alphaSum: tf.Tensor1D; saved: LayerSaved } {
  const { dense, activation, alphaBound: B, columnAt } = spec;
  const L = dense.length - 1;
  const D = w.shape[1];
  const masked = dense.map((d, l) => tf.mul(params[2 * l]!, d.mask) as tf.Tensor2D);
  let v = tf.zerosLike(w) as tf.Tensor2D;
  let hidden: tf.Tensor2D[] = [];
  let t: tf.Tensor2D | null = null;
  let alpha: tf.Tensor2D | null = null;
  for (const column of columnAt) {
    hidden = [v];
    for (let l = 0; l < L; l++) {
      const pre = denseForward(hidden[l]!, masked[l]!, params[2 * l + 1] as tf.Tensor1D, activation === 'relu');
      hidden.push(activation === 'relu' ? pre : (tf.tanh(pre) as tf.Tensor2D));
    }
    const o = denseForward(hidden[L]!, masked[L]!, params[2 * L + 1] as tf.Tensor1D, false);
    const [mu, raw] = splitColumns(o, D);
    t = tf.tanh(tf.div(raw, B)) as tf.Tensor2D;
    alpha = tf.mul(t, B) as tf.Tensor2D;
    v = tf.where(column, tf.add(tf.mul(w, tf.exp(alpha)), mu), v) as tf.Tensor2D;
  }
  hidden[0] = v;
  const expNegAlpha = tf.exp(tf.neg(alpha!)) as tf.Tensor2D;
  return { v, alphaSum: tf.sum(alpha!, 1), saved: { hidden, masked, t: t!, expNegAlpha, w } };
}

/** What the D + 1 backward passes of a layer share: Ŵ_lᵀ and φ'(h_l) of the hidden layers. */
interface BackwardShared {
  maskedT: tf.Tensor2D[];
  slopes: tf.Tensor2D[];
}

/** G_in(g_w, g_ℓ): the parallel layer's backward to its input h_0, without the direct g_w ⊙ e^{−α} term. */
function inputGradThroughMade(gw: tf.Tensor2D, gl: tf.Tensor2D, s: LayerSaved, shared: BackwardShared): tf.Tensor2D {
  let g = affineHeadGrad(gw, gl, s).gO;
  for (let l = shared.maskedT.length - 1; ; l--) {
    const gIn = tf.matMul(g, shared.maskedT[l]!) as tf.Tensor2D;
    if (l === 0) return gIn;
    g = tf.mul(gIn, shared.slopes[l - 1]!) as tf.Tensor2D;
  }
}

/** λ = ∂L/∂w and [∂L/∂W_0, ∂L/∂b_0, …] of one layer from b = ∂L/∂v and g_ℓ [n, 1] (see above). */
function layerImplicitBackward(b: tf.Tensor2D, gl: tf.Tensor2D, s: LayerSaved, spec: SequentialLayerSpec): { lambda: tf.Tensor2D; grads: tf.Tensor[] } {
  const shared: BackwardShared = {
    maskedT: s.masked.map((m) => transpose2d(m)),
    slopes: s.hidden.slice(1).map((h) => (spec.activation === 'relu' ? tf.step(h) : tf.sub(1, tf.square(h))) as tf.Tensor2D),
  };
  const expAlpha = tf.reciprocal(s.expNegAlpha) as tf.Tensor2D;
  let lambda = tf.zerosLike(b) as tf.Tensor2D;
  for (let round = 0; round < spec.columnAt.length; round++) {
    lambda = tf.mul(tf.sub(b, inputGradThroughMade(lambda, gl, s, shared)), expAlpha) as tf.Tensor2D;
  }
  const [, ...grads] = layerBackward(tf.neg(lambda) as tf.Tensor2D, tf.neg(gl) as tf.Tensor2D, s, spec);
  return { lambda, grads };
}

/**
 * v = S(w) through `layersUp` = [T_1, …, T_K] (applied as T_K⁻¹ first), packed [n, D + 1]:
 * the base point in the first D columns, Σ log|det ∂S/∂w| in the last. Differentiable with
 * respect to w and every weight and bias (not the masks). Call inside tf.tidy.
 */
function implicitSequentialChain(w: tf.Tensor2D, layersUp: readonly SequentialLayerSpec[]): tf.Tensor2D {
  const counts = layersUp.map((s) => 2 * s.dense.length);
  const starts = counts.map((_, k) => 1 + counts.slice(0, k).reduce((a, c) => a + c, 0));
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const D = (args[0] as tf.Tensor2D).shape[1];
    const saves: LayerSaved[] = new Array(layersUp.length);
    let cur = args[0] as tf.Tensor2D;
    let logDet: tf.Tensor1D | null = null;
    for (let k = layersUp.length - 1; k >= 0; k--) {
      const r = layerInverse(cur, args.slice(starts[k], starts[k]! + counts[k]!) as tf.Tensor[], layersUp[k]!);
      saves[k] = r.saved;
      logDet = logDet ? (tf.add(logDet, r.alphaSum) as tf.Tensor1D) : r.alphaSum;
      cur = r.v;
    }
    save(saves.flatMap((s) => [...s.hidden, ...s.masked, s.t, s.expNegAlpha, s.w]));
    return {
      value: tf.concat([cur, tf.reshape(logDet!, [-1, 1])], 1) as tf.Tensor2D,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [gz, gl] = splitColumns(dy as tf.Tensor2D, D);
        let b = gz;
        let at = 0;
        const grads: tf.Tensor[][] = [];
        layersUp.forEach((spec, k) => {
          const n = spec.dense.length;
          const s = saved.slice(at, at + 2 * n + 3) as tf.Tensor2D[];
          at += 2 * n + 3;
          const layerSaved = { hidden: s.slice(0, n), masked: s.slice(n, 2 * n), t: s[2 * n]!, expNegAlpha: s[2 * n + 1]!, w: s[2 * n + 2]! };
          const r = layerImplicitBackward(b, gl, layerSaved, spec);
          grads[k] = r.grads;
          b = r.lambda;
        });
        return [b, ...grads.flat()];
      },
    };
  });
  return op(w, ...layersUp.flatMap((s) => s.dense.flatMap((d) => [d.w, d.b]))) as tf.Tensor2D;
}

/**
 * The sequential map's output [n, D] and log|det| [n]. With no gradient tape recording, the
 * forward alone (nothing is kept for a backward pass).
 */
export function implicitSequentialMap(w: tf.Tensor2D, layersUp: readonly SequentialLayerSpec[]): { out: tf.Tensor2D; logDet: tf.Tensor1D } {
  if (!tf.engine().isTapeOn()) {
    let cur = w;
    let logDet: tf.Tensor1D | null = null;
    for (let k = layersUp.length - 1; k >= 0; k--) {
      const spec = layersUp[k]!;
      const r = layerInverse(cur, spec.dense.flatMap((d) => [d.w, d.b]), spec);
      logDet = logDet ? (tf.add(logDet, r.alphaSum) as tf.Tensor1D) : r.alphaSum;
      cur = r.v;
    }
    return { out: cur, logDet: logDet ?? (tf.zeros([w.shape[0]]) as tf.Tensor1D) };
  }
  const packed = implicitSequentialChain(w, layersUp);
  const [out, logDet] = splitColumns(packed, w.shape[1]);
  return { out, logDet: tf.reshape(logDet, [-1]) as tf.Tensor1D };
}
