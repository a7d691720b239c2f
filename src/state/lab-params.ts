/** The lab's worker params, derived from the URL state. */
import type { LabParams } from '../compute/lab/protocol';
import type { UrlKey, UrlState } from './url-schema';

/** URL keys whose change needs the worker to be reconfigured. */
export const LAB_KEYS = [
  'flow',
  'transform',
  'dataset',
  'layers',
  'hidden',
  'lr',
  'batch',
  'seed',
] as const satisfies readonly UrlKey[];

export function toLabParams(state: UrlState): LabParams {
  return {
    flow: state.flow,
    transform: state.transform,
    dataset: state.dataset,
    layers: state.layers,
    hidden: state.hidden,
    learningRate: state.lr,
    batchSize: state.batch,
    seed: state.seed,
  };
}

export function sameLabParams(a: UrlState, b: UrlState): boolean {
  return LAB_KEYS.every((key) => a[key] === b[key]);
}
