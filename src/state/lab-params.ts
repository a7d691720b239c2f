/**
 * The lab's worker params, derived from the URL state. Which of them the worker applies live
 * and which rebuild the model is declared once, in LAB_PARAM_TABLE (core/session/session-params.ts).
 */
import type { LabParams } from '../compute/lab/protocol';
import type { UrlKey, UrlState } from './url-schema';

/** The URL key behind each worker param. */
const LAB_URL_KEY = {
  flow: 'flow',
  transform: 'transform',
  dataset: 'dataset',
  layers: 'layers',
  hidden: 'hidden',
  learningRate: 'lr',
  batchSize: 'batch',
  seed: 'seed',
} as const satisfies Record<keyof LabParams, UrlKey>;

/** URL keys whose change reaches the worker (as a rebuild or a live change). */
export const LAB_KEYS = Object.values(LAB_URL_KEY);

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
