/**
 * The student's training schedule in the distillation panel: which KL it minimises at each
 * step, and with what learning rate.
 *
 *   KL(s‖t) = E_{x~s}[log q_s(x) − log p_t(x)]   mode-seeking: the Parallel-WaveNet objective
 *   KL(t‖s) = E_{x~t}[log p_t(x) − log q_s(x)]   mass-covering
 *
 * Minimised from a fresh student, KL(s‖t) settles in a local optimum that leaves some modes
 * out (8gaussians: KL(s‖t) ≈ 0.3 nats, i.e. two of eight modes dropped; held-out NLL 9.7 nats
 * against the teacher's 3.0). The warm start fits the student to teacher samples first
 * (KL(t‖s): every mode gets mass, 1,000 steps at 3× the learning rate, 1,000 at 1×) and then
 * polishes it on KL(s‖t) alone at a small learning rate: KL(s‖t) keeps falling and the NLL
 * stays within a few hundredths of the teacher's. Each phase starts a fresh optimiser, so
 * Adam's moment estimates of one objective do not steer the other.
 */
import type { FlowConfig } from './config';

export type KlDirection = 'student-teacher' | 'teacher-student';

/**
 * The student's depth. In 2-D an IAF of the teacher's size could represent the teacher
 * exactly (each MAF layer's inverse is an IAF layer), but distillation from a fresh student
 * lands short of that: with the teacher's 5 layers the warm-started student's held-out NLL
 * ends 0.07–0.15 nats above the teacher's depending on the seed, with 8 layers ≈ 0.05.
 */
export const STUDENT_LAYERS = 8;

/** The student's architecture: the teacher's, at least STUDENT_LAYERS deep, with its own seed. */
export function studentConfig(teacher: FlowConfig, seed: number): FlowConfig {
  return { ...teacher, hidden: [...teacher.hidden], layers: Math.max(teacher.layers, STUDENT_LAYERS), seed };
}

export interface DistillPhase {
  /** The KL this phase minimises. */
  direction: KlDirection;
  /** Steps in this phase; the last phase runs on (Infinity). */
  steps: number;
  learningRate: number;
}

/** Warm-start phases as (steps, learning-rate factor) of KL(t‖s). */
const WARM_START: readonly (readonly [number, number])[] = [
  [1000, 3],
  [1000, 1],
];
/** KL(s‖t) after a warm start: a polish, not a refit (larger rates undo the fit; measured). */
const POLISH_FACTOR = 0.01;

/** Total warm-start steps (before KL(s‖t) takes over). */
export const WARM_START_STEPS = WARM_START.reduce((sum, [steps]) => sum + steps, 0);

/**
 * The phases for a direction. `warmStart` applies to KL(s‖t) only (KL(t‖s) is its own warm
 * start). `learningRate` is the user's rate, scaled per phase as above.
 */
export function distillSchedule(direction: KlDirection, warmStart: boolean, learningRate: number): DistillPhase[] {
  if (direction === 'teacher-student' || !warmStart) return [{ direction, steps: Infinity, learningRate }];
  return [
    ...WARM_START.map(([steps, factor]) => ({ direction: 'teacher-student' as const, steps, learningRate: factor * learningRate })),
    { direction: 'student-teacher', steps: Infinity, learningRate: POLISH_FACTOR * learningRate },
  ];
}

/** Which phase step `step` (0-based) belongs to. */
export function phaseAt(phases: readonly DistillPhase[], step: number): number {
  let end = 0;
  for (let i = 0; i < phases.length; i++) {
    end += phases[i].steps;
    if (step < end) return i;
  }
  return phases.length - 1;
}
