/**
 * Drives the compute worker from the store: rebuilds the model when a rebuild param or the
 * drawing changes (debounced), and hands a live param (learning rate, batch size) to the
 * running session without stopping it (LAB_PARAM_TABLE decides which is which). The Train /
 * Pause / Step / Reset commands, the worker-call queue and the page holds are its base class's
 * (state/lab-run-controls.ts); the run counter of the panel's controller
 * (state/panel-controller.ts) drops training frames and replies that arrive after the model or
 * the run they belong to was replaced.
 * While the lab's panel is not shown the controller does no work: the panel's controller
 * marks it dirty, and what changed is applied at once when the panel is shown again. Leaving
 * pauses training and drops a rebuild that waited (it is made on return).
 */
import type { LabApi, LabParams } from '../compute/lab/protocol';
import { paramChanges } from '../core/session/param-table';
import { LAB_PARAM_TABLE } from '../core/session/session-params';
import { LAB_KEYS, toLabParams } from './lab-params';
import { presetOrFresh } from './lab-preset-source';
import { LabRunControls, ON_RETURN, type LabChange } from './lab-run-controls';
import type { LabStore } from './lab-store';
import { presetFlowKey, type PresetLoader } from './presets';

export interface LabControllerOptions {
  presets: PresetLoader;
  /** Param changes within this many ms are coalesced into one rebuild (typing, sliders). */
  debounceMs?: number;
  /** Training steps per press of "Step". */
  stepsPerPress?: number;
  /** A model file to load after the first configure: the last weights of a worker that was replaced. */
  restoreText?: string | null;
}

export class LabController extends LabRunControls {
  private restoreText: string | null;
  private readonly debounceMs: number;

  constructor(
    store: LabStore,
    client: LabApi,
    private readonly options: LabControllerOptions,
  ) {
    super(store, client, options.stepsPerPress ?? 1);
    this.debounceMs = options.debounceMs ?? 200;
    this.restoreText = options.restoreText ?? null;
  }

  /** Configures the worker for the current params now, then follows changes. Returns a stop function. */
  start(): () => void {
    this.panel.setParams(ON_RETURN);
    const unsubscribe = this.store.subscribe((state, previous) => {
      const paramsChanged = LAB_KEYS.some((key) => state.params[key] !== previous.params[key]);
      const drawingChanged =
        state.params.dataset === 'drawn' && state.drawnVersion !== previous.drawnVersion;
      if (!paramsChanged && !drawingChanged) return;
      // Hidden, the panel's controller only marks the lab dirty; the change waits for the return.
      this.panel.setParams(this.panel.shown ? { drawingChanged, delayMs: this.debounceMs } : ON_RETURN);
    });
    return () => {
      unsubscribe();
      if (this.timer) clearTimeout(this.timer);
      this.panel.beginRun();
    };
  }

  /** A param or the drawing changed (the panel is shown): rebuild, or tune the running session. */
  protected follow({ drawingChanged: changed, delayMs }: LabChange): void {
    const drawingChanged = changed ?? this.sent === null;
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
    if (shown === this.panel.shown) return;
    this.panel.setShown(shown); // shown again: applies what changed meanwhile, once
    if (shown) return;
    if (this.timer) {
      // The rebuild that waited is dropped; it is made on return.
      clearTimeout(this.timer);
      this.timer = null;
      this.panel.setParams(ON_RETURN);
    }
    void this.pause();
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
      : await presetOrFresh(this.options.presets, params.dataset, presetFlowKey(params.flow, params.transform), () =>
          this.requestConfigure(0),
        );
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
}
