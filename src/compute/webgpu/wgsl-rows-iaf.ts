/**
 * WGSL of the fused IAF row pass (maximum likelihood): one thread per batch point runs the
 * IAF density x → z (the sequential direction) and the gradient of L = −(1/N) Σ_n log p(x_n)
 * by the implicit function theorem, with no tape through the D passes of each inverse; the math
 * and its float64 reference are core/flow/iaf-gradient.ts. It writes the workspace row in the
 * MAF row pass's layout (layout.ts), so the parameter pass and Adam (wgsl-params.ts) run
 * unchanged: per layer k (input v = u_k, output w = u_{k+1}; u_0 = z, u_K = x in zCol)
 * the activations at the fixed point and the gpre of its parameter backward.
 *
 * Density, layers from the top (k = K−1 … 0), with the layer's output w already in the row:
 *   v ← 0;  D times: one MADE pass on v, then v_i ← w_i·e^{α_i} + μ_i for every i
 *   (exact after D: α_i, μ_i depend on v_<i only), then one more MADE pass at the fixed point
 *   (its activations stay in the row), and log|det ∂z/∂x| += Σ_i α_i.
 * Gradient, layers from the bottom (k = 0 … K−1), with c = ∂L/∂v (c = z/N at k = 0):
 *   λ ← 0;  D times: gw ← λ, gl ← −1/N, the MAF backward (wgsl-rows.ts's layerBackward) gives
 *           gw = e⊙λ + B(λ, −1/N);  λ ← λ + (c − gw)/e          (so Jᵀλ = c − (1/N)∂A/∂v)
 *   then once more with gw ← −λ, gl ← +1/N: its gpre are this layer's parameter gradients;
 *   c ← λ (= ∂L/∂w, the input of the layer above).
 * The last pass of each loop is the extra one (it == D), so each MADE body appears twice per
 * layer in the source. Inputs: xin [N, D], state (θ first), maskv [P]. Output: workspace [N, R].
 * Reverse-KL IAF training (energy targets) samples through the parallel direction and stays on
 * the composed tfjs path (webgpu/index.ts); so does the distillation's student (its own trainer).
 */
import type { FusedLayout } from './layout';
import { f, layerBackward, madeForwardWgsl, rowShellWgsl, type Activation } from './wgsl-rows';

/** Column of layer k's output w in the row: the next layer's input, or x (zCol) for the top. */
function outputCol(layout: FusedLayout, k: number): number {
  return k + 1 < layout.layers ? layout.inputCol[k + 1] : layout.zCol;
}

/** `let alpha` = α_i = B·tanh(a_i/B) of layer k from its raw outputs in the row (inside a loop over i). */
function scaleWgsl(layout: FusedLayout, k: number, bound: number): string {
  const o = layout.dense[k][layout.hidden.length].outCol;
  return `let alpha = ${f(bound)} * fl_tanh(result[base + ${o + layout.dim} + i] / ${f(bound)});`;
}

/** The sequential inverse of layer k: v from w, the activations at v, and Σα into logDet. */
function layerInverse(layout: FusedLayout, k: number, bound: number): string {
  const D = layout.dim;
  const v = layout.inputCol[k];
  const mu = layout.dense[k][layout.hidden.length].outCol;
  return `
  // layer ${k}: v = T⁻¹(w)
  for (var i = 0; i < ${D}; i++) { result[base + ${v} + i] = 0.0; }
  for (var it = 0; it <= ${D}; it++) {
    ${madeForwardWgsl(layout, k)}
    for (var i = 0; i < ${D}; i++) {
      ${scaleWgsl(layout, k, bound)}
      if (it < ${D}) {
        result[base + ${v} + i] = result[base + ${outputCol(layout, k)} + i] * exp(alpha) + result[base + ${mu} + i];
      } else {
        logDet += alpha;
      }
    }
  }`;
}

/** The λ solve of layer k and its parameter backward; c holds ∂L/∂v on entry, ∂L/∂w on exit. */
function layerImplicitBackward(layout: FusedLayout, k: number, bound: number): string {
  const D = layout.dim;
  return `
  // layer ${k}: Jᵀλ = c − (1/N)∂A/∂v, then the parameter backward with gw = −λ, gl = +1/N
  for (var i = 0; i < ${D}; i++) { lam[i] = 0.0; }
  for (var it = 0; it <= ${D}; it++) {
    let last = it == ${D};
    gl = select(-invN, invN, last);
    for (var i = 0; i < ${D}; i++) { gw[i] = select(lam[i], -lam[i], last); }
    ${layerBackward(layout, k, bound)}
    if (!last) {
      for (var i = 0; i < ${D}; i++) {
        ${scaleWgsl(layout, k, bound)}
        lam[i] += (c[i] - gw[i]) * exp(alpha);
      }
    }
  }
  for (var i = 0; i < ${D}; i++) { c[i] = lam[i]; }`;
}

export function iafRowPassWgsl(layout: FusedLayout, activation: Activation, bound: number): string {
  const D = layout.dim;
  const K = layout.layers;
  const z = layout.inputCol[0];
  const gradient = Array.from({ length: K }, (_, k) => layerImplicitBackward(layout, k, bound)).join('');
  return rowShellWgsl(layout, activation, {
    xCol: layout.zCol,
    baseCol: z,
    forward: Array.from({ length: K }, (_, j) => layerInverse(layout, K - 1 - j, bound)).join(''),
    backward: `
  let invN = 1.0 / f32(uniforms.xinShape.x);
  var gl = 0.0;
  var gw: array<f32, ${D}>;
  var direct: array<f32, ${D}>;
  var lam: array<f32, ${D}>;
  var c: array<f32, ${D}>;
  for (var i = 0; i < ${D}; i++) { c[i] = result[base + ${z} + i] * invN; }
  ${gradient}`,
  });
}
