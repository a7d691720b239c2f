/**
 * The lecture layer of the shell: theme and presenter mode on the document, the page's
 * shortcuts, a linked tour step (`?tour=3`) applied at start-up, and the tour card's slot.
 */
import { Suspense } from 'react';
import { useLabStore } from '../state/lab-store';
import { lazyWithRetry } from './chunk-retry';
import { PanelErrorBoundary } from './PanelErrorBoundary';
import { useDocumentTheme } from './theme';
import { applyLinkedTourStep } from './tour/tour-nav';
import { useShortcuts } from './useShortcuts';
import './themes.css';

// A linked step sets its panel before the first render, so the page opens on that panel.
applyLinkedTourStep();

const TourCard = lazyWithRetry(() => import('./tour/TourCard').then((m) => m.TourCard));

export function useLectureWiring(): void {
  const theme = useLabStore((s) => s.params.theme);
  const present = useLabStore((s) => s.params.present);
  useDocumentTheme(theme, present);
  useShortcuts();
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
