/** The worker's DistillApi: a thin adapter from comlink calls to one DistillSession. */
import * as Comlink from 'comlink';
import type { DistillApi, DistillFrame } from './protocol';
import { onBackendReplaced } from '../device-loss';
import { DistillSession } from './session';

const session = new DistillSession();
onBackendReplaced((report) => session.moveToCurrentBackend(report.label));

const MAX_STEPS = 10_000;
const MAX_TIMING_POINTS = 100_000;

/** Frames carry large typed arrays: transfer rather than copy them to the page. */
function transferFrame(frame: DistillFrame): DistillFrame {
  return Comlink.transfer(frame, [
    frame.teacherLogDensity.buffer,
    frame.studentLogDensity.buffer,
    frame.teacherSamples.buffer,
    frame.studentSamples.buffer,
  ]);
}

/** An integer in [1, max] from a request (non-numbers become 1). */
function clampCount(n: number, max: number): number {
  return Number.isFinite(n) ? Math.max(1, Math.min(max, Math.floor(n))) : 1;
}

export const distillApi: DistillApi = {
  distillConfigure: (config) => session.configure(config),
  distillFrame: async () => transferFrame(await session.frame()),
  async distillStart(onFrame) {
    // Not awaited: training runs until distillPause; frames flow through the callback.
    void session.start((frame) => onFrame(transferFrame(frame))).catch((error: unknown) => {
      session.stop();
      console.error('distillation stopped:', error);
    });
  },
  async distillPause() {
    session.stop();
  },
  distillStep: async (n) => transferFrame(await session.step(clampCount(n, MAX_STEPS))),
  distillReset: (startFrom) => session.reset(startFrom === 'preset' || startFrom === 'scratch' ? startFrom : undefined),
  distillTiming: (n) => session.timing(clampCount(n, MAX_TIMING_POINTS)),
  distillWarmUp: () => session.warmUpTraining(),
};

