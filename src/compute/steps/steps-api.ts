/**
 * The worker's StepsApi: fitted models cached per request (the cache key is the request's
 * params, all of them rebuild params: STEPS_PARAM_TABLE), Jacobians and timings on demand.
 * Every call runs through the session RunLoop (compute/session/run-loop.ts), one at a time in
 * call order. The fitted models are plain weights: a lost GPU loses nothing.
 *
 * Only the latest model request is wanted: the panel shows one model at a time, so a fit for
 * any other request (a student dragging D from 2 to 8 queues seven fits of up to 6 s, an IAF's
 * up to 30 s) stops at its next chunk of steps, or before it starts, with FitSuperseded, and
 * is not cached. A request for the same model shares the fit in flight.
 */
import { DEFAULT_TRAIN_STEPS, FitSuperseded, defaultBudgetMs, trainStepsModel, type StillWanted } from './steps-model';
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

/** The key of the latest model request (set on arrival, before the request waits its turn). */
let wantedKey: string | null = null;

function want(key: string): StillWanted {
  wantedKey = key;
  return () => wantedKey === key;
}

/**
 * A live fit starts (counted apart from the session's commands as "steps-fit": a browser test
 * checks that the panel's opening request, answered by a preset on the page, trains nothing),
 * unless a newer request replaced it while it waited.
 */
function fitting<T>(stillWanted: StillWanted, fit: (stillWanted: StillWanted) => Promise<T>): () => Promise<T> {
  return () => {
    if (!stillWanted()) return Promise.reject(new FitSuperseded());
    countWork('steps-fit');
    return fit(stillWanted);
  };
}

export const stepsApi: StepsApi = {
  stepsModel: (request) => {
    const key = cacheKey(request);
    const stillWanted = want(`autoregressive|${key}`);
    return runner.command(() => cached(models, key, fitting(stillWanted, (w) => trainStepsModel(request, w))));
  },
  stepsCouplingModel: (request) => {
    const key = cacheKey({ ...request, kind: 'maf' });
    const stillWanted = want(`coupling|${key}`);
    return runner.command(() =>
      cached(couplingModels, key, fitting(stillWanted, (w) => trainStepsCouplingModel(request, w))),
    );
  },
  stepsJacobian: (request) => runner.command(() => layerJacobian(request)),
  stepsTiming: (request) => runner.command(() => timeStepsOperations(request)),
};
