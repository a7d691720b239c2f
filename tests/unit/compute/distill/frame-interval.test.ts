/**
 * The distillation's training frames: their cost (KL estimate, held-out NLL, density grid) stays
 * a small share of the training time, and a frame still comes at least every 2 s.
 */
import { describe, expect, it } from 'vitest';
import { frameInterval } from '../../../../src/compute/distill/session';

describe('frameInterval', () => {
  it('keeps frames to at most 1/7 of the time up to 2-s intervals, never more often than twice a second', () => {
    for (const frameMs of [0, 1, 10, 50, 83, 84, 100, 200, 333]) {
      const interval = frameInterval(frameMs);
      expect(interval).toBeGreaterThanOrEqual(500);
      expect(interval).toBeLessThanOrEqual(2000);
      expect(frameMs / (frameMs + interval)).toBeLessThanOrEqual(1 / 7);
    }
    // A frame slower than 2 s / 6: the 2-s cap wins, so the page still hears from training.
    expect(frameInterval(1000)).toBe(2000);
  });
});
