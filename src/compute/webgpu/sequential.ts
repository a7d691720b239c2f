/**
 * The sequential direction S = P⁻¹ of an affine MAF/IAF chain (MAF sampling z → x, IAF
 * density x → z) as one WGSL program for the whole chain: one thread per point runs, for
 * layer k = K−1 … 0 and for each variable i in the layer's order,
 *   one MADE pass on the current v (hidden units in private arrays; only outputs i and D+i),
 *   v_i = w_i·e^{α_i} + μ_i,   log|det| += α_i          (α = B·tanh(a/B))
 * i.e. the D passes per layer of tf-layer.ts's sequential(), in one dispatch instead of
 * ≈ 20·D·K kernels. Forward only: no gradient. TfFlow uses it on WebGPU when no gradient
 * tape is recording (sampling and density frames), and the composed path otherwise.
 * Output [N, D + 1]: the mapped points, then Σ log|det ∂out/∂in|.
 */
import { tf } from '../tf';
import type { FlowConfig } from '../../core/flow/config';
import { madeMasks, type MadeStructure } from '../../core/flow/made';
import { fusedLayout, packMasks, type FusedLayout } from './layout';
import { WGSL_TANH, activationWgsl } from './wgsl-rows';
import { flatProgram, fusedEnabled, onWebGpu, runProgram } from './programs';

const f = (x: number) => (Number.isInteger(x) ? `${x}.0` : `${x}`);

function layerInverse(layout: FusedLayout, k: number, bound: number): string {
  const D = layout.dim;
  const slots = layout.dense[k];
  const L = slots.length - 1;
  const hidden = slots.slice(0, L).map((s, l) => {
    const input = l === 0 ? 'v' : `h${l - 1}`;
    return `
    for (var j = 0; j < ${s.dout}; j++) {
      var s = state[${s.bOff} + j];
      for (var i = 0; i < ${s.din}; i++) {
        let wi = ${s.wOff} + i * ${s.dout} + j;
        s += ${input}[i] * state[wi] * maskv[wi];
      }
      h${l}[j] = fl_act(s);
    }`;
  });
  const out = slots[L];
  return `
  // layer ${k}: w = v (its input is the previous output); v rebuilt variable by variable
  for (var i = 0; i < ${D}; i++) { w[i] = v[i]; v[i] = 0.0; }
  for (var q = 0; q < ${D}; q++) {
    let c = order${k}[q];
    ${hidden.join('')}
    var mu = state[${out.bOff} + c];
    var a = state[${out.bOff + D} + c];
    for (var i = 0; i < ${out.din}; i++) {
      let wm = ${out.wOff} + i * ${out.dout} + c;
      mu += h${L - 1}[i] * state[wm] * maskv[wm];
      a += h${L - 1}[i] * state[wm + ${D}] * maskv[wm + ${D}];
    }
    let alpha = ${f(bound)} * fl_tanh(a / ${f(bound)});
    v[c] = w[c] * exp(alpha) + mu;
    logDet += alpha;
  }`;
}

function sequentialWgsl(layout: FusedLayout, orders: readonly (readonly number[])[], activation: 'relu' | 'tanh', bound: number): string {
  const D = layout.dim;
  const decl = [
    ...layout.hidden.map((width, l) => `  var h${l}: array<f32, ${width}>;`),
    ...orders.map((o, k) => `  var order${k} = array<i32, ${D}>(${o.join(', ')});`),
  ].join('\n');
  const layers = Array.from({ length: layout.layers }, (_, j) => layout.layers - 1 - j)
    .map((k) => layerInverse(layout, k, bound))
    .join('');
  return `
${WGSL_TANH}
${activationWgsl(activation)}
fn main(index: i32) {
  if (index >= uniforms.xinShape.x) { return; }
  var v: array<f32, ${D}>;
  var w: array<f32, ${D}>;
${decl}
  for (var i = 0; i < ${D}; i++) { v[i] = xin[index * ${D} + i]; }
  var logDet = 0.0;
  ${layers}
  for (var i = 0; i < ${D}; i++) { result[index * ${D + 1} + i] = v[i]; }
  result[index * ${D + 1} + ${D}] = logDet;
}`;
}

/** What the sequential program needs of a flow (kept free of flow/ imports). */
export interface SequentialFlowParts {
  config: FlowConfig;
  /** All variables in TfFlow.variables() order. */
  variables: readonly tf.Variable[];
  structures: readonly MadeStructure[];
}

/** True when the fused sequential program applies: WebGPU, affine layers, and no gradient tape recording. */
export function fusedSequentialApplies(config: FlowConfig): boolean {
  return fusedEnabled() && onWebGpu() && (config.transform ?? 'affine') === 'affine' && config.hidden.length >= 1 && !tf.engine().isTapeOn();
}

const maskCache = new WeakMap<readonly MadeStructure[], tf.Tensor1D>();

/** The masks tensor of a flow's structures, kept for its lifetime (disposeSequentialMasks). */
function masksFor(parts: SequentialFlowParts, layout: FusedLayout): tf.Tensor1D {
  let m = maskCache.get(parts.structures);
  if (!m || m.isDisposed) {
    const masks = parts.structures.map((s) => {
      const mm = madeMasks(s, 2);
      return [...mm.hidden, mm.output];
    });
    m = tf.keep(tf.tensor1d(packMasks(layout, masks)));
    maskCache.set(parts.structures, m);
  }
  return m;
}

export function disposeSequentialMasks(structures: readonly MadeStructure[]): void {
  maskCache.get(structures)?.dispose();
  maskCache.delete(structures);
}

/**
 * Every parameter tensor of the chain, flattened into one buffer in `variables` order (the
 * layout's θ). tfjs's concat reads a handful of inputs per program, so this costs about one
 * dispatch per few tensors (≈ 6 tensors a layer): 14 dispatches at 12 layers on SwiftShader. Call
 * inside tf.tidy.
 */
export function packParameters(variables: readonly tf.Variable[]): tf.Tensor1D {
  return tf.concat(variables.map((v) => tf.reshape(v, [-1]))) as tf.Tensor1D;
}

/** S(input) for the whole chain with Σ log|det|: [N, D] → out [N, D], logDet [N]. Call inside tf.tidy. */
export function fusedSequential(parts: SequentialFlowParts, input: tf.Tensor2D): { out: tf.Tensor2D; logDet: tf.Tensor1D } {
  const c = parts.config;
  const layout = fusedLayout(c.dim, c.layers, c.hidden);
  const orders = parts.structures.map((s) => s.order.map((o) => o));
  const key = `seq_${c.dim}_${c.layers}_${c.hidden.join('x')}_${c.activation}_${c.alphaBound}_${orders.map((o) => o.join('')).join('-')}`;
  const n = input.shape[0];
  const program = flatProgram(key, ['xin', 'state', 'maskv'], [n, c.dim + 1], n, sequentialWgsl(layout, orders, c.activation, c.alphaBound));
  const packed = runProgram(program, [input, packParameters(parts.variables), masksFor(parts, layout)]) as tf.Tensor2D;
  const [out, logDet] = tf.split(packed, [c.dim, 1], 1) as [tf.Tensor2D, tf.Tensor2D];
  return { out, logDet: tf.reshape(logDet, [-1]) as tf.Tensor1D };
}
