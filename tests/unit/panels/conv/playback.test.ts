import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import { advance, chunkSteps, stepsDue } from '../../../../src/panels/conv/playback';

describe('inverse animation pacing', () => {
  it('advances exactly speed·time steps over many uneven frames (the fraction carries)', () => {
    const rng = createRng(1);
    let carry = 0;
    let steps = 0;
    let elapsed = 0;
    for (let frame = 0; frame < 500; frame++) {
      const dt = 5 + 30 * rng.uniform();
      elapsed += dt;
      const due = stepsDue(dt, 96, carry);
      expect(due.carry).toBeGreaterThanOrEqual(0);
      expect(due.carry).toBeLessThan(1);
      steps += due.steps;
      carry = due.carry;
    }
    expect(steps).toBe(Math.floor((elapsed * 96) / 1000 + 1e-9));
  });

  it('caps a long pause (background tab) at one second of steps', () => {
    expect(stepsDue(60_000, 96).steps).toBe(96);
    expect(stepsDue(-5, 96).steps).toBe(0);
  });

  it('stops at the last step and pauses there', () => {
    const end = advance({ step: 190, total: 192, playing: true }, 10);
    expect(end).toEqual({ step: 192, total: 192, playing: false });
    expect(advance({ step: 5, total: 192, playing: true }, 1)).toEqual({
      step: 6,
      total: 192,
      playing: true,
    });
    expect(advance({ step: 0, total: 192, playing: false }, -3).step).toBe(0);
  });

  it('with reduced motion, jumps land on row boundaries and finish in H jumps', () => {
    const H = 8;
    const rowLength = 8 * 3;
    let state = { step: 0, total: H * rowLength, playing: true };
    let jumps = 0;
    while (state.playing) {
      state = advance(state, chunkSteps(state.step, rowLength));
      expect(state.step % rowLength).toBe(0);
      jumps++;
    }
    expect(state.step).toBe(H * rowLength);
    expect(jumps).toBe(H);
    // From the middle of a row, a jump completes that row.
    expect(chunkSteps(5, rowLength)).toBe(rowLength - 5);
  });
});
