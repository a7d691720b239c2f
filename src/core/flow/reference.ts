/**
 * Float64 reference of the autoregressive affine flow, in plain arrays. The tfjs engine is
 * tested against it, and the step-by-step panels replay its traces (one point at a time).
 *
 * Layer T (see config.ts):   w_i = (v_i − μ_i(v_<i))·e^{−α_i(v_<i)},   log|det ∂w/∂v| = −Σ α_i
 * Its inverse (sequential):  v_i = w_i·e^{α_i(v_<i)} + μ_i(v_<i),      log|det ∂v/∂w| = +Σ α_i
 * With a spline transform (transform.ts) w_i = s(v_i; θ_i(v_<i)) and log|det ∂w/∂v| = Σ log s'_i;
 * the results then report the local affine equivalent α_i = −log ∂w_i/∂v_i, μ_i = v_i − w_i·e^{α_i}.
 */
import type { ArLayerWeights, FlowConfig, FlowWeights } from './config';
import { boundAlpha } from './config';
import { madeMasks } from './made';
import { paramsPerVariable, resolveTransform, transformForward, transformInverse, type ResolvedTransform } from './transform';

export interface Conditioner {
  /** μ_i for every variable i, shape [D]. */
  mu: Float64Array;
  /** Bounded log-scale α_i, shape [D]. */
  alpha: Float64Array;
}

interface MaskedDense {
  inDim: number;
  outDim: number;
  /** W ⊙ M, row-major [inDim, outDim]. */
  w: Float64Array;
  b: Float64Array;
}

/** One autoregressive layer with its masked weights, evaluated in float64. */
export class ReferenceLayer {
  readonly dim: number;
  readonly order: readonly number[];
  readonly transform: ResolvedTransform;
  private readonly hidden: MaskedDense[];
  private readonly output: MaskedDense;

  constructor(
    weights: ArLayerWeights,
    private readonly config: FlowConfig,
  ) {
    this.transform = resolveTransform(config);
    const masks = madeMasks(weights.structure, paramsPerVariable(this.transform));
    const mask = (w: Float32Array, m: Float32Array) => Float64Array.from(w, (v, k) => v * m[k]);
    this.dim = config.dim;
    this.order = weights.structure.order;
    this.hidden = weights.hidden.map((d, l) => ({
      inDim: d.inDim,
      outDim: d.outDim,
      w: mask(d.w, masks.hidden[l]),
      b: Float64Array.from(d.b),
    }));
    const o = weights.output;
    this.output = { inDim: o.inDim, outDim: o.outDim, w: mask(o.w, masks.output), b: Float64Array.from(o.b) };
  }

  /** One MADE pass: all P·D raw outputs (parameter-major); those of variable i depend only on v_<i. */
  rawOutputs(v: ArrayLike<number>): Float64Array {
    let h: Float64Array = Float64Array.from(v);
    for (const layer of this.hidden) {
      h = dense(layer, h);
      for (let k = 0; k < h.length; k++)
        h[k] = this.config.activation === 'relu' ? Math.max(0, h[k]) : Math.tanh(h[k]);
    }
    return dense(this.output, h);
  }

  /** One MADE pass of an affine layer: μ(v), α(v) for all D variables. */
  conditioner(v: ArrayLike<number>): Conditioner {
    if (this.transform.kind !== 'affine') throw new Error('conditioner() gives (μ, α) of affine layers only');
    const out = this.rawOutputs(v);
    const D = this.dim;
    const alpha = new Float64Array(D);
    for (let i = 0; i < D; i++) alpha[i] = boundAlpha(out[D + i], this.config.alphaBound);
    return { mu: out.slice(0, D), alpha };
  }
}

function dense(layer: MaskedDense, x: Float64Array): Float64Array {
  const y = Float64Array.from(layer.b);
  for (let r = 0; r < layer.inDim; r++) {
    const xr = x[r];
    if (xr === 0) continue;
    const row = r * layer.outDim;
    for (let c = 0; c < layer.outDim; c++) y[c] += xr * layer.w[row + c];
  }
  return y;
}

export interface LayerResult {
  out: Float64Array;
  /** α used by the layer, per variable. */
  alpha: Float64Array;
  mu: Float64Array;
  /** log|det| of the map that was applied. */
  logDet: number;
}

/** T(v): one parallel pass. */
export function layerParallel(layer: ReferenceLayer, v: ArrayLike<number>): LayerResult {
  const raw = layer.rawOutputs(v);
  const D = layer.dim;
  const out = new Float64Array(D);
  const alpha = new Float64Array(D);
  const mu = new Float64Array(D);
  let logDet = 0;
  for (let i = 0; i < D; i++) {
    const r = transformForward(layer.transform, raw, i, D, v[i]);
    out[i] = r.value;
    alpha[i] = -r.logDerivative;
    mu[i] = layer.transform.kind === 'affine' ? raw[i] : v[i] - out[i] * Math.exp(alpha[i]);
    logDet += r.logDerivative;
  }
  return { out, alpha, mu, logDet };
}

/** T⁻¹(w): D passes, one per position of the layer's order. */
export function layerSequentialInverse(layer: ReferenceLayer, w: ArrayLike<number>): LayerResult {
  const D = layer.dim;
  const v = new Float64Array(D);
  const alpha = new Float64Array(D);
  const mu = new Float64Array(D);
  let logDet = 0;
  for (const i of layer.order) {
    const raw = layer.rawOutputs(v); // entries of v not yet computed are 0 and masked out
    const r = transformInverse(layer.transform, raw, i, D, w[i]);
    v[i] = r.value;
    alpha[i] = r.logDerivative;
    mu[i] = layer.transform.kind === 'affine' ? raw[i] : v[i] - w[i] * Math.exp(alpha[i]);
    logDet += r.logDerivative;
  }
  return { out: v, alpha, mu, logDet };
}

export const LOG_2PI = Math.log(2 * Math.PI);

/** Σ_i log N(z_i; 0, 1). */
export function standardNormalLogPdf(z: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < z.length; i++) s += -0.5 * z[i] * z[i] - 0.5 * LOG_2PI;
  return s;
}

/** The stack as float64 reference layers. */
export function referenceLayers(weights: FlowWeights): ReferenceLayer[] {
  return weights.layers.map((l) => new ReferenceLayer(l, weights.config));
}
