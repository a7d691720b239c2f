/**
 * The lecture layer of the shell: theme and presenter mode on the document, the page's
 * shortcuts, `?hide=` on the document, a linked tour step (`?tour=3`) applied at start-up, and the tour card's slot.
 */
import { lazy, Suspense, useLayoutEffect } from 'react';
import { useLabStore } from '../state/lab-store';
import { useDocumentTheme } from './theme';
import { applyLinkedTourStep } from './tour/tour-nav';
import { useShortcuts } from './useShortcuts';
import './themes.css';
import './fit.css';
import './phone.css';

// A linked step sets its panel before the first render, so the page opens on that panel.
applyLinkedTourStep();

const TourCard = lazy(() => import('./tour/TourCard').then((m) => ({ default: m.TourCard })));

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

/** The open tour step's card (nothing while the tour is closed). */
export function TourSlot() {
  const tour = useLabStore((s) => s.params.tour);
  if (tour === 0) return null;
  return (
    <Suspense fallback={null}>
      <TourCard index={tour} />
    </Suspense>
  );
}
