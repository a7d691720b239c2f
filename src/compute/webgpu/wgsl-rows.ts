/**
 * WGSL of the fused row pass: one thread per batch point runs the whole MAF chain x → z
 * (every layer's masked MADE, the affine update and log|det|) and then the whole backward
 * pass for that point, writing every activation and every ∂loss/∂pre-activation into its
 * workspace row (layout.ts). The loss is L = −(1/N) Σ_n log p(x_n), so at the top
 *   g_z = z / N,   g_ℓ = ∂L/∂log|det|_k = −1/N   (every layer's log|det| enters log p once).
 * Per layer, from the top (as fused-parallel.ts): with t = tanh(a/B), α = B·t, e = e^{−α},
 *   w = (v − μ)·e;   g_μ = −g_w·e;   g_a = (−g_w·w − g_ℓ)·(1 − t²);   gpre_{L+1} = [g_μ, g_a]
 *   g_in = gpre_l · Ŵ_lᵀ;   gpre_{l−1} = g_in ⊙ φ'(h_{l−1});   g_v = g_in(h_0) + g_w·e.
 * Ŵ = W ⊙ M: the masks come in a buffer packed like θ. Sizes are baked into the source
 * (loops are unrolled over layers), so one shader serves one architecture.
 * Inputs: xin [N, D], state (θ in its first P entries), maskv [P]. Output: workspace [N, R].
 * Its pieces (madeForwardWgsl, layerBackward, rowShellWgsl) also build the IAF row pass
 * (wgsl-rows-iaf.ts).
 */
import type { FusedLayout } from './layout';

export type Activation = 'relu' | 'tanh';

/** Numerically safe tanh (WGSL's may overflow to NaN for large |x| on some drivers). */
export const WGSL_TANH = `
fn fl_tanh(a: f32) -> f32 {
  let e2 = exp(-2.0 * abs(a));
  return sign(a) * (1.0 - e2) / (1.0 + e2);
}`;

export function activationWgsl(activation: Activation): string {
  return activation === 'relu'
    ? `fn fl_act(x: f32) -> f32 { return max(x, 0.0); }
fn fl_slope(h: f32) -> f32 { return select(0.0, 1.0, h > 0.0); }`
    : `fn fl_act(x: f32) -> f32 { return fl_tanh(x); }
fn fl_slope(h: f32) -> f32 { return 1.0 - h * h; }`;
}

/** A WGSL f32 literal. */
export const f = (x: number) => (Number.isInteger(x) ? `${x}.0` : `${x}`);

/** The masked MADE of layer k on its input column (act_0) of the row at `base`: writes h_1..h_L and o. */
export function madeForwardWgsl(layout: FusedLayout, k: number): string {
  const slots = layout.dense[k];
  const L = slots.length - 1;
  return slots
    .map(
      (s, l) => `
  for (var j = 0; j < ${s.dout}; j++) {
    var s = state[${s.bOff} + j];
    for (var i = 0; i < ${s.din}; i++) {
      let wi = ${s.wOff} + i * ${s.dout} + j;
      s += result[base + ${s.inCol} + i] * state[wi] * maskv[wi];
    }
    result[base + ${s.outCol} + j] = ${l < L ? 'fl_act(s)' : 's'};
  }`,
    )
    .join('');
}

/** Forward of layer k for the row at `base`: writes h_l, o and the next layer's input (or z). */
function layerForward(layout: FusedLayout, k: number, bound: number): string {
  const D = layout.dim;
  const slots = layout.dense[k];
  const L = slots.length - 1;
  const lines: string[] = [madeForwardWgsl(layout, k)];
  const o = slots[L].outCol;
  const next = k + 1 < layout.layers ? layout.inputCol[k + 1] : layout.zCol;
  lines.push(`
  for (var i = 0; i < ${D}; i++) {
    let t = fl_tanh(result[base + ${o + D} + i] / ${f(bound)});
    let alpha = ${f(bound)} * t;
    result[base + ${next} + i] = (result[base + ${layout.inputCol[k]} + i] - result[base + ${o} + i]) * exp(-alpha);
    logDet -= alpha;
  }`);
  return lines.join('');
}

/**
 * Backward of layer k: gw holds ∂L/∂w_k on entry and ∂L/∂v_k on exit; `gl` (∂L/∂log|det| of the
 * layer) and the private array `direct` [D] are declared by the caller.
 */
export function layerBackward(layout: FusedLayout, k: number, bound: number): string {
  const D = layout.dim;
  const slots = layout.dense[k];
  const L = slots.length - 1;
  const o = slots[L].outCol;
  const out = k + 1 < layout.layers ? layout.inputCol[k + 1] : layout.zCol;
  const lines: string[] = [`
  for (var i = 0; i < ${D}; i++) {
    let t = fl_tanh(result[base + ${o + D} + i] / ${f(bound)});
    let e = exp(-${f(bound)} * t);
    let w = result[base + ${out} + i];
    direct[i] = gw[i] * e;
    result[base + ${slots[L].gCol} + i] = -gw[i] * e;
    result[base + ${slots[L].gCol + D} + i] = (-gw[i] * w - gl) * (1.0 - t * t);
  }`];
  for (let l = L; l >= 0; l--) {
    const s = slots[l];
    const target =
      l > 0
        ? `result[base + ${slots[l - 1].gCol} + i] = g * fl_slope(result[base + ${s.inCol} + i]);`
        : `gw[i] = g + direct[i];`;
    lines.push(`
  for (var i = 0; i < ${s.din}; i++) {
    var g = 0.0;
    for (var j = 0; j < ${s.dout}; j++) {
      let wi = ${s.wOff} + i * ${s.dout} + j;
      g += result[base + ${s.gCol} + j] * state[wi] * maskv[wi];
    }
    ${target}
  }`);
  }
  return lines.join('');
}

/**
 * The row pass's user code. `withBackward` false gives the forward alone (z, log|det|, log p
 * for density evaluation): the same program without the second half.
 */
export function rowPassWgsl(layout: FusedLayout, activation: Activation, bound: number, withBackward: boolean): string {
  const D = layout.dim;
  const forward = Array.from({ length: layout.layers }, (_, k) => layerForward(layout, k, bound)).join('');
  const backward = withBackward
    ? `
  let invN = 1.0 / f32(uniforms.xinShape.x);
  let gl = -invN;
  var gw: array<f32, ${D}>;
  var direct: array<f32, ${D}>;
  for (var i = 0; i < ${D}; i++) { gw[i] = result[base + ${layout.zCol} + i] * invN; }
  ${Array.from({ length: layout.layers }, (_, k) => layerBackward(layout, layout.layers - 1 - k, bound)).join('')}`
    : '';
  return rowShellWgsl(layout, activation, { xCol: layout.inputCol[0], baseCol: layout.zCol, forward, backward });
}

/**
 * The frame of a row pass (one thread per point, the row at `base`): x into column xCol, then
 * `forward` (which adds to logDet), then log|det| and log p(x) = log N(z) + logDet with z
 * at baseCol, then `backward`.
 */
export function rowShellWgsl(
  layout: FusedLayout,
  activation: Activation,
  parts: { xCol: number; baseCol: number; forward: string; backward: string },
): string {
  const D = layout.dim;
  return `
${WGSL_TANH}
${activationWgsl(activation)}
fn main(index: i32) {
  if (index >= uniforms.xinShape.x) { return; }
  let base = index * ${layout.rowLength};
  for (var i = 0; i < ${D}; i++) { result[base + ${parts.xCol} + i] = xin[index * ${D} + i]; }
  var logDet = 0.0;
  ${parts.forward}
  var sq = 0.0;
  for (var i = 0; i < ${D}; i++) { let z = result[base + ${parts.baseCol} + i]; sq += z * z; }
  result[base + ${layout.logDetCol}] = logDet;
  result[base + ${layout.logProbCol}] = -0.5 * sq - ${f(0.5 * D * Math.log(2 * Math.PI))} + logDet;
  ${parts.backward}
}`;
}
