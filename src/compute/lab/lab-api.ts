/** The worker's LabApi implementation: a thin adapter from comlink calls to one LabSession. */
import * as Comlink from 'comlink';
import type { LabApi, LabFrame } from './protocol';
import { onBackendReplaced } from '../device-loss';
import { LabSession } from './session';

const session = new LabSession();
onBackendReplaced((report) => session.moveToCurrentBackend(report.label));

export const labApi: LabApi = {
  labConfigure: (params, options) => session.configure(params, options),
  labFrame: async () => transferFrame(await session.frame()),
  async labStart(onFrame: (frame: LabFrame) => void) {
    // Not awaited: training runs until labPause; frames flow through the callback.
    void session.start((frame) => onFrame(transferFrame(frame))).catch((error: unknown) => {
      session.stop();
      console.error('training stopped:', error);
    });
  },
  async labPause() {
    session.stop();
  },
  labStep: async (n) => transferFrame(await session.step(Math.max(1, Math.min(10_000, Math.floor(n))))),
  labReset: () => session.reset(),
  labExportModel: () => session.exportModel(),
  labImportModel: (text) => session.importModel(text),
  labLogProb: (points) => session.logProb(points),
};

/** Frames carry large typed arrays: transfer rather than copy them to the page. */
function transferFrame(frame: LabFrame): LabFrame {
  return Comlink.transfer(frame, [frame.logDensity.buffer, frame.modelSamples.buffer]);
}
