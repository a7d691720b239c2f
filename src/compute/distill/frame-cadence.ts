/** How often the distillation draws a frame while it trains. */

/**
 * Time from one training frame to the next (ms), given what the last frame cost. A frame's
 * held-out NLL and density grid are IAF densities of external points (D passes per layer over a
 * few thousand points each), so frames are kept to ≤ 1/10 of the training time, except that one
 * comes at least every 2 s, and never more often than twice a second. (A floor of 200 ms and
 * 3× the cost: the page reached KL(s‖t) + se ≤ 0.15 nats 75 s after the click; 500 ms and 6×:
 * 62 s; docs/performance.md has the figures with this interval and the warm-up.)
 */
export function frameInterval(frameMs: number): number {
  return Math.min(2000, Math.max(500, 9 * frameMs));
}
