/**
 * Step-by-step traces of one autoregressive layer and of the whole flow, for the stepper
 * panel and the dependency graph. A step is one network pass and the update it enables:
 *   parallel direction:   1 step, all D variables at once;
 *   sequential direction: D steps, step p computes the variable at order position p.
 * The values in the last step are exactly the outputs of layerParallel /
 * layerSequentialInverse (same arithmetic, same order).
 */
import type { FlowKind } from './config';
import type { ReferenceLayer } from './reference';
import { standardNormalLogPdf } from './reference';
import type { ReferenceFlow } from './reference-flow';

export interface TraceStep {
  /** 1-based network pass within the layer. */
  pass: number;
  /** Variables computed in this step (indices 0..D−1), in order position. */
  variables: number[];
  /** What the network saw in this pass (not-yet-computed entries are 0 and masked out). */
  networkInput: number[];
  /** μ_i, α_i of the computed variables, aligned with `variables`. */
  mu: number[];
  alpha: number[];
  /** The new values of the computed variables, aligned with `variables`. */
  values: number[];
  /** The layer's output vector after this step (entries not yet computed are NaN). */
  state: number[];
  /** Running log|det| of the layer after this step. */
  logDet: number;
}

export interface LayerTrace {
  layerIndex: number;
  direction: 'parallel' | 'sequential';
  input: number[];
  output: number[];
  steps: TraceStep[];
  logDet: number;
}

/** Parallel step: w_i = (v_i − μ_i(v))·e^{−α_i(v)} for all i from one pass. */
function traceParallel(layer: ReferenceLayer, layerIndex: number, v: ArrayLike<number>): LayerTrace {
  const input = Array.from(v);
  const { mu, alpha } = layer.conditioner(input);
  const variables = [...layer.order];
  const output = input.map((vi, i) => (vi - mu[i]) * Math.exp(-alpha[i]));
  let logDet = 0;
  for (let i = 0; i < layer.dim; i++) logDet -= alpha[i];
  const step: TraceStep = {
    pass: 1,
    variables,
    networkInput: input,
    mu: variables.map((i) => mu[i]),
    alpha: variables.map((i) => alpha[i]),
    values: variables.map((i) => output[i]),
    state: output,
    logDet,
  };
  return { layerIndex, direction: 'parallel', input, output, steps: [step], logDet };
}

/** Sequential steps: v_i = w_i·e^{α_i(v_<i)} + μ_i(v_<i), one pass per order position. */
function traceSequential(layer: ReferenceLayer, layerIndex: number, w: ArrayLike<number>): LayerTrace {
  const input = Array.from(w);
  const v = new Array<number>(layer.dim).fill(0);
  const state = new Array<number>(layer.dim).fill(Number.NaN);
  const steps: TraceStep[] = [];
  let logDet = 0;
  layer.order.forEach((i, position) => {
    const networkInput = [...v];
    const c = layer.conditioner(networkInput);
    v[i] = input[i] * Math.exp(c.alpha[i]) + c.mu[i];
    state[i] = v[i];
    logDet += c.alpha[i];
    steps.push({
      pass: position + 1,
      variables: [i],
      networkInput,
      mu: [c.mu[i]],
      alpha: [c.alpha[i]],
      values: [v[i]],
      state: [...state],
      logDet,
    });
  });
  return { layerIndex, direction: 'sequential', input, output: [...v], steps, logDet };
}

export type TraceOperation = 'sample' | 'density';

export interface FlowTrace {
  kind: FlowKind;
  operation: TraceOperation;
  /** z for sampling, x for density. */
  input: number[];
  /** x for sampling, z for density. */
  output: number[];
  /** Layer traces in the order they were computed. */
  layers: LayerTrace[];
  /** log|det| of the applied map (∂x/∂z for sampling, ∂z/∂x for density). */
  logDet: number;
  /** log p of the data point: log N(z) + log|det ∂z/∂x|. */
  logProb: number;
  /** Σ log N(z_i) of the base point. */
  logBase: number;
}

/** Traces sampling (z → x) or density (x → z) through every layer, as the engine computes it. */
export function traceFlow(flow: ReferenceFlow, operation: TraceOperation, point: ArrayLike<number>): FlowTrace {
  const parallel = (flow.kind === 'maf') === (operation === 'density');
  const K = flow.layers.length;
  const layers: LayerTrace[] = [];
  let cur: number[] = Array.from(point);
  let logDet = 0;
  for (let s = 0; s < K; s++) {
    const k = parallel ? s : K - 1 - s;
    const t = parallel ? traceParallel(flow.layers[k], k, cur) : traceSequential(flow.layers[k], k, cur);
    layers.push(t);
    logDet += t.logDet;
    cur = t.output;
  }
  const z = operation === 'density' ? cur : Array.from(point);
  const logBase = standardNormalLogPdf(z);
  const logProb = operation === 'density' ? logBase + logDet : logBase - logDet;
  return { kind: flow.kind, operation, input: Array.from(point), output: cur, layers, logDet, logProb, logBase };
}
