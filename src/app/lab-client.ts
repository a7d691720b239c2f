/**
 * The lab's view of the compute worker: the LabApi methods of the comlink proxy, with the
 * training callback wrapped in `Comlink.proxy` so the worker can call it back.
 */
import * as Comlink from 'comlink';
import type { LabApi } from '../compute/api';
import type { ComputeClient } from './compute-client';

export function labClientFor(api: ComputeClient): LabApi {
  return {
    labConfigure: (params, options) => api.labConfigure(params, options),
    labFrame: () => api.labFrame(),
    labStart: (onFrame) => api.labStart(Comlink.proxy(onFrame)),
    labPause: () => api.labPause(),
    labStep: (n) => api.labStep(n),
    labReset: () => api.labReset(),
    labExportModel: () => api.labExportModel(),
    labImportModel: (text) => api.labImportModel(text),
    labLogProb: (points) => api.labLogProb(points),
  };
}
