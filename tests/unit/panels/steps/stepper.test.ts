import { describe, expect, it } from 'vitest';
import {
  INITIAL_STEPPER,
  keyBelongsToTarget,
  keyCommand,
  stepperReducer,
} from '../../../../src/panels/steps/stepper';

describe('stepper', () => {
  it('steps within 0 … total and resets', () => {
    let s = INITIAL_STEPPER;
    for (let k = 0; k < 6; k++) s = stepperReducer(s, { type: 'next', total: 4 });
    expect(s.position).toBe(4);
    s = stepperReducer(s, { type: 'previous' });
    expect(s.position).toBe(3);
    s = stepperReducer(s, { type: 'reset' });
    expect(s).toEqual(INITIAL_STEPPER);
    expect(stepperReducer(s, { type: 'previous' }).position).toBe(0);
  });

  it('plays one step per tick, stops at the end, and starts over from the end', () => {
    let s = stepperReducer(INITIAL_STEPPER, { type: 'play', total: 2 });
    expect(s).toEqual({ position: 0, playing: true });
    s = stepperReducer(s, { type: 'tick', total: 2 });
    expect(s).toEqual({ position: 1, playing: true });
    s = stepperReducer(s, { type: 'tick', total: 2 });
    expect(s).toEqual({ position: 2, playing: false });
    expect(stepperReducer(s, { type: 'play', total: 2 })).toEqual({ position: 0, playing: true });
    expect(stepperReducer({ position: 1, playing: true }, { type: 'play', total: 2 })).toEqual({
      position: 1,
      playing: false,
    });
    expect(stepperReducer({ position: 1, playing: true }, { type: 'next', total: 2 }).playing).toBe(
      false,
    );
  });

  it('maps →, ←, space and R, and ignores keys typed into form fields', () => {
    expect(['ArrowRight', 'ArrowLeft', ' ', 'r', 'R', 'x'].map(keyCommand)).toEqual([
      'next',
      'previous',
      'play',
      'reset',
      'reset',
      null,
    ]);
    expect(keyBelongsToTarget({ tagName: 'INPUT' }, 'r')).toBe(true);
    expect(keyBelongsToTarget({ tagName: 'DIV', isContentEditable: true }, ' ')).toBe(true);
    // After clicking a radio or select, R still resets; its arrows move the control.
    expect(keyBelongsToTarget({ tagName: 'INPUT', type: 'radio' }, 'r')).toBe(false);
    expect(keyBelongsToTarget({ tagName: 'SELECT' }, 'R')).toBe(false);
    expect(keyBelongsToTarget({ tagName: 'INPUT', type: 'radio' }, 'ArrowRight')).toBe(true);
    expect(keyBelongsToTarget({ tagName: 'SELECT' }, ' ')).toBe(true);
    expect(keyBelongsToTarget({ tagName: 'BUTTON' }, 'ArrowRight')).toBe(false);
    expect(keyBelongsToTarget(null, 'r')).toBe(false);
  });
});
