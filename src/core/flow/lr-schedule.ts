/**
 * The learning-rate schedule of flow training (lab, CLI, presets): a short linear warm-up to
 * the peak rate η, a half-cosine down to η·FINAL_FRACTION at DECAY_STEPS, then that floor for
 * as long as training goes on:
 *   η(t) = η · (t+1)/W                                                   t < W
 *   η(t) = η · [f + (1 − f)·½(1 + cos(π·(t − W)/(T − W)))]               W ≤ t < T
 *   η(t) = η · f                                                         t ≥ T
 * with t the 0-based step, W = WARMUP_STEPS, T = DECAY_STEPS, f = FINAL_FRACTION.
 * The position t is part of the model's state: a preset remembers the steps it was trained for,
 * and the lab resumes counting from there, so pressing Train on a fitted preset continues at the
 * floor rate instead of jumping back to the peak.
 */

export type LrScheduleKind = 'cosine' | 'constant';

export interface LrSchedule {
  kind: LrScheduleKind;
  /** Peak rate η (the user's "learning rate"). */
  peak: number;
  warmupSteps: number;
  /** Step at which the decay reaches the floor. */
  decaySteps: number;
  /** Floor as a fraction of the peak. */
  finalFraction: number;
}

/**
 * The default peak η (lab, CLI, presets): 3e-3, which with the cosine to 5 % brings the default
 * 12-layer affine flow within 0.08 nats of 8gaussians' entropy in 3,000 steps (docs/performance.md).
 */
export const DEFAULT_LEARNING_RATE = 3e-3;
export const WARMUP_STEPS = 100;
export const DECAY_STEPS = 3000;
export const FINAL_FRACTION = 0.05;

/** The default schedule for a peak rate. */
export function cosineSchedule(peak: number, overrides: Partial<Omit<LrSchedule, 'peak' | 'kind'>> = {}): LrSchedule {
  return { kind: 'cosine', peak, warmupSteps: WARMUP_STEPS, decaySteps: DECAY_STEPS, finalFraction: FINAL_FRACTION, ...overrides };
}

export function constantSchedule(peak: number): LrSchedule {
  return { kind: 'constant', peak, warmupSteps: 0, decaySteps: 0, finalFraction: 1 };
}

/** A half-cosine from `start` (u = 0) to `end` (u = 1): end + (start − end)·½(1 + cos πu), flat at both ends. */
export function halfCosine(start: number, end: number, u: number): number {
  return end + (start - end) * 0.5 * (1 + Math.cos(Math.PI * u));
}

/** η(t) for the 0-based step t. */
export function learningRateAt(schedule: LrSchedule, step: number): number {
  const { peak, warmupSteps: W, decaySteps: T, finalFraction: f } = schedule;
  if (schedule.kind === 'constant') return peak;
  const t = Math.max(0, step);
  if (t < W) return (peak * (t + 1)) / W;
  if (t >= T) return peak * f;
  const progress = (t - W) / Math.max(1, T - W);
  return halfCosine(peak, peak * f, progress);
}

/** Short form for the screen and the CLI log: "3e-3 → cosine to 1.5e-4 by step 3,000". */
export function describeSchedule(schedule: LrSchedule): string {
  const peak = formatRate(schedule.peak);
  if (schedule.kind === 'constant') return `${peak} (constant)`;
  return `${peak} → cosine to ${formatRate(schedule.peak * schedule.finalFraction)} by step ${schedule.decaySteps.toLocaleString('en-US')}`;
}

/** 0.003 → "3e-3", 0.00015 → "1.5e-4", 0.5 → "0.5". */
export function formatRate(rate: number): string {
  if (rate >= 0.01) return String(Number(rate.toPrecision(3)));
  const [mantissa, exponent] = rate.toExponential(2).split('e');
  return `${Number(mantissa)}e${Number(exponent)}`;
}

/** The schedule's shape in the lab and the CLI (its peak is the user's learning rate). */
export const LAB_SCHEDULE: Omit<LrSchedule, 'peak'> = {
  kind: 'cosine',
  warmupSteps: WARMUP_STEPS,
  decaySteps: DECAY_STEPS,
  finalFraction: FINAL_FRACTION,
};

/** The steps a model file records (its `training.steps`), 0 when absent or not a count. */
export function trainedStepsOf(training: Record<string, number | string> | undefined): number {
  const steps = training?.steps;
  return typeof steps === 'number' && Number.isInteger(steps) && steps > 0 ? steps : 0;
}
