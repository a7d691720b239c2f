/**
 * The whole flow in float64, as MAF or IAF, built from the same weights (config.ts):
 *   parallel direction   P = T_K ∘ … ∘ T_1     (K passes in all)
 *   sequential direction S = P⁻¹ = T_1⁻¹ ∘ … ∘ T_K⁻¹   (K·D passes)
 *   MAF: x → z is P, z → x is S.        IAF: z → x is P, x → z is S.
 *   log p(x) = Σ log N(z_i) + log|det ∂z/∂x|.
 */
import type { FlowKind, FlowWeights } from './config';
import type { LayerResult, ReferenceLayer } from './reference';
import { layerParallel, layerSequentialInverse, referenceLayers, standardNormalLogPdf } from './reference';

export interface MapResult {
  out: Float64Array;
  /** log|det| of the whole map that was applied. */
  logDet: number;
  /** The point before each layer and after the last: K+1 points, in the order computed. */
  path: Float64Array[];
  /** Each layer's result, in the order computed. */
  layers: LayerResult[];
}

export class ReferenceFlow {
  readonly layers: ReferenceLayer[];

  constructor(
    readonly weights: FlowWeights,
    readonly kind: FlowKind,
  ) {
    this.layers = referenceLayers(weights);
  }

  get dim(): number {
    return this.weights.config.dim;
  }

  /** P: the parallel direction through all layers. */
  parallel(v: ArrayLike<number>): MapResult {
    let cur: Float64Array = Float64Array.from(v);
    const path = [cur];
    const results: LayerResult[] = [];
    let logDet = 0;
    for (const layer of this.layers) {
      const r = layerParallel(layer, cur);
      results.push(r);
      logDet += r.logDet;
      cur = r.out;
      path.push(cur);
    }
    return { out: cur, logDet, path, layers: results };
  }

  /** S = P⁻¹: the sequential direction, layers in reverse. */
  sequential(w: ArrayLike<number>): MapResult {
    let cur: Float64Array = Float64Array.from(w);
    const path = [cur];
    const results: LayerResult[] = [];
    let logDet = 0;
    for (let k = this.layers.length - 1; k >= 0; k--) {
      const r = layerSequentialInverse(this.layers[k], cur);
      results.push(r);
      logDet += r.logDet;
      cur = r.out;
      path.push(cur);
    }
    return { out: cur, logDet, path, layers: results };
  }

  /** x → z, with log|det ∂z/∂x|. */
  toBase(x: ArrayLike<number>): MapResult {
    return this.kind === 'maf' ? this.parallel(x) : this.sequential(x);
  }

  /** z → x, with log|det ∂x/∂z|. */
  toData(z: ArrayLike<number>): MapResult {
    return this.kind === 'maf' ? this.sequential(z) : this.parallel(z);
  }

  logProb(x: ArrayLike<number>): number {
    const r = this.toBase(x);
    return standardNormalLogPdf(r.out) + r.logDet;
  }

  /** x = f(z) and log p(x) = log N(z) − log|det ∂x/∂z|, without inverting. */
  sampleWithLogProb(z: ArrayLike<number>): { x: Float64Array; logProb: number } {
    const r = this.toData(z);
    return { x: r.out, logProb: standardNormalLogPdf(z) - r.logDet };
  }
}
