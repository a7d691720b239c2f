/**
 * Panel side of the page holds (state/page-hold.ts): `usePageHeld()` for loops that simply
 * do not tick while held (playback, animation), and `usePauseWhileHeld` for sessions with a
 * Pause and a resume (training, a measurement run): it pauses what runs when a hold starts
 * and resumes it when the holds lift, unless the user paused or nothing was running.
 */
import { useEffect, useRef } from 'react';
import { usePageHold } from '../state/page-hold';

export const usePageHeld = (): boolean => usePageHold((s) => s.held);

export function usePauseWhileHeld(running: boolean, pause: () => void, resume: () => void): void {
  const held = usePageHeld();
  const pausedByHold = useRef(false);
  const latest = useRef({ running, pause, resume });
  useEffect(() => {
    latest.current = { running, pause, resume };
  });
  useEffect(() => {
    const now = latest.current;
    if (held && now.running) {
      pausedByHold.current = true;
      now.pause();
    } else if (!held && pausedByHold.current) {
      pausedByHold.current = false;
      now.resume();
    }
  }, [held]);
}
