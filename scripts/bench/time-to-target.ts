/** When a measured distance first came within a target, from a run's periodic checks. */

export interface Check {
  /** Training steps done at this check. */
  step: number;
  /** Training seconds at this check (checks themselves excluded). */
  seconds: number;
  /** The distance measured there (nats); its upper bound when an error is added by the caller. */
  distance: number;
}

export interface Reached {
  step: number;
  seconds: number;
}

/**
 * The first check whose distance is finite and ≤ target, as { step, seconds }; null when none.
 * Checks are taken in order of step (they need not arrive sorted); a later regression past the
 * target does not undo the first arrival (the time to target is a first-passage time).
 */
export function timeToTarget(checks: readonly Check[], target: number): Reached | null {
  const inOrder = [...checks].sort((a, b) => a.step - b.step);
  const first = inOrder.find((c) => Number.isFinite(c.distance) && c.distance <= target);
  return first ? { step: first.step, seconds: first.seconds } : null;
}

/** "12.3 s (step 400)", or "not within N steps" when the target was not reached. */
export function reachedText(r: Reached | null, steps: number): string {
  return r === null ? `not within ${steps.toLocaleString('en-US')} steps` : `${r.seconds.toFixed(1)} s (step ${r.step.toLocaleString('en-US')})`;
}
