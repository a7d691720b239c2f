/**
 * The fused parallel chain (fused-parallel.ts) on the WASM backend: the same forward and
 * hand-written backward, with every step that is not a matrix product done by one JavaScript
 * kernel on the WASM heap (wasm-chain-kernels.ts), and the products by XNNPACK. Per layer of
 * L + 1 dense layers (default L = 2: 3 dense):
 *   forward   1 mask kernel (Ŵ_l and Ŵ_lᵀ of all dense layers), L + 1 fused products
 *             act(h Ŵ + b), 1 head kernel (w, t, e^{−α}, running Σα)                 = L + 3
 *   backward  1 head kernel (g_o, g_oᵀ, Σ_rows g_o), per dense layer from the top
 *               ∂L/∂Ŵ_lᵀ = g_preᵀ h_l  and  g_in = g_pre Ŵ_lᵀ   (two untransposed products)
 *               and below the top one act kernel (g_pre = g_in ⊙ φ'(h), g_preᵀ, Σ_rows g_pre);
 *             1 kernel transposing and masking every ∂L/∂Ŵ_l                          = 3L + 5
 * against ≈ 16 + 35 kernels per layer of the composed ops. Matrices fed to a product are
 * shaped [1, r, c] (tfjs-wasm's _FusedMatMul needs rank 3), so no reshape kernels run.
 */
import { tf } from '../tf';
import type { FusedLayerSpec } from './fused-layer-spec';
import { ACT_BACKWARD, ADD_INPUT_GRAD, HEAD_BACKWARD, HEAD_FORWARD, MASK_WEIGHTS, PACK_CHAIN, registerChainKernels, WEIGHT_GRADS } from './wasm-chain-kernels';
import { TRANSPOSE_2D } from './wasm-kernels';

registerChainKernels();

const run = <T>(name: string, inputs: tf.NamedTensorMap, attrs: object = {}) =>
  tf.engine().runKernel(name, inputs, attrs as tf.NamedAttrMap) as unknown as T;

/** a·b for [1, n, k]·[1, k, m] (or 2-d), untransposed: XNNPACK's fast path. */
const product = (a: tf.Tensor, b: tf.Tensor) => run<tf.Tensor>(tf.BatchMatMul, { a, b }, { transposeA: false, transposeB: false });

/** What one layer's forward keeps for its backward (in this order, flattened for `save`). */
interface LayerSaved {
  /** h_0 = v, h_1 … h_L, [1, n, ·]. */
  hidden: tf.Tensor[];
  /** Ŵ_lᵀ, [1, m, k]. */
  maskedT: tf.Tensor[];
  t: tf.Tensor;
  expNegAlpha: tf.Tensor;
  w: tf.Tensor;
}

const savedCount = (spec: FusedLayerSpec) => 2 * spec.dense.length + 3;
const flatten = (s: LayerSaved) => [...s.hidden, ...s.maskedT, s.t, s.expNegAlpha, s.w];
function unflatten(saved: tf.Tensor[], spec: FusedLayerSpec): LayerSaved {
  const n = spec.dense.length;
  return { hidden: saved.slice(0, n), maskedT: saved.slice(n, 2 * n), t: saved[2 * n]!, expNegAlpha: saved[2 * n + 1]!, w: saved[2 * n + 2]! };
}

function layerForward(v: tf.Tensor, params: tf.Tensor[], spec: FusedLayerSpec, acc: tf.Tensor | null): { w: tf.Tensor; acc: tf.Tensor; saved: LayerSaved } {
  const { dense, activation, alphaBound } = spec;
  const K = dense.length;
  const maskInputs: tf.NamedTensorMap = {};
  dense.forEach((d, l) => {
    maskInputs[`w${l}`] = params[2 * l]!;
    maskInputs[`m${l}`] = d.mask;
  });
  const maskedAll = run<tf.Tensor[]>(MASK_WEIGHTS, maskInputs, { count: K });
  const hidden: tf.Tensor[] = [v];
  let h = v;
  for (let l = 0; l < K; l++) {
    const relu = activation === 'relu' && l < K - 1;
    const attrs = { transposeA: false, transposeB: false, activation: relu ? 'relu' : 'linear', leakyreluAlpha: 0 };
    h = run<tf.Tensor>(tf._FusedMatMul, { a: h, b: maskedAll[l]!, bias: params[2 * l + 1]! }, attrs);
    if (l < K - 1) {
      if (activation === 'tanh') h = tf.tanh(h);
      hidden.push(h);
    }
  }
  maskedAll.slice(0, K).forEach((m) => m.dispose());
  const [w, t, expNegAlpha, total] = run<tf.Tensor[]>(HEAD_FORWARD, acc ? { o: h, v, acc } : { o: h, v }, { alphaBound });
  h.dispose();
  return { w: w!, acc: total!, saved: { hidden, maskedT: maskedAll.slice(K), t: t!, expNegAlpha: expNegAlpha!, w: w! } };
}

/**
 * Gradients of one layer: g_w·e^{−α} and g_in(h_0) (their sum is ∂L/∂v; the layer below adds
 * them in its head kernel), then [∂L/∂W_0, ∂L/∂b_0, …]. `above` is that pair from the layer
 * above, null for the chain's last layer (whose g_w is dy's first D columns).
 */
function layerBackward(dy: tf.Tensor, above: [tf.Tensor, tf.Tensor] | null, s: LayerSaved, spec: FusedLayerSpec): { gwE: tf.Tensor; gIn: tf.Tensor; grads: tf.Tensor[] } {
  const K = spec.dense.length;
  const head = { dy, t: s.t, e: s.expNegAlpha, w: s.w };
  const [gwE, gO, gbO] = run<tf.Tensor[]>(HEAD_BACKWARD, above ? { ...head, gwE: above[0], gIn: above[1] } : head);
  const grads: tf.Tensor[] = new Array(2 * K);
  const weightGrads: tf.NamedTensorMap = {};
  const direct: boolean[] = [];
  grads[2 * K - 1] = gbO!;
  // The output layer's ∂L/∂Ŵ = h_Lᵀ g_o: the packed operand (XNNPACK repacks b on every call,
  // at a cost ∝ its size) is the narrow g_o [n, 2D], not h_L [n, H].
  const hTop = s.hidden[K - 1]!;
  const hTopT = run<tf.Tensor>(TRANSPOSE_2D, { x: tf.reshape(hTop, hTop.shape.slice(-2)) });
  weightGrads[`g${K - 1}`] = product(hTopT, gO!);
  direct[K - 1] = true;
  let gIn = product(gO!, s.maskedT[K - 1]!);
  for (let l = K - 2; l >= 0; l--) {
    // g_pre = g_in ⊙ φ'(h_{l+1}), with g_preᵀ and Σ_rows g_pre (= ∂L/∂b_l) from the same pass.
    const [gPre, gPreT, gb] = run<tf.Tensor[]>(ACT_BACKWARD, { gIn, h: s.hidden[l + 1]! }, { activation: spec.activation });
    grads[2 * l + 1] = gb!;
    // (∂L/∂Ŵ_l)ᵀ = g_preᵀ h_l: the packed operand is h_l [n, k] (k = D for the first layer).
    weightGrads[`g${l}`] = product(gPreT!, s.hidden[l]!);
    direct[l] = false;
    gIn = product(gPre!, s.maskedT[l]!);
  }
  spec.dense.forEach((d, l) => (weightGrads[`m${l}`] = d.mask));
  run<tf.Tensor[]>(WEIGHT_GRADS, weightGrads, { count: K, direct }).forEach((g, l) => (grads[2 * l] = g));
  return { gwE: gwE!, gIn, grads };
}

/**
 * The chain v → T_K(…T_1(v)) packed as [n, D + 1] (output, then Σ_k logDet_k), differentiable
 * with respect to v and every w and b: fused-parallel.ts's contract, on the WASM kernels.
 */
export function fusedParallelChainWasm(v: tf.Tensor2D, specs: readonly FusedLayerSpec[]): tf.Tensor2D {
  const counts = specs.map((s) => 2 * s.dense.length);
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const input = args[0] as tf.Tensor2D;
    const [n, D] = input.shape;
    const saves: LayerSaved[] = [];
    let cur: tf.Tensor = tf.reshape(input, [1, n, D]);
    let acc: tf.Tensor | null = null;
    let offset = 1;
    specs.forEach((spec, k) => {
      const r = layerForward(cur, args.slice(offset, offset + counts[k]!) as tf.Tensor[], spec, acc);
      offset += counts[k]!;
      saves.push(r.saved);
      acc = r.acc;
      cur = r.w;
    });
    save(saves.flatMap(flatten));
    return {
      value: run<tf.Tensor2D>(PACK_CHAIN, { w: cur, acc: acc! }),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        let at = 0;
        const perLayer = specs.map((spec) => {
          const s = unflatten(saved.slice(at, at + savedCount(spec)), spec);
          at += savedCount(spec);
          return s;
        });
        const paramGrads: tf.Tensor[][] = new Array(specs.length);
        let above: [tf.Tensor, tf.Tensor] | null = null;
        for (let k = specs.length - 1; k >= 0; k--) {
          const r = layerBackward(dy, above, perLayer[k]!, specs[k]!);
          paramGrads[k] = r.grads;
          above = [r.gwE, r.gIn];
        }
        return [run<tf.Tensor>(ADD_INPUT_GRAD, { gwE: above![0], gIn: above![1] }), ...paramGrads.flat()];
      },
    };
  });
  return op(v, ...specs.flatMap((s) => s.dense.flatMap((d) => [d.w, d.b]))) as tf.Tensor2D;
}
