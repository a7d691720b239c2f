/**
 * Pacing of the inverse animation (no React): how many of the H·W·C steps to advance for a
 * frame's elapsed time, and the chunked pace used when the reader prefers reduced motion.
 */

/** Steps per second the speed control offers; the middle one is the default. */
export const PLAYBACK_SPEEDS = [24, 96, 384] as const;
export const DEFAULT_SPEED = 96;

/** With reduced motion, Play jumps one image row (W·C steps) this often, without animation. */
export const REDUCED_MOTION_INTERVAL_MS = 600;

export interface PlaybackState {
  /** Steps done, 0 … total. */
  step: number;
  total: number;
  playing: boolean;
}

/** `n` steps further, stopping (and pausing) at the end. */
export function advance(state: PlaybackState, n: number): PlaybackState {
  const step = Math.min(state.total, Math.max(0, state.step + Math.floor(n)));
  return { ...state, step, playing: state.playing && step < state.total };
}

/**
 * Whole steps due after `elapsedMs` at `stepsPerSecond`, plus the fractional remainder to
 * carry into the next frame (so the average pace is exact at any frame rate). A frame gap
 * over a second (a background tab) is capped, so the animation does not leap.
 */
export function stepsDue(
  elapsedMs: number,
  stepsPerSecond: number,
  carry = 0,
): { steps: number; carry: number } {
  const exact = carry + (Math.min(Math.max(0, elapsedMs), 1000) * stepsPerSecond) / 1000;
  const steps = Math.floor(exact);
  return { steps, carry: exact - steps };
}

/** Steps per reduced-motion jump: the rest of the current image row (W·C cells). */
export function chunkSteps(step: number, rowLength: number): number {
  return rowLength - (step % rowLength);
}
