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

/** A distillation check as targetText reads it (scripts/bench/distill.ts's DistillCheck). */
export interface TargetCheck {
  step: number;
  /** Wall and CPU seconds of training to this check. */
  seconds: number;
  cpuSeconds: number;
  kl: number;
  klSe: number;
}

/**
 * The budget figure in words: steps to KL(s‖t) + se ≤ target, KL ± se there, CPU seconds to it
 * (the budget's clock) and wall seconds; or how far the last check got.
 */
export function targetText(r: {
  klTarget: TargetCheck | null;
  steps: number;
  checks: readonly TargetCheck[];
  cpuMsPerStep: number;
}): string {
  const t = r.klTarget;
  if (!t) {
    const last = r.checks.at(-1);
    const where = last ? `; last check KL(s‖t) ${last.kl.toFixed(3)} ± ${last.klSe.toFixed(3)} nats` : '';
    return `not within ${r.steps.toLocaleString('en-US')} steps${where}`;
  }
  return (
    `step ${t.step.toLocaleString('en-US')}, KL(s‖t) ${t.kl.toFixed(3)} ± ${t.klSe.toFixed(3)} nats; ` +
    `${t.cpuSeconds.toFixed(1)} s CPU (median ${r.cpuMsPerStep.toFixed(1)} ms/step), ${t.seconds.toFixed(1)} s wall`
  );
}

