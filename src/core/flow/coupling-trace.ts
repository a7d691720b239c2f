/**
 * What the stepper shows of a coupling flow (coupling-config.ts), from the float64 reference:
 * the walk through the flow layer by layer, each layer one network pass in either direction,
 *   density  (x → z): layers 1 … K as T:   w_p = v_p,  w_t = T_θ(v_t),  θ = MLP(v_p)
 *   sampling (z → x): layers K … 1 as T⁻¹: v_p = w_p,  v_t = T_θ⁻¹(w_t), θ = MLP(w_p)
 * and a layer's Jacobian ∂out/∂in at its input by central differences: in the order
 * (pass-through, transformed) it is block lower-triangular, [[I, 0], [∂out_t/∂in_p, diag]].
 */
import type { CouplingWeights } from './coupling-config';
import { ReferenceCouplingFlow } from './coupling';
import { numericJacobian } from './jacobian';
import { standardNormalLogPdf } from './reference';

export type CouplingOperation = 'sample' | 'density';

export interface CouplingLayerTrace {
  layerIndex: number;
  /** 'forward' is T (density direction), 'inverse' is T⁻¹ (sampling direction). */
  direction: 'forward' | 'inverse';
  /** Network passes this layer took: always 1. */
  passes: number;
  pass: number[];
  transformed: number[];
  input: number[];
  output: number[];
  /** The conditioner's raw outputs for this input (parameter-major, transform.ts). */
  raw: number[];
  /** log|det| of the map applied (∂out/∂in). */
  logDet: number;
}

export interface CouplingFlowTrace {
  operation: CouplingOperation;
  input: number[];
  output: number[];
  /** In the order computed. */
  layers: CouplingLayerTrace[];
  /** log p of the data point: log N(z) + log|det ∂z/∂x|. */
  logProb: number;
}

/** Traces sampling (z → x) or density (x → z) through every layer. */
export function traceCouplingFlow(weights: CouplingWeights, operation: CouplingOperation, point: readonly number[]): CouplingFlowTrace {
  const flow = new ReferenceCouplingFlow(weights);
  const K = flow.layers.length;
  const direction = operation === 'density' ? 'forward' : 'inverse';
  const layers: CouplingLayerTrace[] = [];
  let cur = [...point];
  let logDet = 0;
  for (let s = 0; s < K; s++) {
    const k = direction === 'forward' ? s : K - 1 - s;
    const layer = flow.layers[k];
    const r = layer.apply(cur, direction);
    layers.push({
      layerIndex: k,
      direction,
      passes: 1,
      pass: [...layer.pass],
      transformed: [...layer.transformed],
      input: cur,
      output: Array.from(r.out),
      raw: Array.from(layer.rawOutputs(layer.pass.map((i) => cur[i]))),
      logDet: r.logDet,
    });
    logDet += r.logDet;
    cur = Array.from(r.out);
  }
  const z = operation === 'density' ? cur : [...point];
  const logProb = standardNormalLogPdf(z) + (operation === 'density' ? logDet : -logDet);
  return { operation, input: [...point], output: cur, layers, logProb };
}

/** J[i][j] = ∂out_i/∂in_j of one layer's map at its input (variable indices), [D][D]. */
export function couplingLayerJacobian(weights: CouplingWeights, layer: CouplingLayerTrace): number[][] {
  const ref = new ReferenceCouplingFlow(weights).layers[layer.layerIndex];
  return numericJacobian((v) => ref.apply(v, layer.direction).out, layer.input, 1e-5);
}

/** The (pass-through, transformed) order in which the Jacobian is block lower-triangular. */
export const blockOrder = (layer: Pick<CouplingLayerTrace, 'pass' | 'transformed'>): number[] => [
  ...layer.pass,
  ...layer.transformed,
];
