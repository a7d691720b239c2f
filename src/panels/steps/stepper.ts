/**
 * The stepper's position within one layer: 0 (nothing computed) … total (every variable).
 * One step is one network pass and its update. Play advances one step per tick and stops at
 * the end; Play at the end starts over.
 */
export interface StepperState {
  position: number;
  playing: boolean;
}

export type StepperAction =
  { type: 'next' | 'tick' | 'play'; total: number } | { type: 'previous' | 'reset' | 'pause' };

export const INITIAL_STEPPER: StepperState = { position: 0, playing: false };

export function stepperReducer(state: StepperState, action: StepperAction): StepperState {
  switch (action.type) {
    case 'next':
      return { position: Math.min(action.total, state.position + 1), playing: false };
    case 'previous':
      return { position: Math.max(0, state.position - 1), playing: false };
    case 'reset':
      return INITIAL_STEPPER;
    case 'pause':
      return state.playing ? { ...state, playing: false } : state;
    case 'play':
      if (state.playing) return { ...state, playing: false };
      return { position: state.position >= action.total ? 0 : state.position, playing: true };
    case 'tick': {
      const position = Math.min(action.total, state.position + 1);
      return { position, playing: position < action.total };
    }
  }
}

const NON_TEXT_INPUTS = /^(radio|checkbox|range|button|submit|reset|color|file|image)$/;

/**
 * True when a key press belongs to the focused element (the stepper leaves it alone): every
 * key in a text field; arrows, Space and Enter on a radio, checkbox, slider or select (they
 * move or toggle it). R after clicking such a control still resets the stepper.
 */
export function keyBelongsToTarget(
  target: { tagName?: string; isContentEditable?: boolean; type?: string } | null,
  key: string,
): boolean {
  if (!target) return false;
  const tag = (target.tagName ?? '').toLowerCase();
  if (tag === 'textarea' || target.isContentEditable === true) return true;
  const control = tag === 'select' || (tag === 'input' && NON_TEXT_INPUTS.test((target.type ?? 'text').toLowerCase()));
  if (tag === 'input' && !control) return true;
  return control && /^(Arrow(Up|Down|Left|Right)|PageUp|PageDown|Home|End| |Spacebar|Enter)$/.test(key);
}

/** The stepper command of a key, or null: →, ←, space, R. */
export function keyCommand(key: string): 'next' | 'previous' | 'play' | 'reset' | null {
  if (key === 'ArrowRight') return 'next';
  if (key === 'ArrowLeft') return 'previous';
  if (key === ' ' || key === 'Spacebar') return 'play';
  if (key === 'r' || key === 'R') return 'reset';
  return null;
}
