/**
 * Which direction costs what: network passes per autoregressive layer for each operation.
 * The dependency graphs, the trade-off table and the cost lab are all driven by this.
 */
import type { FlowKind } from './config';

export type FlowOperation = 'density' | 'sample' | 'ownSampleDensity';

/** True when the operation runs the layer's parallel direction (one pass). */
function isParallel(kind: FlowKind, op: FlowOperation): boolean {
  if (op === 'ownSampleDensity') return kind === 'iaf' ? true : false;
  return (kind === 'maf') === (op === 'density');
}

/**
 * Network passes per layer:
 *   MAF density 1, MAF sampling D; IAF sampling 1, IAF density of external data D;
 *   IAF density of its own samples 1 (the z it drew is known: log q = log N(z) + Σα);
 *   MAF density of its own samples: the sampling already ran D passes per layer, and the
 *   α it produced give log p, so no further pass (reported as D: the cost of the sample).
 */
export function passesPerLayer(kind: FlowKind, op: FlowOperation, dim: number): number {
  return isParallel(kind, op) ? 1 : dim;
}

/** Total passes for a K-layer stack. */
export function totalPasses(kind: FlowKind, op: FlowOperation, dim: number, layers: number): number {
  return layers * passesPerLayer(kind, op, dim);
}
