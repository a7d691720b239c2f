/**
 * The lecture layer of the shell: theme and presenter mode on the document, the page's
 * shortcuts, `?hide=` on the document, a linked tour step (`?tour=3`) applied at start-up, and the tour card's slot.
 */
import { Suspense, useLayoutEffect } from 'react';
import { useLabStore } from '../state/lab-store';
import { lazyWithRetry } from './chunk-retry';
import { PanelErrorBoundary } from './PanelErrorBoundary';
import { useDocumentTheme } from './theme';
import { applyLinkedTourStep } from './tour/tour-nav';
import { useShortcuts } from './useShortcuts';
import './themes.css';
import './fit.css';
import './present.css';
import './phone.css';

// A linked step sets its panel before the first render, so the page opens on that panel.
applyLinkedTourStep();

const TourCard = lazyWithRetry(() => import('./tour/TourCard').then((m) => m.TourCard));

export function useLectureWiring(): void {
  const theme = useLabStore((s) => s.params.theme);
  const present = useLabStore((s) => s.params.present);
  useDocumentTheme(theme, present);
  useHiddenParts();
  useShortcuts();
}

/** `?hide=` on `<html data-hide>`, where app/fit.css hides the other panels' secondary parts. */
function useHiddenParts(): void {
  const hide = useLabStore((s) => s.params.hide);
  const value = hide.join(' ');
  useLayoutEffect(() => {
    const root = document.documentElement;
    if (value) root.dataset.hide = value;
    else delete root.dataset.hide;
  }, [value]);
}

/**
 * The open tour step's card (nothing while the tour is closed). Its own error boundary keeps
 * a card that cannot load (offline) from taking the page down.
 */
export function TourSlot() {
  const tour = useLabStore((s) => s.params.tour);
  if (tour === 0) return null;
  return (
    <PanelErrorBoundary title="Guided tour" probe={false}>
      <Suspense fallback={null}>
        <TourCard index={tour} />
      </Suspense>
    </PanelErrorBoundary>
  );
}
