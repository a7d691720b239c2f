/**
 * The learning-rate schedule: warm-up to the peak, a half-cosine to the floor, the floor held;
 * continuous everywhere (no jump a student could see), and its text.
 */
import { describe, expect, it } from 'vitest';
import {
  DECAY_STEPS,
  FINAL_FRACTION,
  LAB_SCHEDULE,
  WARMUP_STEPS,
  constantSchedule,
  cosineSchedule,
  describeSchedule,
  formatRate,
  learningRateAt,
  trainedStepsOf,
} from '../../../../src/core/flow/lr-schedule';

describe('cosine learning-rate schedule', () => {
  const s = cosineSchedule(3e-3);

  it('warms up linearly, peaks at the end of the warm-up, and ends on the floor', () => {
    expect(learningRateAt(s, 0)).toBeCloseTo(3e-3 / WARMUP_STEPS, 12);
    expect(learningRateAt(s, WARMUP_STEPS - 1)).toBeCloseTo(3e-3, 12);
    expect(learningRateAt(s, WARMUP_STEPS)).toBeCloseTo(3e-3, 12);
    // Halfway through the decay: the mean of peak and floor.
    const mid = WARMUP_STEPS + (DECAY_STEPS - WARMUP_STEPS) / 2;
    expect(learningRateAt(s, mid)).toBeCloseTo(3e-3 * (1 + FINAL_FRACTION) / 2, 12);
    expect(learningRateAt(s, DECAY_STEPS)).toBeCloseTo(3e-3 * FINAL_FRACTION, 12);
    expect(learningRateAt(s, 1e6)).toBeCloseTo(3e-3 * FINAL_FRACTION, 12);
  });

  it('rises through the warm-up, falls through the decay, and never jumps by more than one warm-up increment', () => {
    let previous = learningRateAt(s, 0);
    for (let t = 1; t < DECAY_STEPS + 50; t++) {
      const now = learningRateAt(s, t);
      if (t < WARMUP_STEPS) expect(now).toBeGreaterThan(previous);
      else expect(now).toBeLessThanOrEqual(previous + 1e-15);
      expect(Math.abs(now - previous)).toBeLessThanOrEqual(3e-3 / WARMUP_STEPS + 1e-15);
      previous = now;
    }
  });

  it('is positive and finite for every step, including the position of a long-trained preset', () => {
    for (const t of [0, 1, 99, 100, 2999, 3000, 6000, 1e9]) {
      const v = learningRateAt(s, t);
      expect(Number.isFinite(v) && v > 0).toBe(true);
    }
  });

  it('a constant schedule ignores the step', () => {
    const c = constantSchedule(1e-3);
    expect(learningRateAt(c, 0)).toBe(1e-3);
    expect(learningRateAt(c, 5000)).toBe(1e-3);
    expect(describeSchedule(c)).toBe('1e-3 (constant)');
  });

  it('the lab shape is the default cosine one', () => {
    expect({ ...LAB_SCHEDULE, peak: 3e-3 }).toEqual(s);
  });

  it('describes itself in the units a student reads', () => {
    expect(describeSchedule(s)).toBe('3e-3 → cosine to 1.5e-4 by step 3,000');
    expect(formatRate(0.5)).toBe('0.5');
    expect(formatRate(1e-5)).toBe('1e-5');
  });

  it('reads the trained steps of a model file, 0 when absent or malformed', () => {
    expect(trainedStepsOf({ steps: 6000 })).toBe(6000);
    expect(trainedStepsOf({ steps: '6000' })).toBe(0);
    expect(trainedStepsOf({ steps: -3 })).toBe(0);
    expect(trainedStepsOf(undefined)).toBe(0);
  });
});
