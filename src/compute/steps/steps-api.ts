/**
 * The worker's StepsApi: fitted models cached per request (the cache key is the request's
 * params, all of them rebuild params: STEPS_PARAM_TABLE), Jacobians and timings on demand.
 * Every call runs through the session RunLoop (compute/session/run-loop.ts), one at a time in
 * call order. The fitted models are plain weights: a lost GPU loses nothing.
 */
import { DEFAULT_TRAIN_STEPS, defaultBudgetMs, trainStepsModel } from './steps-model';
import { layerJacobian } from './steps-jacobian';
import { timeStepsOperations } from './steps-timing';
import { trainStepsCouplingModel } from './steps-coupling';
import type { StepsApi, StepsCouplingModel, StepsModel, StepsModelRequest } from './protocol';
import { RunLoop } from '../session/run-loop';
import { countWork } from '../session/work-counter';
import { paramsOf, type TableFor } from '../../core/session/param-table';
import { STEPS_PARAM_TABLE } from '../../core/session/session-params';

/** The request's params (bound here: the table must name exactly StepsModelRequest's). */
const PARAM_TABLE: TableFor<Required<StepsModelRequest>, typeof STEPS_PARAM_TABLE> = STEPS_PARAM_TABLE;
const runner = new RunLoop('steps');

const MAX_CACHED = 16;
const models = new Map<string, Promise<StepsModel>>();
const couplingModels = new Map<string, Promise<StepsCouplingModel>>();

/** The request with its defaults filled in. */
function complete(r: StepsModelRequest): Required<StepsModelRequest> {
  const kind = r.kind ?? 'maf';
  return { ...r, kind, trainSteps: r.trainSteps ?? DEFAULT_TRAIN_STEPS, budgetMs: r.budgetMs ?? defaultBudgetMs(kind) };
}

/** One fit per value of the rebuild params. */
function cacheKey(r: StepsModelRequest): string {
  const full = complete(r);
  return paramsOf(PARAM_TABLE, 'rebuild')
    .map((k) => String(full[k]))
    .join('|');
}

/** The cached fit for the key, or a new one (a failed fit is not remembered: the next request tries again). */
function cached<T>(cache: Map<string, Promise<T>>, key: string, fit: () => Promise<T>): Promise<T> {
  let model = cache.get(key);
  if (!model) {
    model = fit();
    model.catch(() => cache.delete(key));
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(key, model);
  }
  return model;
}

/**
 * A live fit starts (counted apart from the session's commands as "steps-fit": a browser test
 * checks that the panel's opening request, answered by a preset on the page, trains nothing).
 */
function fitting<T>(fit: () => Promise<T>): () => Promise<T> {
  return () => {
    countWork('steps-fit');
    return fit();
  };
}

export const stepsApi: StepsApi = {
  stepsModel: (request) =>
    runner.command(() => cached(models, cacheKey(request), fitting(() => trainStepsModel(request)))),
  stepsCouplingModel: (request) =>
    runner.command(() =>
      cached(couplingModels, cacheKey({ ...request, kind: 'maf' }), fitting(() => trainStepsCouplingModel(request))),
    ),
  stepsJacobian: (request) => runner.command(() => layerJacobian(request)),
  stepsTiming: (request) => runner.command(() => timeStepsOperations(request)),
};
