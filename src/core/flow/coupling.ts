/**
 * Float64 reference of the coupling flow (coupling-config.ts), in plain arrays; the tfjs
 * engine is tested against it.
 *
 * Layer T (density direction, one pass):  w_p = v_p,  w_t = T_θ(v_t), θ = MLP(v_p)
 * Its inverse (also one pass):            v_p = w_p,  v_t = T_θ⁻¹(w_t), θ = MLP(w_p)
 * The Jacobian ∂w/∂v is block triangular: identity on p, zero from t to p, diagonal
 * ∂w_t/∂v_t; so log|det| = Σ_{i∈t} log ∂w_i/∂v_i (= −Σ α_i for the affine transform).
 * Flow: z = T_K ∘ … ∘ T_1(x); log p(x) = Σ log N(z_i) + Σ_k log|det T_k|.
 */
import type { DenseWeights } from './config';
import type { CouplingLayerWeights, CouplingWeights } from './coupling-config';
import { standardNormalLogPdf } from './reference';
import { resolveTransform, transformForward, transformInverse, type ResolvedTransform } from './transform';

export interface CouplingLayerResult {
  out: Float64Array;
  /** log|det| of the map that was applied. */
  logDet: number;
}

/** y = x @ W + b, W row-major [inDim, outDim]. */
function dense(d: DenseWeights, x: ArrayLike<number>): Float64Array {
  const y = Float64Array.from(d.b);
  for (let r = 0; r < d.inDim; r++) {
    const row = r * d.outDim;
    for (let c = 0; c < d.outDim; c++) y[c] += x[r] * d.w[row + c];
  }
  return y;
}

class ReferenceCouplingLayer {
  readonly transform: ResolvedTransform;

  constructor(
    readonly weights: CouplingLayerWeights,
    private readonly activation: 'relu' | 'tanh',
    transform: ResolvedTransform,
  ) {
    this.transform = transform;
  }

  get pass(): readonly number[] {
    return this.weights.pass;
  }

  get transformed(): readonly number[] {
    return this.weights.transformed;
  }

  /** The conditioner: MLP of the pass-through coordinates → P·|t| raw parameters (parameter-major). */
  rawOutputs(passValues: ArrayLike<number>): Float64Array {
    let h: Float64Array = Float64Array.from(passValues);
    for (const d of this.weights.hidden) {
      h = dense(d, h);
      for (let k = 0; k < h.length; k++) h[k] = this.activation === 'relu' ? Math.max(0, h[k]) : Math.tanh(h[k]);
    }
    return dense(this.weights.output, h);
  }

  /** T(v) (density direction) or T⁻¹(w) (sampling direction), both one conditioner pass. */
  apply(input: ArrayLike<number>, direction: 'forward' | 'inverse'): CouplingLayerResult {
    const out = Float64Array.from(input);
    const raw = this.rawOutputs(this.pass.map((i) => input[i]));
    const d = this.transformed.length;
    let logDet = 0;
    this.transformed.forEach((i, j) => {
      const map = direction === 'forward' ? transformForward : transformInverse;
      const r = map(this.transform, raw, j, d, input[i]);
      out[i] = r.value;
      logDet += r.logDerivative;
    });
    return { out, logDet };
  }
}

export interface CouplingMapResult {
  out: Float64Array;
  logDet: number;
}

export class ReferenceCouplingFlow {
  readonly layers: ReferenceCouplingLayer[];

  constructor(readonly weights: CouplingWeights) {
    const transform = resolveTransform(weights.config);
    this.layers = weights.layers.map((l) => new ReferenceCouplingLayer(l, weights.config.activation, transform));
  }

  get dim(): number {
    return this.weights.config.dim;
  }

  /** x → z = T_K ∘ … ∘ T_1(x), with log|det ∂z/∂x|: K passes. */
  toBase(x: ArrayLike<number>): CouplingMapResult {
    let cur: Float64Array = Float64Array.from(x);
    let logDet = 0;
    for (const layer of this.layers) {
      const r = layer.apply(cur, 'forward');
      cur = r.out;
      logDet += r.logDet;
    }
    return { out: cur, logDet };
  }

  /** z → x = T_1⁻¹ ∘ … ∘ T_K⁻¹(z), with log|det ∂x/∂z|: K passes. */
  toData(z: ArrayLike<number>): CouplingMapResult {
    let cur: Float64Array = Float64Array.from(z);
    let logDet = 0;
    for (let k = this.layers.length - 1; k >= 0; k--) {
      const r = this.layers[k].apply(cur, 'inverse');
      cur = r.out;
      logDet += r.logDet;
    }
    return { out: cur, logDet };
  }

  logProb(x: ArrayLike<number>): number {
    const r = this.toBase(x);
    return standardNormalLogPdf(r.out) + r.logDet;
  }

  /** x = f(z) and log p(x) = log N(z) − log|det ∂x/∂z|. */
  sampleWithLogProb(z: ArrayLike<number>): { x: Float64Array; logProb: number } {
    const r = this.toData(z);
    return { x: r.out, logProb: standardNormalLogPdf(z) - r.logDet };
  }
}
