import { describe, expect, it } from 'vitest';
import { timeToTarget, type Check } from '../../../../scripts/bench/time-to-target';

const check = (step: number, distance: number): Check => ({ step, seconds: step / 10, distance });

describe('timeToTarget', () => {
  it('returns the first check within the target, not a later or better one', () => {
    const checks = [check(100, 0.9), check(200, 0.2), check(300, 0.14), check(400, 0.1)];
    expect(timeToTarget(checks, 0.15)).toEqual({ step: 300, seconds: 30 });
  });

  it('counts a distance equal to the target as reached', () => {
    expect(timeToTarget([check(100, 0.5), check(200, 0.15)], 0.15)).toEqual({ step: 200, seconds: 20 });
  });

  it('keeps the first arrival when the distance later rises past the target', () => {
    expect(timeToTarget([check(100, 0.1), check(200, 0.4)], 0.15)).toEqual({ step: 100, seconds: 10 });
  });

  it('orders the checks by step', () => {
    expect(timeToTarget([check(300, 0.1), check(100, 0.12), check(200, 0.5)], 0.15)).toEqual({ step: 100, seconds: 10 });
  });

  it('ignores NaN and infinite distances and returns null when nothing reached the target', () => {
    expect(timeToTarget([check(100, Number.NaN), check(200, -Infinity), check(300, 0.2)], 0.15)).toBeNull();
    expect(timeToTarget([], 0.15)).toBeNull();
  });
});
