import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  LabApi,
  LabConfigureOptions,
  LabFrame,
  LabModelInfo,
  LabParams,
} from '../../../src/compute/lab/protocol';
import { paramChanges } from '../../../src/core/session/param-table';
import { LAB_PARAM_TABLE } from '../../../src/core/session/session-params';
import { LabController } from '../../../src/state/lab-controller';
import { createLabStore } from '../../../src/state/lab-store';
import type { PresetLoader } from '../../../src/state/presets';

const GRID = { x0: -4, x1: 4, y0: -4, y1: 4, nx: 2, ny: 2 };

function modelInfo(): LabModelInfo {
  return {
    origin: 'fresh',
    objective: 'MAF trained by maximum likelihood on samples of the data.',
    entropyFloor: 2.83,
    lossLabel: 'NLL (nats)',
    lossFloor: 2.83,
    logNormaliser: null,
    passesPerTrainingStep: 1,
    view: GRID,
  };
}

/** A worker stand-in that records calls and builds frames tagged with their params and step. */
class FakeLab implements LabApi {
  calls: string[] = [];
  configured: { params: LabParams; options: LabConfigureOptions }[] = [];
  onFrame: ((frame: LabFrame) => void) | null = null;
  failNextConfigure: string | null = null;
  steps = 0;

  frameNow(training = false): LabFrame {
    const params = this.configured.at(-1)!.params;
    return {
      params,
      step: this.steps,
      learningRate: 1e-3,
      loss: 3,
      lossSteps: new Float32Array([this.steps]),
      lossValues: new Float32Array([3]),
      skipped: 0,
      training,
      grid: GRID,
      logDensity: new Float32Array(4),
      trueLogDensity: null,
      modelSamples: new Float32Array(2),
      dataSamples: new Float32Array(2),
      heldOutNll: 3,
      klEstimate: null,
      msPerStep: 4,
      msPerSampleBatch: 2,
      fusedStep: false,
      message: null,
    };
  }
  async labConfigure(params: LabParams, options: LabConfigureOptions) {
    this.calls.push('configure');
    // As the worker session: only a rebuild param stops training (LAB_PARAM_TABLE).
    const previous = this.configured.at(-1)?.params ?? null;
    if (paramChanges(LAB_PARAM_TABLE, previous, params).rebuild.length > 0) this.onFrame = null;
    if (this.failNextConfigure) {
      const message = this.failNextConfigure;
      this.failNextConfigure = null;
      throw new Error(message);
    }
    this.configured.push({ params, options });
    return modelInfo();
  }
  async labFrame() {
    this.calls.push('frame');
    return this.frameNow();
  }
  async labStart(onFrame: (frame: LabFrame) => void) {
    this.calls.push('start');
    this.onFrame = onFrame;
  }
  async labPause() {
    this.calls.push('pause');
    this.onFrame = null;
  }
  async labStep(n: number) {
    this.calls.push(`step ${n}`);
    this.steps += n;
    return this.frameNow();
  }
  async labReset() {
    this.calls.push('reset');
    this.steps = 0;
    return modelInfo();
  }
  async labExportModel() {
    return '{}';
  }
  async labImportModel() {
    return modelInfo();
  }
  async labLogProb(points: Float32Array) {
    return new Float32Array(points.length / 2);
  }
}

const presets: PresetLoader = {
  load: async (dataset, flow) => (dataset === '8gaussians' ? `preset ${dataset}-${flow}` : null),
  loadPreview: async () => null,
};

// Fake timers: the controller's debounce and the settling waits take no real time.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});
const settle = (ms = 30) => vi.advanceTimersByTimeAsync(ms);

function setUp(search = '', debounceMs = 0) {
  const store = createLabStore(search);
  const lab = new FakeLab();
  const controller = new LabController(store, lab, { presets, debounceMs });
  const stop = controller.start();
  return { store, lab, controller, stop };
}

describe('LabController', () => {
  it('configures the worker from the URL params with the preset, then shows a frame', async () => {
    const { store, lab, stop } = setUp('?seed=5');
    expect(store.getState().run.phase).toBe('configuring');
    await settle();
    expect(lab.calls).toEqual(['configure', 'frame']);
    expect(lab.configured[0].params).toMatchObject({ dataset: '8gaussians', flow: 'maf', seed: 5 });
    expect(lab.configured[0].options).toEqual({
      presetText: 'preset 8gaussians-maf',
      drawnPoints: null,
    });
    expect(store.getState().run.phase).toBe('ready');
    expect(store.getState().modelInfo?.lossLabel).toBe('NLL (nats)');
    expect(store.getState().frame?.params.seed).toBe(5);
    stop();
  });

  it('coalesces quick param changes into one rebuild with the last values', async () => {
    const { store, lab, stop } = setUp('', 20);
    await settle(60);
    for (const layers of [6, 7, 8]) store.getState().setParam('layers', layers);
    store.getState().setParam('contours', true); // not a lab param
    await settle(80);
    expect(lab.calls.filter((c) => c === 'configure')).toHaveLength(2);
    expect(lab.configured.at(-1)!.params.layers).toBe(8);
    stop();
  });

  it('shows training frames, drops those of a replaced model, and resumes training after a rebuild', async () => {
    const { store, lab, controller, stop } = setUp();
    await settle();
    controller.train();
    await settle();
    expect(store.getState().run.phase).toBe('training');
    const oldRun = lab.onFrame!;
    lab.steps = 10;
    oldRun(lab.frameNow(true));
    expect(store.getState().frame?.step).toBe(10);
    store.getState().setParam('flow', 'iaf');
    oldRun({ ...lab.frameNow(true), step: 99 }); // arrives after the change: dropped
    expect(store.getState().frame?.step).toBe(10);
    await settle();
    expect(lab.configured.at(-1)!.params.flow).toBe('iaf');
    expect(store.getState().run.phase).toBe('training');
    expect(lab.calls.filter((c) => c === 'start')).toHaveLength(2);
    stop();
  });

  it('hands a learning-rate or batch-size change to the running session: no pause, no rebuild, frames go on', async () => {
    const { store, lab, controller, stop } = setUp('', 20);
    await settle(60);
    controller.train();
    await settle();
    const run = lab.onFrame!;
    const options = lab.configured.at(-1)!.options;
    store.getState().setParam('lr', 0.02);
    store.getState().setParam('batch', 32);
    await settle(60);
    expect(store.getState().run.phase).toBe('training');
    expect(lab.calls).not.toContain('pause');
    expect(lab.calls.filter((c) => c === 'start')).toHaveLength(1);
    const last = lab.configured.at(-1)!;
    expect(last.params).toMatchObject({ learningRate: 0.02, batchSize: 32 });
    expect(last.options).toBe(options); // the same preset and drawing: nothing to rebuild
    expect(lab.onFrame).toBe(run);
    lab.steps = 40;
    run(lab.frameNow(true));
    expect(store.getState().frame?.step).toBe(40); // the run's frames are still shown
    stop();
  });

  it('does no work while its panel is hidden, and applies what changed meanwhile on return', async () => {
    const { store, lab, controller, stop } = setUp();
    await settle();
    controller.train();
    await settle();
    controller.setShown(false);
    await settle();
    expect(store.getState().run.phase).toBe('ready');
    const calls = lab.calls.length;
    store.getState().setParam('flow', 'iaf'); // e.g. the step-by-step panel or the tour
    store.getState().setParam('seed', 9);
    store.getState().setParam('lr', 0.03);
    await settle(500);
    expect(lab.calls.slice(calls)).toEqual([]);
    controller.setShown(true);
    await settle();
    expect(lab.calls.slice(calls)).toEqual(['configure', 'frame']);
    expect(lab.configured.at(-1)!.params).toMatchObject({ flow: 'iaf', seed: 9, learningRate: 0.03 });
    // Training the panel's leaving paused stays paused: the user resumes it.
    expect(store.getState().run.phase).toBe('ready');
    controller.setShown(true);
    await settle();
    expect(lab.calls.slice(calls)).toEqual(['configure', 'frame']);
    stop();
  });

  it('leaving drops a rebuild that waited and makes it once on return; a Step under way still finishes', async () => {
    const { store, lab, controller, stop } = setUp('', 50);
    await settle(100);
    const calls = lab.calls.length;
    store.getState().setParam('layers', 6);
    await settle(10); // the rebuild waits for its debounce
    controller.setShown(false);
    await settle(200);
    expect(lab.calls.slice(calls)).toEqual([]);
    controller.setShown(true);
    await settle(100);
    expect(lab.calls.slice(calls)).toEqual(['configure', 'frame']);
    expect(lab.configured.at(-1)!.params.layers).toBe(6);
    expect(store.getState().run).toMatchObject({ phase: 'ready', busy: false });
    // A Step pressed just before leaving: its frame is shown and the lab is not left busy.
    const stepped = controller.step();
    controller.setShown(false);
    await stepped;
    expect(store.getState().run).toMatchObject({ phase: 'ready', busy: false });
    expect(store.getState().frame?.step).toBe(1);
    stop();
  });

  it('starts hidden: no work until the panel is shown, then one configure', async () => {
    const store = createLabStore();
    const lab = new FakeLab();
    const controller = new LabController(store, lab, { presets, debounceMs: 0 });
    controller.setShown(false);
    const stop = controller.start();
    store.getState().setParam('seed', 4);
    await settle(100);
    expect(lab.calls).toEqual([]);
    controller.setShown(true);
    await settle();
    expect(lab.calls).toEqual(['configure', 'frame']);
    expect(lab.configured[0].params.seed).toBe(4);
    stop();
  });

  it('pauses: stops the worker, fetches a still frame and ignores late training frames', async () => {
    const { store, lab, controller, stop } = setUp();
    await settle();
    controller.train();
    await settle();
    const run = lab.onFrame!;
    await controller.pause();
    run({ ...lab.frameNow(true), step: 123 });
    expect(store.getState().run).toMatchObject({ phase: 'ready', busy: false });
    expect(store.getState().frame?.step).toBe(0);
    expect(lab.calls.slice(-2)).toEqual(['pause', 'frame']);
    stop();
  });

  it('returns to "ready" when the worker stops training by itself', async () => {
    const { store, lab, controller, stop } = setUp();
    await settle();
    controller.train();
    await settle();
    lab.onFrame!({
      ...lab.frameNow(false),
      message: 'Training paused: a step gave a non-finite loss',
    });
    expect(store.getState().run.phase).toBe('ready');
    expect(store.getState().frame?.message).toMatch(/non-finite/);
    stop();
  });

  it('steps and resets while paused', async () => {
    const { store, lab, controller, stop } = setUp();
    await settle();
    await controller.step();
    expect(store.getState().frame?.step).toBe(1);
    await controller.reset();
    expect(store.getState().frame?.step).toBe(0);
    expect(store.getState().run).toMatchObject({ phase: 'ready', busy: false });
    expect(lab.calls).toEqual(['configure', 'frame', 'step 1', 'reset', 'frame']);
    stop();
  });

  it('reports a worker error and recovers on the next change', async () => {
    const store = createLabStore();
    const lab = new FakeLab();
    lab.failNextConfigure = 'Error: the preset could not be read';
    const stop = new LabController(store, lab, { presets, debounceMs: 0 }).start();
    await settle();
    expect(store.getState().run).toMatchObject({
      phase: 'error',
      error: 'the preset could not be read',
    });
    store.getState().setParam('dataset', 'moons');
    await settle();
    expect(store.getState().run.phase).toBe('ready');
    expect(lab.configured.at(-1)!.options.presetText).toBeNull();
    stop();
  });

  it('waits for points in draw mode, then fits each finished stroke', async () => {
    const { store, lab, stop } = setUp('?dataset=drawn');
    await settle();
    expect(store.getState().run.phase).toBe('needs-data');
    expect(lab.calls).toEqual(['pause']);
    store.getState().addDrawnPoints(new Float32Array([0.5, 0.5, 0.6, 0.4]));
    await settle();
    expect(lab.calls).toEqual(['pause']); // no refit mid-stroke
    store.getState().commitDrawing();
    await settle();
    expect(store.getState().run.phase).toBe('ready');
    const { options } = lab.configured.at(-1)!;
    expect(options.presetText).toBeNull();
    expect(Array.from(options.drawnPoints!)).toEqual(
      Array.from(new Float32Array([0.5, 0.5, 0.6, 0.4])),
    );
    stop();
  });

  it('pauses while the tab is hidden and resumes when it is shown', async () => {
    const { store, lab, controller, stop } = setUp();
    await settle();
    controller.train();
    await settle();
    controller.setPageHidden(true);
    await settle();
    expect(store.getState().run.phase).toBe('ready');
    expect(lab.calls).toContain('pause');
    controller.setPageHidden(false);
    await settle();
    expect(store.getState().run.phase).toBe('training');
    expect(lab.calls.filter((c) => c === 'start')).toHaveLength(2);
    stop();
  });
  it('holds: resumes only when the last hold lifts, and never what the user paused', async () => {
    const { store, lab, controller, stop } = setUp();
    await settle();
    controller.train();
    await settle();
    controller.setHold('slide', true);
    controller.setHold('offscreen', true);
    await settle();
    expect(store.getState().run.phase).toBe('ready');
    controller.setHold('slide', false);
    await settle();
    expect(store.getState().run.phase).toBe('ready'); // still out of view
    controller.setHold('offscreen', false);
    await settle();
    expect(store.getState().run.phase).toBe('training');
    expect(lab.calls.filter((c) => c === 'start')).toHaveLength(2);
    // The user pauses; a slide change afterwards does not start training again.
    await controller.pause();
    controller.setHold('slide', true);
    controller.setHold('slide', false);
    await settle();
    expect(store.getState().run.phase).toBe('ready');
    expect(lab.calls.filter((c) => c === 'start')).toHaveLength(2);
    stop();
  });
});
