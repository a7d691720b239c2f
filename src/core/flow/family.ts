/**
 * The lab's flow families (flow-spec.ts) in words. Passes per layer come from schedule.ts:
 *
 *   family     density (x → z)   sampling (z → x)   density of its own samples
 *   MAF        1                 D                  D (the sampling already paid)
 *   IAF        D                 1                  1 (z is known)
 *   coupling   1                 1                  1
 *
 * A coupling layer (NICE, RealNVP) leaves half the coordinates unchanged and transforms the
 * other half with parameters computed from the unchanged half, so both directions need one
 * pass of its network (coupling-config.ts).
 */
import type { FlowFamily } from './flow-spec';
import { passesPerLayer, type FlowOperation } from './schedule';

export { FLOW_FAMILIES, type FlowFamily } from './flow-spec';

/** Network passes per layer for an operation (schedule.ts). */
export const familyPassesPerLayer = (family: FlowFamily, op: FlowOperation, dim: number): number =>
  passesPerLayer(family, op, dim);

/** Display name: MAF, IAF, Coupling. */
export const familyName = (family: FlowFamily): string =>
  family === 'coupling' ? 'Coupling' : family.toUpperCase();
