/**
 * Animates an RBIG iteration: phase 0→1 moves each point from x^{(k−1)} to G_k(x^{(k−1)})
 * (the marginal step), phase 1→2 on to Q_k G_k(x^{(k−1)}) (the rotation). With
 * prefers-reduced-motion the points jump to the end. A page hold (slide hidden, frame out
 * of view) stops the animation where it is; it plays again from the start after the hold.
 */
import { useEffect, useState } from 'react';
import { usePageHeld } from '../use-page-hold';

const PHASE_MS = 700;

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Progress 0…2 of the animation for `token` (a new token restarts it). */
export function useCloudAnimation(token: unknown, enabled: boolean): number {
  const [state, setState] = useState<{ token: unknown; progress: number }>({ token, progress: 2 });
  const animate = enabled && !prefersReducedMotion();
  const held = usePageHeld();
  useEffect(() => {
    if (!animate || held) return;
    let frame = 0;
    const start = performance.now();
    const tick = (now: number) => {
      const progress = Math.min(2, (now - start) / PHASE_MS);
      setState({ token, progress });
      if (progress < 2) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [token, animate, held]);
  if (!animate) return 2;
  return state.token === token ? state.progress : 0;
}
