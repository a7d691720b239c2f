/** Implementation of `DiagnosticsApi` for the worker. */
import type { DiagnosticsApi } from './api';
import { adoptMeasuredBackend, initBackend, requireBackend } from './backend-probe';
import { measureBackends } from './backend-timing';
import { destroyActiveDevice, setPageBackendListener } from './device-loss';
import { memoryInfo, runSelfCheck } from './self-check';

export const diagnostics: DiagnosticsApi = {
  init: (options) => initBackend(options.requestedBackend, options.remembered ?? null),
  measureBackends: (budgetMs) => measureBackends(budgetMs),
  adoptMeasuredBackend: (timings) => adoptMeasuredBackend(timings),
  selfCheck: async () => {
    await requireBackend();
    return runSelfCheck();
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
