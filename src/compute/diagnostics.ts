/** Implementation of `DiagnosticsApi` for the worker. */
import type { DiagnosticsApi } from './api';
import { adoptMeasuredBackend, initBackend, requireBackend } from './backend-probe';
import { measureBackends } from './backend-timing';
import { destroyActiveDevice, setPageBackendListener } from './device-loss';
import { memoryInfo, runSelfCheck } from './self-check';
import { workCounts } from './session/work-counter';
import { runFusedSelfCheck } from './webgpu/self-check-fused';
import { measureFusedStep } from './webgpu/step-figures';

export const diagnostics: DiagnosticsApi = {
  init: (options) => initBackend(options.requestedBackend, options.remembered ?? null),
  measureBackends: (budgetMs) => measureBackends(budgetMs),
  adoptMeasuredBackend: (timings) => adoptMeasuredBackend(timings),
  selfCheck: async () => {
    await requireBackend();
    return runSelfCheck();
  },
  selfCheckFused: async (dim, kind) => {
    await requireBackend();
    return runFusedSelfCheck(dim, kind === 'iaf' ? 'iaf' : 'maf');
  },
  fusedStepFigures: async (steps, options) => {
    await requireBackend();
    return measureFusedStep(steps, options);
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
  sessionWork: async () => workCounts(),
  ping: async () => true,
  hangForTesting: async (ms) => {
    const until = performance.now() + Math.max(0, Math.min(120_000, Number(ms) || 0));
    while (performance.now() < until) {
      // Busy: the worker answers nothing until this returns, as a hung kernel would.
    }
  },
};
