/**
 * The distillation and cost panels' views of the compute worker: their methods of the comlink
 * proxy, with the callbacks wrapped in `Comlink.proxy` so the worker can call them back.
 */
import * as Comlink from 'comlink';
import type { CostApi, DistillApi } from '../compute/api';
import type { ComputeClient } from './compute-client';

export function distillClientFor(api: ComputeClient): DistillApi {
  return {
    distillConfigure: (config) => api.distillConfigure(config),
    distillFrame: () => api.distillFrame(),
    distillStart: (onFrame) => api.distillStart(Comlink.proxy(onFrame)),
    distillPause: () => api.distillPause(),
    distillStep: (n) => api.distillStep(n),
    distillReset: (startFrom) => api.distillReset(startFrom),
    distillTiming: (n) => api.distillTiming(n),
    distillWarmUp: () => api.distillWarmUp(),
  };
}

export function costClientFor(api: ComputeClient): CostApi {
  return {
    costRun: (request, onProgress) => api.costRun(request, Comlink.proxy(onProgress)),
    costCancel: () => api.costCancel(),
  };
}
