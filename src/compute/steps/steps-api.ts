/** The worker's StepsApi: fitted models cached per request, Jacobians and timings on demand. */
import { DEFAULT_TRAIN_STEPS, defaultBudgetMs, trainStepsModel } from './steps-model';
import { layerJacobian } from './steps-jacobian';
import { timeStepsOperations } from './steps-timing';
import type { StepsApi, StepsModel, StepsModelRequest } from './protocol';

const MAX_CACHED = 16;
const models = new Map<string, Promise<StepsModel>>();

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

export const stepsApi: StepsApi = {
  stepsModel(request) {
    const key = cacheKey(request);
    let model = models.get(key);
    if (!model) {
      model = trainStepsModel(request);
      // A failed fit is not remembered: the next request tries again.
      model.catch(() => models.delete(key));
      if (models.size >= MAX_CACHED) models.delete(models.keys().next().value as string);
      models.set(key, model);
    }
    return model;
  },
  stepsJacobian: (request) => layerJacobian(request),
  stepsTiming: (request) => timeStepsOperations(request),
};
