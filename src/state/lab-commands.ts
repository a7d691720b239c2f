/**
 * The page's one lab controller and the commands panels call. The app attaches the worker
 * client once the worker is ready; before that, the commands do nothing (phase "waiting").
 */
import type { LabApi } from '../compute/lab/protocol';
import { serializeAnyModel } from '../core/flow/model-file';
import { LabController } from './lab-controller';
import { labStore } from './lab-store';
import { usePageHold, type HoldReason } from './page-hold';
import { pagePresets, presetFlowKey, type PresetLoader } from './presets';

let active: LabController | null = null;
let stopActive: (() => void) | null = null;
/** Whether the density lab's panel is shown (the controller works only then). */
let labShown = true;

/**
 * Starts fetching the preset for the current params, so it is at hand when the worker is
 * ready, and shows its precomputed density preview meanwhile (until the first live frame, and
 * only while the params still name that preset).
 */
export function prefetchPreset(): void {
  const { dataset, flow: family, transform } = labStore.getState().params;
  const flow = presetFlowKey(family, transform);
  if (dataset === 'drawn') return;
  // Offline, the lab's own configure reports it; the prefetch stays quiet.
  void pagePresets.load(dataset, flow).catch(() => null);
  void pagePresets.loadPreview(dataset, flow).then((preview) => {
    const state = labStore.getState();
    if (!preview || state.frame || state.params.dataset !== dataset || presetFlowKey(state.params.flow, state.params.transform) !== flow) return;
    state.setPreview({ ...preview, dataset, flow });
  });
}

/**
 * After the first attach: the model as of the last drawn frame (its weights come with every
 * frame), as model-file text, so a replaced worker (crashed, hung) goes on from it.
 */
function rescuedModel(): string | null {
  if (!active) return null;
  const frame = labStore.getState().frame;
  if (!frame?.weights) return null;
  return JSON.stringify(serializeAnyModel(frame.weights, { dataset: frame.params.dataset }));
}

/** Connects the lab to a worker client and configures it for the current params. */
export function attachLabClient(client: LabApi, presets: PresetLoader = pagePresets): void {
  stopActive?.();
  active = new LabController(labStore, client, { presets, restoreText: rescuedModel() });
  active.setShown(labShown);
  for (const reason of usePageHold.getState().reasons) active.setHold(reason, true);
  stopActive = active.start();
}

/** Pauses training while the document is hidden (and resumes when it is shown). Returns an unsubscribe. */
export function pauseWhenHidden(doc: Document): () => void {
  const onChange = () => active?.setPageHidden(doc.visibilityState === 'hidden');
  doc.addEventListener('visibilitychange', onChange);
  return () => doc.removeEventListener('visibilitychange', onChange);
}

/**
 * Pauses training while the page is held (state/page-hold.ts: slide hidden, frame out of
 * view) and resumes it after. Returns an unsubscribe.
 */
export function pauseWhileHeld(): () => void {
  const apply = (reasons: readonly HoldReason[]) => {
    for (const reason of ['slide', 'offscreen'] as const) active?.setHold(reason, reasons.includes(reason));
  };
  return usePageHold.subscribe((state, previous) => {
    if (state.reasons !== previous.reasons) apply(state.reasons);
  });
}

/**
 * The lab's panel was shown or left: while it is not shown the lab does no compute (training
 * pauses; param changes from other panels or the tour are applied on return).
 */
export function setLabShown(shown: boolean): void {
  labShown = shown;
  active?.setShown(shown);
}

/**
 * Holds the lab's training for a reason of the page (e.g. `compare`: the comparison view uses
 * the same worker, and its timings would mix with training), resuming it when the last hold lifts.
 */
export function holdLab(reason: string, on: boolean): void {
  active?.setHold(reason, on);
}

export const labCommands = {
  train: (): void => active?.train(),
  pause: (): void => void active?.pause(),
  step: (): void => void active?.step(),
  /** Runs n steps (1 … 1000) while paused, e.g. for an embedding host's `flowlab:step`. */
  stepMany: (n: number): void => void active?.step(Math.max(1, Math.min(1000, Math.floor(n)))),
  reset: (): void => void active?.reset(),
  /** Redraws from the worker's model (after the worker moved it to another backend). */
  refresh: (): void => void active?.refresh(),
  /** Loads a model file; resolves to null or a message naming the problem. */
  importModel: (text: string): Promise<string | null> =>
    active ? active.importModel(text) : Promise.resolve('the lab has not started yet'),
  /** The current model as model-file JSON, or null before the lab has a model. */
  exportModel: (): Promise<string | null> => (active ? active.exportModel() : Promise.resolve(null)),
};
