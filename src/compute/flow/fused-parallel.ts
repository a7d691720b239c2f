/**
 * One autoregressive layer's parallel direction as a single differentiable op with a
 * hand-written gradient, the training hot path of MAF (maximum likelihood) and IAF (reverse
 * KL). Autodiff through the composed ops launches about three kernels per forward op (gradient
 * bookkeeping: reshapes, casts, broadcasting sums); this op launches ≈ 16 forward and ≈ 35
 * backward kernels per layer, and its matrix products are all untransposed (tfjs-wasm runs a
 * transposed matMul about ten times slower; see matmul.ts).
 *
 * Forward, with masked weights Ŵ_l = W_l ⊙ M_l, activation φ (relu or tanh), bound B:
 *   h_0 = v [n, D];  h_l = φ(h_{l−1} Ŵ_l + b_l)  (l = 1..L, [n, H_l]);  o = h_L Ŵ_o + b_o  [n, 2D]
 *   μ = o[:, :D],  t = tanh(o[:, D:] / B),  α = B·t
 *   w = (v − μ) ⊙ e^{−α}  [n, D],   logDet = −Σ_i α_i  [n]
 * A chain of layers is one op (fusedParallelChain), returned as one tensor [n, D + 1]: the
 * output in the first D columns, the summed logDet in the last.
 *
 * Backward, given g_w [n, D] and g_ℓ [n] (the last column of the upstream gradient):
 *   g_μ = −g_w ⊙ e^{−α}
 *   g_α = −g_w ⊙ w − g_ℓ                              (∂w/∂α = −w, ∂logDet/∂α = −1)
 *   g_raw = g_α ⊙ (1 − t²)                            (d/dr B·tanh(r/B) = 1 − t²)
 *   g_o = [g_μ, g_raw];  then for each dense layer, from the top:
 *     g_Ŵ = h_inᵀ g_pre,  g_b = Σ_rows g_pre,  g_in = g_pre Ŵᵀ,  g_W = g_Ŵ ⊙ M
 *     g_pre(below) = g_in ⊙ φ'(h)   (relu: [h > 0]; tanh: 1 − h²)
 *   g_v = g_w ⊙ e^{−α} + g_in(h_0)                    (w depends on v directly and through μ, α)
 * On the WASM backend the chain runs fused-parallel-wasm.ts instead: the same arithmetic in
 * ≈ 6 + 11 kernels per layer (JavaScript kernels between XNNPACK's products).
 */
import { tf } from '../tf';
import { affineHead, affineHeadGrad, columnSums, concatColumns, denseForward, fastKernelsActive, matMulT, splitColumns, tMatMul } from './fast-ops';
import { fusedParallelChainWasm } from './fused-parallel-wasm';
import type { FusedLayerSpec } from './fused-layer-spec';

/** What one layer's forward keeps for its backward (the sequential op, implicit-sequential.ts, keeps the same). */
export interface LayerSaved {
  /** h_0 = v, h_1 … h_L. */
  hidden: tf.Tensor2D[];
  masked: tf.Tensor2D[];
  t: tf.Tensor2D;
  expNegAlpha: tf.Tensor2D;
  w: tf.Tensor2D;
}

function layerForward(
  v: tf.Tensor2D,
  params: tf.Tensor[],
  spec: FusedLayerSpec,
): { w: tf.Tensor2D; alphaSum: tf.Tensor2D; saved: LayerSaved } {
  const { dense, activation, alphaBound: B } = spec;
  const L = dense.length - 1;
  const masked = dense.map((d, l) => tf.mul(params[2 * l], d.mask) as tf.Tensor2D);
  const hidden: tf.Tensor2D[] = [v];
  for (let l = 0; l < L; l++) {
    // tfjs fuses relu into the product on every backend, tanh on none: apply it after.
    const pre = denseForward(hidden[l], masked[l], params[2 * l + 1] as tf.Tensor1D, activation === 'relu');
    hidden.push(activation === 'relu' ? pre : (tf.tanh(pre) as tf.Tensor2D));
  }
  const o = denseForward(hidden[L], masked[L], params[2 * L + 1] as tf.Tensor1D, false);
  const { w, t, expNegAlpha, alphaSum } = affineHead(o, v, B);
  return { w, alphaSum, saved: { hidden, masked, t, expNegAlpha, w } };
}

/** Gradients of one layer: [g_v, g_W1, g_b1, …] from g_w [n, D] and g_ℓ [n, 1] (see above). */
export function layerBackward(gw: tf.Tensor2D, gl: tf.Tensor2D, saved: LayerSaved, spec: FusedLayerSpec): tf.Tensor[] {
  const { dense, activation } = spec;
  const L = dense.length - 1;
  const { hidden: hs, masked: ws } = saved;
  const { gwE, gO } = affineHeadGrad(gw, gl, saved);
  let gPre = gO;
  const grads: tf.Tensor[] = new Array(2 * dense.length);
  let gIn: tf.Tensor2D = gPre;
  for (let l = L; l >= 0; l--) {
    grads[2 * l] = tf.mul(tMatMul(hs[l], gPre), dense[l].mask);
    grads[2 * l + 1] = columnSums(gPre);
    gIn = matMulT(gPre, ws[l]) as tf.Tensor2D;
    if (l > 0) {
      const h = hs[l];
      const slope = activation === 'relu' ? tf.step(h) : tf.sub(1, tf.square(h));
      gPre = tf.mul(gIn, slope) as tf.Tensor2D;
    }
  }
  return [tf.add(gwE, gIn), ...grads];
}

/**
 * The parallel maps of a chain of layers, v → T_K(…T_1(v)), with the summed log-determinant,
 * packed as [n, D + 1]: the output in the first D columns, Σ_k logDet_k in the last. One op
 * for the whole chain (its gradient runs the layers' backward passes in reverse, each getting
 * the same g_ℓ, since every layer's log-determinant enters the sum once). Call inside tf.tidy;
 * differentiable with respect to v and every w and b (not the masks).
 */
function fusedParallelChain(v: tf.Tensor2D, specs: readonly FusedLayerSpec[]): tf.Tensor2D {
  // On WASM: the same op with JavaScript kernels between the products (fused-parallel-wasm.ts).
  if (fastKernelsActive() && v.dtype === 'float32') return fusedParallelChainWasm(v, specs);
  const counts = specs.map((s) => 2 * s.dense.length);
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const input = args[0] as tf.Tensor2D;
    const D = input.shape[1];
    const layerSaves: LayerSaved[] = [];
    let cur = input;
    let alphaTotal: tf.Tensor2D | null = null;
    let offset = 1;
    specs.forEach((spec, k) => {
      const r = layerForward(cur, args.slice(offset, offset + counts[k]) as tf.Tensor[], spec);
      offset += counts[k];
      layerSaves.push(r.saved);
      alphaTotal = alphaTotal ? (tf.add(alphaTotal, r.alphaSum) as tf.Tensor2D) : r.alphaSum;
      cur = r.w;
    });
    // Everything the backward reads, flattened for `save` (which keeps the tensors alive).
    save(layerSaves.flatMap((ls) => [...ls.hidden, ...ls.masked, ls.t, ls.expNegAlpha, ls.w]));
    return {
      value: concatColumns(cur, tf.neg(alphaTotal!) as tf.Tensor2D),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        // Unflatten the saved tensors per layer (the same order as saved above).
        let at = 0;
        const perLayer = specs.map((spec) => {
          const n = spec.dense.length;
          const hidden = saved.slice(at, at + n) as tf.Tensor2D[];
          const masked = saved.slice(at + n, at + 2 * n) as tf.Tensor2D[];
          const [t, expNegAlpha, w] = saved.slice(at + 2 * n, at + 2 * n + 3) as tf.Tensor2D[];
          at += 2 * n + 3;
          return { hidden, masked, t, expNegAlpha, w };
        });
        const [gOut, gl] = splitColumns(dy as tf.Tensor2D, D);
        let gw = gOut;
        const paramGrads: tf.Tensor[][] = new Array(specs.length);
        for (let k = specs.length - 1; k >= 0; k--) {
          const [gv, ...rest] = layerBackward(gw, gl, perLayer[k], specs[k]);
          paramGrads[k] = rest;
          gw = gv as tf.Tensor2D;
        }
        return [gw, ...paramGrads.flat()];
      },
    };
  });
  return op(v, ...specs.flatMap((s) => s.dense.flatMap((d) => [d.w, d.b]))) as tf.Tensor2D;
}

/** The chain's output [n, D] and summed log|det| [n], unpacked from fusedParallelChain. */
export function fusedParallelMap(
  v: tf.Tensor2D,
  specs: readonly FusedLayerSpec[],
): { out: tf.Tensor2D; logDet: tf.Tensor1D } {
  const packed = fusedParallelChain(v, specs);
  const [out, logDet] = splitColumns(packed, v.shape[1]);
  return { out, logDet: tf.reshape(logDet, [-1]) as tf.Tensor1D };
}
