/**
 * The guided tour's card: "Step 3 of 10", the step's title, explanation and equation, what to
 * look at, and Previous / Next / Close. It sits in the page flow above the panel, so it never
 * covers a plot. Loaded on demand (it brings KaTeX).
 */
import { useCallback, useId } from 'react';
import { TOUR_LENGTH, TOUR_STEPS, tourPosition } from '../../content/tour';
import { Tex } from '../../panels/steps/Tex';
import { closeTour, goToTourStep } from './tour-nav';
import { useTourHighlight } from './useTourHighlight';
import './tour.css';

export function TourCard({ index }: { index: number }) {
  const step = TOUR_STEPS[index - 1];
  const titleId = useId();
  const view = step ? step.view : null;
  const panelArea = useCallback(() => document.querySelector<HTMLElement>('main.panel-area'), []);
  useTourHighlight(view?.highlight?.selector ?? null, panelArea);
  if (!step || !view) return null;
  return (
    <section className="tour-card" aria-labelledby={titleId} data-step={step.id}>
      <div className="tour-text">
        <p className="tour-position" aria-live="polite">
          {tourPosition(index)}
        </p>
        <h2 id={titleId}>{step.title}</h2>
        <p>{step.text}</p>
        {view.highlight && (
          <p className="tour-look">
            Look at: <strong>{view.highlight.label}</strong> (outlined).
          </p>
        )}
      </div>
      {/* Focusable: a long equation scrolls sideways on a narrow screen. */}
      <div className="tour-equation" role="group" aria-label="Equation" tabIndex={0}>
        <Tex tex={step.equation} display />
      </div>
      <div className="tour-buttons" role="group" aria-label="Tour">
        <button
          type="button"
          onClick={() => goToTourStep(index - 1)}
          disabled={index <= 1}
          aria-keyshortcuts="ArrowLeft PageUp"
        >
          Previous
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => goToTourStep(index + 1)}
          disabled={index >= TOUR_LENGTH}
          aria-keyshortcuts="ArrowRight PageDown"
        >
          Next
        </button>
        <button type="button" onClick={closeTour}>
          Close tour
        </button>
      </div>
    </section>
  );
}
