/**
 * The distillation's training frames: their cost (KL estimate, held-out NLL, density grid) stays
 * at most a tenth of the training time, a frame still comes at least every 2 s, and never more
 * often than twice a second.
 */
import { describe, expect, it } from 'vitest';
import { frameInterval } from '../../../../src/compute/distill/frame-cadence';

describe('frameInterval', () => {
  it('keeps frames to at most 1/10 of the time up to 2-s intervals, never more often than twice a second', () => {
    for (const frameMs of [0, 1, 10, 50, 55, 56, 83, 100, 150, 200, 222]) {
      const interval = frameInterval(frameMs);
      expect(interval).toBeGreaterThanOrEqual(500);
      expect(interval).toBeLessThanOrEqual(2000);
      expect(frameMs / (frameMs + interval)).toBeLessThanOrEqual(1 / 10 + 1e-12);
    }
    // A frame slower than 2 s / 9: the 2-s cap wins, so the page still hears from training.
    expect(frameInterval(300)).toBe(2000);
    expect(frameInterval(1000)).toBe(2000);
  });
});
