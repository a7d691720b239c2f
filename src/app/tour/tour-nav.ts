/**
 * Moving through the guided tour: a step sets `?tour=` and the state the step names (panel,
 * data set, flow, D, direction) in one store update, so the address bar shows a link to it.
 */
import { TOUR_LENGTH, TOUR_STEPS } from '../../content/tour';
import { labStore } from '../../state/lab-store';
import { PANEL_IDS, type PanelId, type UrlState } from '../../state/url-schema';
import { PANEL_COMPONENTS } from '../panel-registry';

/** Panels this build can show: a URL id with a registered component. */
export const AVAILABLE_PANELS: readonly PanelId[] = PANEL_IDS.filter((id) =>
  Object.hasOwn(PANEL_COMPONENTS, id),
);

/** The params step `index` (1-based) sets in this build. */
export function tourPatch(index: number): Partial<UrlState> {
  const step = TOUR_STEPS[index - 1];
  if (!step) return {};
  return { ...step.view.state, tour: index, panel: step.view.panel };
}

/** Opens the tour at step `index` (clamped to 1 … TOUR_LENGTH). */
export function goToTourStep(index: number): void {
  const clamped = Math.min(TOUR_LENGTH, Math.max(1, Math.round(index)));
  labStore.getState().setParams(tourPatch(clamped));
}

export function closeTour(): void {
  labStore.getState().setParam('tour', 0);
}

/** Moves by `delta` steps when the tour is open; returns whether it was. */
export function moveTour(delta: number): boolean {
  const current = labStore.getState().params.tour;
  if (current === 0) return false;
  goToTourStep(current + delta);
  return true;
}

/**
 * A linked step (`?tour=5`): applies its state once at start-up, except for the params the
 * link itself spells out (`?tour=5&dim=6` keeps D = 6).
 */
export function applyLinkedTourStep(): void {
  const { params, linkedKeys } = labStore.getState();
  if (params.tour === 0) return;
  const patch = tourPatch(params.tour) as Record<string, unknown>;
  for (const key of linkedKeys) delete patch[key];
  labStore.getState().setParams(patch as Partial<UrlState>);
}
