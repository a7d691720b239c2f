/** Implementation of `DiagnosticsApi` for the worker. */
import type { DiagnosticsApi } from './api';
import { initBackend, requireBackend } from './backend-probe';
import { destroyActiveDevice, setPageBackendListener } from './device-loss';
import { memoryInfo, runSelfCheck } from './self-check';
import { runFusedSelfCheck } from './webgpu/self-check-fused';
import { measureFusedStep } from './webgpu/step-figures';

export const diagnostics: DiagnosticsApi = {
  init: (options) => initBackend(options.requestedBackend),
  selfCheck: async () => {
    await requireBackend();
    return runSelfCheck();
  },
  selfCheckFused: async (dim) => {
    await requireBackend();
    return runFusedSelfCheck(dim);
  },
  fusedStepFigures: async (steps) => {
    await requireBackend();
    return measureFusedStep(steps);
  },
  memory: async () => memoryInfo(),
  crashForTesting: async (message) => {
    const text = String(message).slice(0, 200);
    setTimeout(() => {
      throw new Error(text);
    }, 0);
  },
  watchBackend: async (onChange) => setPageBackendListener(onChange),
  loseDeviceForTesting: async () => destroyActiveDevice(),
};
