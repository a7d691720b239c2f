import { useEffect, useReducer } from 'react';
import { usePageHeld } from '../use-page-hold';
import {
  INITIAL_STEPPER,
  keyBelongsToTarget,
  keyCommand,
  stepperReducer,
  type StepperAction,
  type StepperState,
} from './stepper';

/** Milliseconds per step while playing. */
const PLAY_INTERVAL_MS = 900;

interface Keyed extends StepperState {
  key: string;
}

/** The stepper state for the walk named `key`; a new key starts at position 0. */
function keyedReducer(state: Keyed, action: StepperAction & { key: string }): Keyed {
  const base = state.key === action.key ? state : { key: action.key, ...INITIAL_STEPPER };
  return { key: action.key, ...stepperReducer(base, action) };
}

export interface Stepper extends StepperState {
  next(): void;
  previous(): void;
  reset(): void;
  togglePlay(): void;
}

/** Position and play state of a walk of `total` steps, with the →, ←, space, R keys. */
export function useStepper(total: number, key: string): Stepper {
  const [state, dispatch] = useReducer(keyedReducer, { key, ...INITIAL_STEPPER });
  const current = state.key === key ? state : { key, ...INITIAL_STEPPER };
  const position = Math.min(current.position, total);
  const held = usePageHeld();

  useEffect(() => {
    // A page hold (slide hidden, frame out of view) stops the ticks; play resumes after it.
    if (!current.playing || held) return;
    const timer = setInterval(() => dispatch({ type: 'tick', total, key }), PLAY_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [current.playing, held, total, key]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target as HTMLInputElement | null;
      const command = keyCommand(event.key);
      if (!command || keyBelongsToTarget(target, event.key)) return;
      // Space on a focused button presses that button; leave it to the browser.
      if (command === 'play' && target?.tagName?.toLowerCase() === 'button') return;
      event.preventDefault();
      dispatch(
        command === 'next' || command === 'play'
          ? { type: command, total, key }
          : { type: command, key },
      );
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [total, key]);

  return {
    position,
    playing: current.playing,
    next: () => dispatch({ type: 'next', total, key }),
    previous: () => dispatch({ type: 'previous', key }),
    reset: () => dispatch({ type: 'reset', key }),
    togglePlay: () => dispatch({ type: 'play', total, key }),
  };
}
