/**
 * Float64 reference of the IAF maximum-likelihood gradient by the implicit function theorem
 * (the math of the fused WebGPU IAF step, compute/webgpu/wgsl-rows-iaf.ts), affine layers only.
 *
 * IAF: x = T_K ∘ … ∘ T_1(z), so the density inverts T_K first: u_K = x, u_{k−1} = T_k⁻¹(u_k),
 * z = u_0, and   log p(x) = log N(z) + Σ_k A_k(u_{k−1}),   A_k(v) = Σ_i α_i^k(v)   (config.ts).
 * Loss L = −(1/N) Σ_n log p(x_n). Each T_k⁻¹ is D sequential passes, but its result v is the
 * fixed point of T_k(v; θ_k) = w, so no tape through the passes is needed. With
 *   ℓ(v) = (the loss below layer k, as a function of its input v) − (1/N)·A_k(v)
 * and J = ∂T_k/∂v (lower triangular in the layer's order, diagonal e = e^{−α}):
 *   ∂L/∂w = λ   with Jᵀλ = ∂ℓ/∂v,
 *   ∂L/∂θ_k = −λᵀ ∂T_k/∂θ_k − (1/N) ∂A_k/∂θ_k.
 * Both are the MAF's per-layer backward (layerBackward below: the gradient of
 * g_w·T(v) + g_ℓ·(−A(v)) with respect to v and θ) at the fixed point:
 *   λ solves  e⊙λ + B(λ, −1/N) = c,  c = ∂L/∂(layer k's input) from below (z/N at layer 1),
 *             where B(g_w, g_ℓ) is the backward to v without its diagonal term g_w⊙e; B is
 *             strictly triangular in λ, so λ ← (c − B(λ, −1/N))/e from λ = 0 is exact after D
 *             iterations;
 *   ∂L/∂θ_k = the backward's parameter gradient with g_w = −λ, g_ℓ = +1/N;
 * and λ is c for the layer above. At the top, λ = ∂L/∂x.
 *
 * θ is one flat vector in the order of TfFlow.variables() (compute/webgpu/layout.ts): per
 * layer, per dense layer (hidden ones, then the output [h_L, 2D] = [μ | a]), W row-major then b.
 */
import type { FlowWeights } from './config';
import { madeMasks } from './made';
import { standardNormalLogPdf } from './reference';

interface Dense64 {
  din: number;
  dout: number;
  mask: Float32Array;
  wOff: number;
  bOff: number;
}

/** The structure of the chain: per layer, its dense layers' masks and offsets in θ. */
export interface IafModel {
  dim: number;
  activation: 'relu' | 'tanh';
  alphaBound: number;
  layers: Dense64[][];
  paramCount: number;
}

export function iafModel(weights: FlowWeights): IafModel {
  const c = weights.config;
  if ((c.transform ?? 'affine') !== 'affine') throw new Error('the implicit IAF gradient is for affine layers');
  let p = 0;
  const layers = weights.layers.map((layer) => {
    const m = madeMasks(layer.structure, 2);
    const masks = [...m.hidden, m.output];
    return [...layer.hidden, layer.output].map((d, l) => {
      const slot = { din: d.inDim, dout: d.outDim, mask: masks[l], wOff: p, bOff: p + d.inDim * d.outDim };
      p += d.inDim * d.outDim + d.outDim;
      return slot;
    });
  });
  return { dim: c.dim, activation: c.activation, alphaBound: c.alphaBound, layers, paramCount: p };
}

/** θ of the weights, in float64. */
export function flatParameters(weights: FlowWeights): Float64Array {
  return Float64Array.from(weights.layers.flatMap((l) => [...l.hidden, l.output].flatMap((d) => [...d.w, ...d.b])));
}

/** One MADE pass: the activations act_0 = v, act_1..act_L and the raw outputs [μ | a]. */
function madeForward(model: IafModel, k: number, theta: Float64Array, v: ArrayLike<number>): Float64Array[] {
  const acts = [Float64Array.from(v)];
  const slots = model.layers[k];
  slots.forEach((s, l) => {
    const x = acts[l];
    const y = Float64Array.from(theta.subarray(s.bOff, s.bOff + s.dout));
    for (let i = 0; i < s.din; i++)
      for (let j = 0; j < s.dout; j++) y[j] += x[i] * theta[s.wOff + i * s.dout + j] * s.mask[i * s.dout + j];
    if (l < slots.length - 1) for (let j = 0; j < s.dout; j++) y[j] = model.activation === 'relu' ? Math.max(0, y[j]) : Math.tanh(y[j]);
    acts.push(y);
  });
  return acts;
}

/** t = tanh(a/B) and e = e^{−α} = e^{−B·t} of every variable, from the raw outputs. */
function scales(model: IafModel, raw: Float64Array): { t: Float64Array; e: Float64Array } {
  const D = model.dim;
  const B = model.alphaBound;
  const t = Float64Array.from({ length: D }, (_, i) => Math.tanh(raw[D + i] / B));
  return { t, e: t.map((ti) => Math.exp(-B * ti)) };
}

/**
 * The MAF row pass's backward of layer k at v (acts = madeForward(v), w = T(v)): the gradient of
 * g_w·T(v) + g_ℓ·(−A(v)) with respect to v (returned) and to θ (added to `grad` when given).
 */
function layerBackward(
  model: IafModel,
  k: number,
  theta: Float64Array,
  acts: Float64Array[],
  w: ArrayLike<number>,
  gw: ArrayLike<number>,
  gl: number,
  grad: Float64Array | null,
): Float64Array {
  const D = model.dim;
  const slots = model.layers[k];
  const { t, e } = scales(model, acts[acts.length - 1]);
  let gpre = new Float64Array(2 * D);
  for (let i = 0; i < D; i++) {
    gpre[i] = -gw[i] * e[i];
    gpre[D + i] = (-gw[i] * w[i] - gl) * (1 - t[i] * t[i]);
  }
  for (let l = slots.length - 1; l >= 0; l--) {
    const s = slots[l];
    const x = acts[l];
    const gin = new Float64Array(s.din);
    for (let i = 0; i < s.din; i++) {
      for (let j = 0; j < s.dout; j++) {
        const m = s.mask[i * s.dout + j];
        gin[i] += gpre[j] * theta[s.wOff + i * s.dout + j] * m;
        if (grad) grad[s.wOff + i * s.dout + j] += m * x[i] * gpre[j];
      }
    }
    if (grad) for (let j = 0; j < s.dout; j++) grad[s.bOff + j] += gpre[j];
    if (l > 0) gpre = gin.map((g, i) => g * (model.activation === 'relu' ? (x[i] > 0 ? 1 : 0) : 1 - x[i] * x[i]));
    else gpre = gin;
  }
  return gpre.map((g, i) => g + gw[i] * e[i]);
}

/** T_k⁻¹(w): v_i = w_i·e^{α_i(v)} + μ_i(v) for all i at once, D times from v = 0 (exact: autoregressive). */
function layerInverse(model: IafModel, k: number, theta: Float64Array, w: ArrayLike<number>): Float64Array {
  const D = model.dim;
  let v = new Float64Array(D);
  for (let it = 0; it < D; it++) {
    const raw = madeForward(model, k, theta, v).at(-1)!;
    const { e } = scales(model, raw);
    v = Float64Array.from({ length: D }, (_, i) => w[i] / e[i] + raw[i]);
  }
  return v;
}

/** The IAF density pass of one point: every layer's input v_k (k = 0: z) and log p(x). */
function densityPass(model: IafModel, theta: Float64Array, x: ArrayLike<number>): { inputs: Float64Array[]; logProb: number } {
  const K = model.layers.length;
  const inputs = new Array<Float64Array>(K);
  let cur: Float64Array = Float64Array.from(x);
  let sumAlpha = 0;
  for (let k = K - 1; k >= 0; k--) {
    inputs[k] = layerInverse(model, k, theta, cur);
    const { e } = scales(model, madeForward(model, k, theta, inputs[k]).at(-1)!);
    e.forEach((ei) => (sumAlpha -= Math.log(ei)));
    cur = inputs[k];
  }
  return { inputs, logProb: standardNormalLogPdf(cur) + sumAlpha };
}

/** log p(x) of the IAF with parameters θ (the function whose gradient is below). */
export function iafLogProb(model: IafModel, theta: Float64Array, x: ArrayLike<number>): number {
  return densityPass(model, theta, x).logProb;
}

export interface IafGradient {
  /** L = −(1/N) Σ log p(x_n). */
  loss: number;
  /** ∂L/∂θ [P]. */
  grad: Float64Array;
  /** ∂L/∂x_n [D] per point. */
  gradX: Float64Array[];
}

/** L and its gradients by the implicit function theorem: no differentiation through the D passes. */
export function iafMaxLikelihoodGradient(model: IafModel, theta: Float64Array, xs: readonly ArrayLike<number>[]): IafGradient {
  const N = xs.length;
  const D = model.dim;
  const grad = new Float64Array(model.paramCount);
  let loss = 0;
  const gradX = xs.map((x) => {
    const { inputs, logProb } = densityPass(model, theta, x);
    loss -= logProb / N;
    let c: Float64Array = inputs[0].map((zi) => zi / N); // ∂L/∂z
    inputs.forEach((v, k) => {
      const w = k + 1 < inputs.length ? inputs[k + 1] : x;
      const acts = madeForward(model, k, theta, v);
      const { e } = scales(model, acts[acts.length - 1]);
      let lambda = new Float64Array(D);
      for (let it = 0; it < D; it++) {
        const gv = layerBackward(model, k, theta, acts, w, lambda, -1 / N, null); // e⊙λ + B(λ, −1/N)
        lambda = lambda.map((li, i) => li + (c[i] - gv[i]) / e[i]);
      }
      layerBackward(
        model,
        k,
        theta,
        acts,
        w,
        lambda.map((li) => -li),
        1 / N,
        grad,
      );
      c = lambda;
    });
    return c;
  });
  return { loss, grad, gradX };
}
