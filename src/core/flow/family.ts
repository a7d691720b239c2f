/**
 * The three flow families the lab offers, and what each direction costs in network passes
 * per layer, computed from the architecture (D = dim):
 *
 *   family     density (x → z)   sampling (z → x)   density of its own samples
 *   MAF        1                 D                  D (the sampling already paid)
 *   IAF        D                 1                  1 (z is known)
 *   coupling   1                 1                  1
 *
 * A coupling layer (NICE, RealNVP) leaves half the coordinates unchanged and transforms the
 * other half with parameters computed from the unchanged half, so both directions need one
 * pass of its network (coupling-config.ts). MAF and IAF costs come from schedule.ts.
 */
import type { FlowKind } from './config';
import { passesPerLayer, type FlowOperation } from './schedule';

export type FlowFamily = FlowKind | 'coupling';

export const FLOW_FAMILIES = ['maf', 'iaf', 'coupling'] as const satisfies readonly FlowFamily[];

const isAutoregressive = (family: FlowFamily): family is FlowKind => family !== 'coupling';

/** Network passes per layer for an operation. */
export function familyPassesPerLayer(family: FlowFamily, op: FlowOperation, dim: number): number {
  return isAutoregressive(family) ? passesPerLayer(family, op, dim) : 1;
}

/** Display name: MAF, IAF, Coupling. */
export const familyName = (family: FlowFamily): string =>
  family === 'coupling' ? 'Coupling' : family.toUpperCase();
