import { DEFAULT_FLOW_CONFIG, type FlowConfig, type FlowWeights } from '../../../../src/core/flow/config';
import { initFlowWeights } from '../../../../src/core/flow/init';
import { createRng } from '../../../../src/core/rng';
import {
  DEFAULT_COUPLING_CONFIG,
  initCouplingWeights,
  type CouplingConfig,
  type CouplingWeights,
} from '../../../../src/core/flow/coupling-config';

/**
 * A flow far from the identity: initial weights with the output layer and all biases
 * redrawn at a visible scale, so tests exercise real shifts, scales and dependencies.
 */
export function randomFlowWeights(overrides: Partial<FlowConfig> = {}, scale = 0.5): FlowWeights {
  const config: FlowConfig = { ...DEFAULT_FLOW_CONFIG, hidden: [16, 16], layers: 3, ...overrides };
  const weights = initFlowWeights(config);
  const rng = createRng(config.seed + 1000);
  for (const layer of weights.layers) {
    for (const d of [...layer.hidden, layer.output]) {
      for (let k = 0; k < d.b.length; k++) d.b[k] = scale * rng.normal() * 0.5;
    }
    const o = layer.output;
    for (let k = 0; k < o.w.length; k++) o.w[k] = (scale * rng.normal()) / Math.sqrt(o.inDim);
  }
  return weights;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** A coupling flow far from the identity: output layer and biases redrawn as in randomFlowWeights. */
export function randomCouplingWeights(overrides: Partial<CouplingConfig> = {}, scale = 0.5): CouplingWeights {
  const config: CouplingConfig = { ...DEFAULT_COUPLING_CONFIG, hidden: [16, 16], layers: 4, ...overrides };
  const weights = initCouplingWeights(config);
  const rng = createRng(config.seed + 2000);
  for (const layer of weights.layers) {
    for (const d of [...layer.hidden, layer.output]) for (let k = 0; k < d.b.length; k++) d.b[k] = scale * rng.normal() * 0.5;
    const o = layer.output;
    for (let k = 0; k < o.w.length; k++) o.w[k] = (scale * rng.normal()) / Math.sqrt(o.inDim);
  }
  return weights;
}

/** Points of a standard normal scaled by `spread` (spread 3 puts many in the spline's tails). */
export function normalPoint(dim: number, seed: number, spread = 1): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: dim }, () => spread * rng.normal());
}
