/** The worker's StepsApi: fitted models cached per request, Jacobians and timings on demand. */
import { DEFAULT_TRAIN_STEPS, defaultBudgetMs, trainStepsModel } from './steps-model';
import { layerJacobian } from './steps-jacobian';
import { timeStepsOperations } from './steps-timing';
import { trainStepsCouplingModel } from './steps-coupling';
import type { StepsApi, StepsCouplingModel, StepsModel, StepsModelRequest } from './protocol';

const MAX_CACHED = 16;
const models = new Map<string, Promise<StepsModel>>();
const couplingModels = new Map<string, Promise<StepsCouplingModel>>();

function cacheKey(r: StepsModelRequest): string {
  return [
    r.kind ?? 'maf',
    r.dim,
    r.layers,
    r.seed,
    r.trainSteps ?? DEFAULT_TRAIN_STEPS,
    r.budgetMs ?? defaultBudgetMs(r.kind ?? 'maf'),
  ].join('|');
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

export const stepsApi: StepsApi = {
  stepsModel: (request) => cached(models, cacheKey(request), () => trainStepsModel(request)),
  stepsCouplingModel: (request) =>
    cached(couplingModels, cacheKey({ ...request, kind: 'maf' }), () => trainStepsCouplingModel(request)),
  stepsJacobian: (request) => layerJacobian(request),
  stepsTiming: (request) => timeStepsOperations(request),
};
