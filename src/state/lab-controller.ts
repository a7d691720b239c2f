/**
 * Drives the compute worker from the store: rebuilds the model when a rebuild param or the
 * drawing changes, hands a live param (learning rate, batch size) to the running session
 * without stopping it (LAB_PARAM_TABLE decides which is which), and runs the Train / Pause /
 * Step / Reset commands. Worker calls run one at a time (a promise queue); the run counter of
 * the panel's controller (state/panel-controller.ts) drops training frames and replies that
 * arrive after the model or the run they belong to was replaced.
 * While the lab's panel is not shown the controller does no work: changes mark it dirty, and
 * they are applied when the panel is shown again.
 */
import type { LabApi, LabConfigureOptions, LabFrame, LabParams } from '../compute/lab/protocol';
import { paramChanges } from '../core/session/param-table';
import { LAB_PARAM_TABLE } from '../core/session/session-params';
import { LAB_KEYS, toLabParams } from './lab-params';
import { PanelController } from './panel-controller';
import type { LabStore } from './lab-store';
import { useLoadProblems } from './load-problems';
import { isPresetUnavailable, presetFlowKey, type PresetLoader } from './presets';

export interface LabControllerOptions {
  presets: PresetLoader;
  /** Param changes within this many ms are coalesced into one rebuild (typing, sliders). */
  debounceMs?: number;
  /** Training steps per press of "Step". */
  stepsPerPress?: number;
  /** A model file to load after the first configure: the last weights of a worker that was replaced. */
  restoreText?: string | null;
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^Error: /, '');
}

export class LabController {
  /** The lab's client and run counter (the one page-side controller shape). */
  private readonly panel = new PanelController<LabApi>();
  private queue: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private resumeAfterConfigure = false;
  /** Why training is held (a hidden tab, a hidden slide, a frame out of view). */
  private readonly holds = new Set<string>();
  /** Training ran when the first hold began, so it resumes when the last one lifts. */
  private pausedByHold = false;
  /** The params and options the worker was last given (null before the first configure). */
  private sent: LabParams | null = null;
  private sentOptions: LabConfigureOptions = {};
  /** Whether the lab's panel is shown; while not, changes only mark the controller dirty. */
  private shown = true;
  private dirty = false;
  private restoreText: string | null;
  private readonly debounceMs: number;
  private readonly stepsPerPress: number;

  constructor(
    private readonly store: LabStore,
    private readonly client: LabApi,
    private readonly options: LabControllerOptions,
  ) {
    this.debounceMs = options.debounceMs ?? 200;
    this.stepsPerPress = options.stepsPerPress ?? 1;
    this.restoreText = options.restoreText ?? null;
    this.panel.attach(client);
  }

  /** Configures the worker for the current params now, then follows changes. Returns a stop function. */
  start(): () => void {
    if (this.shown) this.requestConfigure(0);
    else this.dirty = true;
    const unsubscribe = this.store.subscribe((state, previous) => {
      const paramsChanged = LAB_KEYS.some((key) => state.params[key] !== previous.params[key]);
      const drawingChanged =
        state.params.dataset === 'drawn' && state.drawnVersion !== previous.drawnVersion;
      if (paramsChanged || drawingChanged) this.follow(drawingChanged, this.debounceMs);
    });
    return () => {
      unsubscribe();
      if (this.timer) clearTimeout(this.timer);
      this.panel.beginRun();
    };
  }

  private get state() {
    return this.store.getState();
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = async () => {
      try {
        await task();
      } catch (error) {
        this.state.setRun({ phase: 'error', busy: false, error: messageOf(error) });
      }
    };
    this.queue = this.queue.then(run);
    return this.queue;
  }

  /** A param or the drawing changed: rebuild, tune the running session, or (hidden) note it for later. */
  private follow(drawingChanged: boolean, delayMs: number): void {
    if (!this.shown) {
      this.dirty = true;
      return;
    }
    const next = toLabParams(this.state.params);
    const changes = paramChanges(LAB_PARAM_TABLE, this.sent, next);
    const { phase } = this.state.run;
    const modelThere = (phase === 'ready' || phase === 'training') && this.timer === null;
    if (modelThere && !drawingChanged && changes.rebuild.length === 0) {
      if (changes.live.length > 0) this.tune(next);
      return;
    }
    // A rebuild; or no model in place yet (the rebuild that comes then carries live params too).
    if (drawingChanged || changes.rebuild.length > 0 || changes.live.length > 0) this.requestConfigure(delayMs);
  }

  /** Hands live params to the worker: applied on its next step, training and the curve go on. */
  private tune(params: LabParams): void {
    this.sent = params;
    const options = this.sentOptions;
    void this.enqueue(async () => {
      await this.client.labConfigure(params, options);
    });
  }

  /**
   * The lab's panel was shown or left. Leaving pauses training (the user resumes it); changes
   * made while it was away (another panel, the tour) are applied on return.
   */
  setShown(shown: boolean): void {
    if (shown === this.shown) return;
    this.shown = shown;
    if (!shown) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
        this.dirty = true;
      }
      void this.pause();
      return;
    }
    if (!this.dirty) return;
    this.dirty = false;
    this.follow(this.sent === null, 0);
  }

  private requestConfigure(delayMs: number): void {
    if (this.state.run.phase === 'training') this.resumeAfterConfigure = true;
    this.panel.beginRun();
    this.state.setRun({ phase: 'configuring', error: null });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.enqueue(() => this.configureNow());
    }, delayMs);
  }

  private async configureNow(): Promise<void> {
    const run = this.panel.beginRun();
    const stale = () => !this.panel.isCurrent(run);
    const { params, drawnPoints, setRun, setFrame, setModelInfo } = this.state;
    if (params.dataset === 'drawn' && drawnPoints.length < 2) {
      await this.client.labPause();
      if (stale()) return;
      setModelInfo(null);
      setFrame(null);
      setRun({ phase: 'needs-data', busy: false, error: null });
      return;
    }
    const drawn = params.dataset === 'drawn';
    const presetText = drawn
      ? null
      : await this.presetOrFresh(params.dataset, presetFlowKey(params.flow, params.transform));
    if (stale()) return;
    this.sent = toLabParams(params);
    this.sentOptions = { presetText, drawnPoints: drawn ? drawnPoints.slice() : null };
    const info = await this.client.labConfigure(this.sent, this.sentOptions);
    if (stale()) return;
    setModelInfo(info);
    const frame = await this.client.labFrame();
    if (stale()) return;
    setFrame(frame);
    setRun({ phase: 'ready', busy: false, error: null });
    const restore = this.restoreText;
    if (restore) {
      this.restoreText = null;
      void this.importModel(restore);
    }
    if (this.resumeAfterConfigure) {
      this.resumeAfterConfigure = false;
      this.train();
    }
  }

  /**
   * The preset's text, or null (fresh weights) when there is none or it could not be fetched;
   * in the second case a notice says so, and its retry (by hand, or when the browser is back
   * online) rebuilds the model from the preset.
   */
  private async presetOrFresh(dataset: string, flow: string): Promise<string | null> {
    const problems = useLoadProblems.getState();
    try {
      const text = await this.options.presets.load(dataset, flow);
      problems.clear('lab-preset');
      return text;
    } catch (error) {
      if (!isPresetUnavailable(error)) throw error;
      problems.report({
        id: 'lab-preset',
        text: `The pretrained ${flow.replace('-', ' ').toUpperCase()} for ${dataset} could not be loaded (the network did not answer), so the model starts from fresh weights. The preset loads by itself when the network is back.`,
        retry: () => this.requestConfigure(0),
      });
      return null;
    }
  }

  /** Starts training (from "ready"); frames then arrive at the worker's adaptive rate. */
  train(): void {
    if (this.state.run.phase !== 'ready' || this.state.run.busy) return;
    const run = this.panel.beginRun();
    this.state.setRun({ phase: 'training', error: null });
    void this.enqueue(async () => {
      if (!this.panel.isCurrent(run)) return;
      await this.client.labStart((frame) => this.receiveTrainingFrame(run, frame));
    });
  }

  private receiveTrainingFrame(run: number, frame: LabFrame): void {
    if (!this.panel.isCurrent(run) || this.state.run.phase !== 'training') return;
    this.state.setFrame(frame);
    // The worker stopped by itself (a rejected non-finite step): frame.message says why.
    if (!frame.training) this.state.setRun({ phase: 'ready' });
  }

  /** Stops training, then shows a full-resolution frame of the paused model. */
  pause(): Promise<void> {
    this.resumeAfterConfigure = false;
    this.pausedByHold = false;
    if (this.state.run.phase !== 'training') return this.queue;
    const run = this.panel.beginRun();
    this.state.setRun({ phase: 'ready', busy: true });
    return this.enqueue(async () => {
      await this.client.labPause();
      const frame = await this.client.labFrame();
      if (!this.panel.isCurrent(run)) return;
      this.state.setFrame(frame);
      this.state.setRun({ busy: false });
    });
  }

  /** Runs `count` (by default `stepsPerPress`) training steps while paused. */
  step(count = this.stepsPerPress): Promise<void> {
    if (this.state.run.phase !== 'ready' || this.state.run.busy) return this.queue;
    const run = this.panel.latestRun;
    this.state.setRun({ busy: true });
    return this.enqueue(async () => {
      const frame = await this.client.labStep(count);
      if (!this.panel.isCurrent(run)) return;
      this.state.setFrame(frame);
      this.state.setRun({ busy: false });
    });
  }

  /** Rebuilds the model (the preset where one fits, else fresh) and discards the training. */
  reset(): Promise<void> {
    const { phase, busy } = this.state.run;
    if (!(phase === 'ready' || phase === 'training' || phase === 'error') || busy)
      return this.queue;
    this.resumeAfterConfigure = false;
    const run = this.panel.beginRun();
    this.state.setRun({ phase: 'configuring', busy: true, error: null });
    return this.enqueue(async () => {
      const info = await this.client.labReset();
      const frame = await this.client.labFrame();
      if (!this.panel.isCurrent(run)) return;
      this.state.setModelInfo(info);
      this.state.setFrame(frame);
      this.state.setRun({ phase: 'ready', busy: false });
    });
  }

  /**
   * Loads a model file into the worker (training stops) and matches the params (flow, layers,
   * hidden) to it. Resolves to null, or to a message naming what is wrong with the file.
   */
  importModel(text: string): Promise<string | null> {
    // A Step or Reset still running is fine: worker calls run one at a time, so the import
    // follows it. Refused only before the worker is there, or while a settings change waits
    // to rebuild the model (it would replace the imported one).
    const { phase } = this.state.run;
    if (phase === 'waiting' || this.timer !== null) {
      return Promise.resolve('the lab is busy; try again in a moment');
    }
    this.resumeAfterConfigure = false;
    const run = this.panel.beginRun();
    this.state.setRun({ phase: 'configuring', busy: true, error: null });
    let problem: string | null = null;
    return this.enqueue(async () => {
      try {
        await this.client.labPause();
        const info = await this.client.labImportModel(text);
        const frame = await this.client.labFrame();
        if (!this.panel.isCurrent(run)) return;
        // The worker holds the imported model with these params: matching the store to them
        // is then no change to follow (follow() compares with what the worker was given).
        this.sent = frame.params;
        this.state.setParams({
          flow: frame.params.flow,
          layers: frame.params.layers,
          hidden: frame.params.hidden,
        });
        this.state.setModelInfo(info);
        this.state.setFrame(frame);
      } catch (error) {
        problem = messageOf(error);
      }
      // A refused file leaves the previous model in place (the worker loads nothing half-way).
      this.state.setRun({ phase: 'ready', busy: false });
    }).then(() => problem);
  }

  /** Model-file JSON of the current model (weights as trained so far). */
  exportModel(): Promise<string> {
    return this.client.labExportModel();
  }

  /**
   * Shows a fresh frame after the worker changed the model by itself (it moved to another
   * backend when the GPU was lost); training, if it ran, has stopped.
   */
  refresh(): Promise<void> {
    const { phase } = this.state.run;
    if (phase !== 'ready' && phase !== 'training') return this.queue;
    this.resumeAfterConfigure = false;
    const run = this.panel.beginRun();
    this.state.setRun({ phase: 'ready', busy: true });
    return this.enqueue(async () => {
      const frame = await this.client.labFrame();
      if (!this.panel.isCurrent(run)) return;
      this.state.setFrame(frame);
      this.state.setRun({ busy: false });
    });
  }

  /** A hidden tab pauses training; it resumes when the tab is shown again. */
  setPageHidden(hidden: boolean): void {
    this.setHold('hidden', hidden);
  }

  /**
   * Turns one hold on or off (`hidden`, `slide`, `offscreen`). Training that runs when the
   * first hold begins pauses, and resumes when the last hold lifts; training the user paused
   * stays paused.
   */
  setHold(reason: string, on: boolean): void {
    const wasHeld = this.holds.size > 0;
    if (on) this.holds.add(reason);
    else this.holds.delete(reason);
    const held = this.holds.size > 0;
    if (held && !wasHeld && this.state.run.phase === 'training') {
      void this.pause();
      this.pausedByHold = true;
    } else if (!held && wasHeld && this.pausedByHold) {
      this.pausedByHold = false;
      void this.queue.then(() => this.train());
    }
  }
}
