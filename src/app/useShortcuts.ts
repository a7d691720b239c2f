/**
 * The page's key handler for the actions of the shortcut table (shortcuts.ts). It listens on
 * the document in the bubbling phase: a focused control that uses a key itself (a painter's
 * arrow keys) calls preventDefault first and keeps it; a key this handler uses is marked
 * handled, so the window-level stepper keys of the step-by-step panel leave it alone
 * (→ moves the tour while the tour is open, the network passes otherwise).
 */
import { useEffect } from 'react';
import { labCommands } from '../state/lab-commands';
import { labStore } from '../state/lab-store';
import { toggleFullscreen } from './fullscreen';
import { usePageUi } from './page-ui';
import { keyBelongsToTarget, shortcutAction, type ShortcutAction } from './shortcuts';
import { moveTour } from './tour/tour-nav';

function perform(action: ShortcutAction): void {
  const state = labStore.getState();
  switch (action) {
    case 'tour-next':
      moveTour(1);
      return;
    case 'tour-previous':
      moveTour(-1);
      return;
    case 'flow-maf':
      state.setParam('flow', 'maf');
      return;
    case 'flow-iaf':
      state.setParam('flow', 'iaf');
      return;
    case 'train-toggle':
      if (state.run.phase === 'training') labCommands.pause();
      else if (state.run.phase === 'ready' && !state.run.busy) labCommands.train();
      return;
    case 'lab-reset':
      labCommands.reset();
      return;
    case 'fullscreen':
      toggleFullscreen();
      return;
    case 'present-toggle':
      state.setParam('present', !state.params.present);
      return;
    case 'help':
      usePageUi.getState().setShortcutsOpen(true);
      return;
  }
}

/** Binds the shortcut table's actions to the page while mounted. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLInputElement | null;
      if (event.defaultPrevented || keyBelongsToTarget(target, event.key)) return;
      // While a modal dialog is open, its own keys (Tab, Escape) are all that apply.
      if (usePageUi.getState().shortcutsOpen || document.querySelector('dialog[open]')) return;
      const { params } = labStore.getState();
      const action = shortcutAction(event, { tourOpen: params.tour > 0, panel: params.panel });
      if (!action) return;
      if (event.repeat && action !== 'tour-next' && action !== 'tour-previous') return;
      event.preventDefault();
      perform(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
