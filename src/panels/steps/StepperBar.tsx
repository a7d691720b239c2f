import type { Stepper } from './use-stepper';

interface StepperBarProps {
  stepper: Stepper;
  total: number;
  /** "network passes: k of D" or "network passes: k". */
  counter: string;
  /** The whole stack's passes for this direction, e.g. "whole flow: 3 layers × 4 = 12 passes". */
  stackTotal: string;
  disabled: boolean;
}

/** Previous / Next / Play / Reset (keys ←, →, space, R) and the pass counter. */
export function StepperBar({ stepper, total, counter, stackTotal, disabled }: StepperBarProps) {
  const { position, playing } = stepper;
  return (
    <div className="steps-bar">
      <div className="steps-buttons" role="group" aria-label="Stepper">
        <button
          type="button"
          onClick={stepper.previous}
          disabled={disabled || position === 0}
          aria-keyshortcuts="ArrowLeft"
        >
          Previous step
        </button>
        <button
          type="button"
          onClick={stepper.next}
          disabled={disabled || position >= total}
          aria-keyshortcuts="ArrowRight"
        >
          Next step
        </button>
        <button
          type="button"
          onClick={stepper.togglePlay}
          disabled={disabled}
          aria-keyshortcuts="Space"
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={stepper.reset} disabled={disabled} aria-keyshortcuts="R">
          Reset
        </button>
      </div>
      <p className="steps-counter" aria-live="polite" data-testid="pass-counter">
        {counter}
      </p>
      <p className="muted steps-stack-total">{stackTotal}</p>
    </div>
  );
}
