/** Small comparisons behind the lab's build decisions: which preset fits, whether a drawing changed. */
import { DEFAULT_FLOW_CONFIG, type FlowConfig } from '../../core/flow/config';
import type { LabParams } from './protocol';

export function flowConfigFor(params: LabParams): FlowConfig {
  return { ...DEFAULT_FLOW_CONFIG, layers: params.layers, hidden: [params.hidden, params.hidden], seed: params.seed };
}

export function sameArchitecture(a: FlowConfig, b: FlowConfig): boolean {
  return (
    a.dim === b.dim &&
    a.layers === b.layers &&
    a.hidden.join() === b.hidden.join() &&
    a.activation === b.activation &&
    a.alphaBound === b.alphaBound
  );
}

/** Whether two drawings hold the same points (the page sends a fresh copy on every configure). */
export function samePoints(a: ArrayLike<number> | null | undefined, b: ArrayLike<number> | null | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
