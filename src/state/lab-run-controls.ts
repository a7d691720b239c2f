/**
 * The density lab's run controls, the commands its panel calls: Train, Pause, Step, Reset,
 * model import and export, a redraw after the worker moved the model, and the page holds.
 * Worker calls run one at a time (a promise queue); a command that replaces the work in flight
 * takes the next run of the panel's controller (state/panel-controller.ts), and a reply whose
 * run is no longer current is dropped. The subclass, state/lab-controller.ts, follows the
 * store: it builds and tunes the worker's model.
 */
import type { LabApi, LabConfigureOptions, LabFrame, LabParams } from '../compute/lab/protocol';
import { TrainingHolds } from './lab-holds';
import type { LabStore } from './lab-store';
import { PanelController } from './panel-controller';

/**
 * A change the lab follows: whether the drawing changed (null: if the worker was never
 * configured, which is how a return from hidden sees it) and how long a rebuild waits.
 */
export interface LabChange {
  drawingChanged: boolean | null;
  delayMs: number;
}
/** What a change made while hidden applies on return: everything since the last configure, at once. */
export const ON_RETURN: LabChange = { drawingChanged: null, delayMs: 0 };

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^Error: /, '');
}

export abstract class LabRunControls {
  /**
   * The lab's client, run counter and shown/dirty state (the one page-side controller shape);
   * the lab takes its runs itself, as a live change must not make the training run stale.
   */
  protected readonly panel = new PanelController<LabApi, LabChange>((_client, change) => this.follow(change), true);
  protected queue: Promise<void> = Promise.resolve();
  /** A rebuild that waits (debounced), or null. */
  protected timer: ReturnType<typeof setTimeout> | null = null;
  /**
   * Training ran when the pending rebuild was asked for: it resumes once the model is there.
   * Kept as its own fact: the phase then reads "configuring", and the fact outlives a rebuild
   * that failed (the next successful one resumes) until a command replaces it (Pause, Reset,
   * import, a redraw).
   */
  protected resumeAfterConfigure = false;
  private readonly holds = new TrainingHolds({
    isTraining: () => this.state.run.phase === 'training',
    pause: () => void this.pause(),
    resume: () => void this.queue.then(() => this.train()),
  });
  /** The params and options the worker was last given (null before the first configure). */
  protected sent: LabParams | null = null;
  protected sentOptions: LabConfigureOptions = {};

  constructor(
    protected readonly store: LabStore,
    protected readonly client: LabApi,
    /** Training steps per press of "Step". */
    private readonly stepsPerPress: number,
  ) {
    this.panel.setShown(true);
    this.panel.attach(client);
  }

  /** Applies a change of the params or the drawing (called by the panel's controller while shown). */
  protected abstract follow(change: LabChange): void;

  protected get state() {
    return this.store.getState();
  }

  protected enqueue(task: () => Promise<void>): Promise<void> {
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
    this.holds.forget();
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
  /** Turns one hold on or off (`hidden`, `slide`, `offscreen`, `compare`; state/lab-holds.ts). */
  setHold(reason: string, on: boolean): void {
    this.holds.set(reason, on);
  }
}
