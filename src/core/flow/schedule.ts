/**
 * Which direction costs what: network passes per layer for each operation.
 * The dependency graphs, the trade-off table and the cost lab are all driven by this.
 * A coupling layer (coupling-config.ts) runs its conditioner once in either direction: the
 * pass-through half is known on both sides.
 */
import type { FlowKind } from './config';
import type { FlowFamily } from './flow-spec';

export type FlowOperation = 'density' | 'sample' | 'ownSampleDensity';

/** True when the operation runs the layer's parallel direction (one pass). */
function isParallel(kind: FlowKind | FlowFamily, op: FlowOperation): boolean {
  if (kind === 'coupling') return true;
  if (op === 'ownSampleDensity') return kind === 'iaf' ? true : false;
  return (kind === 'maf') === (op === 'density');
}

/**
 * Network passes per layer:
 *   MAF density 1, MAF sampling D; IAF sampling 1, IAF density of external data D;
 *   IAF density of its own samples 1 (the z it drew is known: log q = log N(z) + Σα);
 *   MAF density of its own samples: the sampling already ran D passes per layer, and the
 *   α it produced give log p, so no further pass (reported as D: the cost of the sample).
 *   Coupling: 1 for every operation.
 */
export function passesPerLayer(kind: FlowKind | FlowFamily, op: FlowOperation, dim: number): number {
  return isParallel(kind, op) ? 1 : dim;
}

/** Total passes for a K-layer stack. */
export function totalPasses(kind: FlowKind | FlowFamily, op: FlowOperation, dim: number, layers: number): number {
  return layers * passesPerLayer(kind, op, dim);
}
