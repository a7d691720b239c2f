/**
 * The inverse animation's clock: Play advances the step counter at the chosen speed with
 * requestAnimationFrame; when the reader prefers reduced motion it jumps a row of cells at a
 * time on a slow timer instead. A new trace (a new `traceKey`) starts again at step 0, paused.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { usePageHeld } from '../use-page-hold';
import {
  DEFAULT_SPEED,
  REDUCED_MOTION_INTERVAL_MS,
  advance,
  chunkSteps,
  stepsDue,
  type PlaybackState,
} from './playback';

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

function subscribeReducedMotion(onChange: () => void): () => void {
  const query = globalThis.matchMedia?.(REDUCED_MOTION);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

/** True while the reader's system asks for reduced motion. */
function useReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeReducedMotion,
    () => globalThis.matchMedia?.(REDUCED_MOTION).matches ?? false,
    () => false,
  );
}

export interface Playback extends PlaybackState {
  speed: number;
  reducedMotion: boolean;
  play(): void;
  pause(): void;
  /** One step forward (pauses). */
  step1(): void;
  reset(): void;
  setSpeed(stepsPerSecond: number): void;
}

interface KeyedState extends PlaybackState {
  key: unknown;
}

/** `total` = H·W·C steps; `rowLength` = W·C (one reduced-motion jump). */
export function usePlayback(traceKey: unknown, total: number, rowLength: number): Playback {
  const reducedMotion = useReducedMotion();
  const held = usePageHeld();
  const [speed, setSpeed] = useState(DEFAULT_SPEED);
  const [stored, setStored] = useState<KeyedState>({
    key: traceKey,
    step: 0,
    total,
    playing: false,
  });
  // A new trace: start over (state derived during render, not in an effect).
  const state: KeyedState =
    stored.key === traceKey && stored.total === total
      ? stored
      : { key: traceKey, step: 0, total, playing: false };
  if (state !== stored) setStored(state);

  const update = useCallback(
    (change: (s: KeyedState) => PlaybackState) =>
      setStored((s) => (s.key === traceKey ? { ...change(s), key: s.key } : s)),
    [traceKey],
  );

  const { playing } = state;
  useEffect(() => {
    // A page hold (slide hidden, frame out of view) stops the clock; play resumes after it.
    if (!playing || held) return;
    if (reducedMotion) {
      const timer = setInterval(
        () => update((s) => advance(s, chunkSteps(s.step, Math.max(1, rowLength)))),
        REDUCED_MOTION_INTERVAL_MS,
      );
      return () => clearInterval(timer);
    }
    let frame = 0;
    let last: number | null = null;
    let carry = 0;
    const tick = (time: number) => {
      if (last !== null) {
        const due = stepsDue(time - last, speed, carry);
        carry = due.carry;
        if (due.steps > 0) update((s) => advance(s, due.steps));
      }
      last = time;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, held, reducedMotion, rowLength, speed, update]);

  return {
    step: state.step,
    total: state.total,
    playing: state.playing,
    speed,
    reducedMotion,
    // Play at the end starts over.
    play: () =>
      update((s) =>
        s.step >= s.total ? { ...s, step: 0, playing: s.total > 0 } : { ...s, playing: true },
      ),
    pause: () => update((s) => ({ ...s, playing: false })),
    step1: () => update((s) => advance({ ...s, playing: false }, 1)),
    reset: () => update((s) => ({ ...s, step: 0, playing: false })),
    setSpeed,
  };
}
