import { describe, expect, it } from 'vitest';
import { noun, plural } from '../../../src/core/plural';

describe('plural forms in messages', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(plural(1, 'point')).toBe('1 point');
    expect(plural(0, 'point')).toBe('0 points');
    expect(plural(2, 'step')).toBe('2 steps');
    expect(plural(1, 'matrix', 'matrices')).toBe('1 matrix');
    expect(plural(3, 'matrix', 'matrices')).toBe('3 matrices');
    expect(`Paused after ${(1).toLocaleString('en')} ${noun(1, 'step')}.`).toBe(
      'Paused after 1 step.',
    );
  });
});
