/**
 * The student's training schedule in the distillation panel: which KL it minimises at each
 * step, with what learning rate and what weight on the teacher.
 *
 *   KL(s‖t) = E_{x~s}[log q_s(x) − log p_t(x)]   mode-seeking: the Parallel-WaveNet objective
 *   KL(t‖s) = E_{x~t}[log p_t(x) − log q_s(x)]   mass-covering (needs teacher samples)
 *
 * The default is the lecture's: KL(s‖t) from a fresh student, no teacher sample ever drawn.
 * Minimised as it is from the start, KL(s‖t) settles with modes left out (8gaussians: two of
 * eight dropped from a unit-Gaussian start, three from a broad one). So the default anneals the
 * teacher's weight β in
 *   L_β = E_{z}[log q_s(x(z)) − β·log p_t(x(z))],   x(z) the student's sample,
 * from BETA_START up to 1 (the annealing of Rezende & Mohamed 2015, §6): L_β is KL(s ‖ p_t^β/Z_β)
 * up to a constant, and p_t^β is the teacher flattened, whose modes are joined by ridges a
 * student can follow; at β = 1 it is KL(s‖t) itself. Every term still costs one student pass
 * and one teacher density pass. The fresh student starts broad (STUDENT_INITIAL_SCALE).
 * The annealing is short (ANNEAL_STEPS at the peak rate) and the rate then falls along a
 * half-cosine (DEFAULT_DECAY) for most of the run, so the student keeps a high rate while it
 * sharpens the modes and settles at the end instead of jittering.
 * Each step's batch of z is a randomly shifted lattice (DEFAULT_STUDENT_NOISE): every z_j is
 * still N(0, I), so the objective and its gradient are unchanged in expectation, but the batch
 * covers the plane evenly and the gradient varies far less from step to step.
 * Measured on 8gaussians (no annealing → annealing from β = 0.1 with the broad start): 5 → 8
 * of 8 teacher modes kept. With the committed 12 × [32, 32] teacher and student
 * (`npm run bench:distill`): KL(s‖t) + se ≤ 0.15 nats at step 2,200 on seeds 1 and 3, seed 2
 * levels off at 0.149 ± 0.009; with independent z the same schedule levelled off at 0.18–0.19
 * (seed 1). The earlier schedule (800 annealing steps, geometric decay to 0.1 by step 1,500)
 * stalled at 0.29 (seed 1, another teacher): its long annealing left the modes' masses uneven;
 * 400 annealing steps dropped a mode on seed 3 (docs/performance.md).
 *
 * The warm start (an option) fits the student to teacher samples first (KL(t‖s): D passes per
 * layer per teacher sample, and the student's density of external data, D passes per layer:
 * not what Parallel WaveNet does), then polishes on KL(s‖t) at a small learning rate. Each
 * phase starts a fresh optimiser, so Adam's moment estimates of one objective do not steer the other.
 */
import type { FlowConfig, FlowWeights } from './config';
import { initFlowWeights } from './init';
import { DEFAULT_LEARNING_RATE, halfCosine } from './lr-schedule';

export type KlDirection = 'student-teacher' | 'teacher-student';

/**
 * How a KL(s‖t) step draws its batch z_1 … z_n ~ N(0, I):
 *   independent  n independent draws (plain Monte Carlo)
 *   lattice      a randomly shifted rank-1 lattice through Φ⁻¹ (core/flow/lattice-noise.ts):
 *                each z_j is still N(0, I), so the loss and its gradient are unbiased, but the
 *                batch covers the plane evenly and the gradient varies less from step to step
 */
export type StudentNoise = 'independent' | 'lattice';

/**
 * The default noise (measured: docs/performance.md, "Distillation: after"). With independent
 * draws the student's gradient noise kept moving mass between modes at the peak rate and the
 * run settled at KL(s‖t) ≈ 0.18–0.19 nats with the committed teacher; with the lattice it
 * settles lower, sooner.
 */
export const DEFAULT_STUDENT_NOISE: StudentNoise = 'lattice';

/**
 * The shape of a decaying phase's rate, t ∈ [0, 1] its position in the phase, η₀ → η₁ its ends:
 *   geometric  η(t) = η₀·(η₁/η₀)^t
 *   cosine     η(t) = η₁ + (η₀ − η₁)·½(1 + cos πt)   (flat at both ends, steepest halfway)
 */
export type DecayShape = 'geometric' | 'cosine';

/** η(t) of a decay from `start` to `end`, t ∈ [0, 1] (clamped). */
export function decayedRate(shape: DecayShape, start: number, end: number, t: number): number {
  const u = Math.min(1, Math.max(0, t));
  if (shape === 'cosine') return halfCosine(start, end, u);
  return start * (end / start) ** u;
}

/**
 * The student's depth. In 2-D an IAF of the teacher's size could represent the teacher
 * exactly (each MAF layer's inverse is an IAF layer), but distillation from a fresh student
 * lands short of that; the extra depth makes up for what the optimisation leaves on the table.
 */
export const STUDENT_LAYERS = 8;

/** The student's architecture: the teacher's, at least STUDENT_LAYERS deep, with its own seed. */
export function studentConfig(teacher: FlowConfig, seed: number): FlowConfig {
  return { ...teacher, hidden: [...teacher.hidden], layers: Math.max(teacher.layers, STUDENT_LAYERS), seed };
}

/**
 * The fresh student's spread: its first layer starts as x ≈ 3z, so its samples cover the data's
 * box (≈ N(0, 3²I)) and mode-seeking KL(s‖t) contracts mass onto every mode instead of pushing
 * a unit Gaussian out to the nearest few (measured on 8gaussians: all 8 modes kept through the
 * annealing, against 5 without annealing).
 */
export const STUDENT_INITIAL_SCALE = 3;

/**
 * Fresh student weights: `initFlowWeights(studentConfig(...))` with the first layer's α biases
 * set so that, in the IAF's x = (z − μ)·e^{−α}, e^{−α} = STUDENT_INITIAL_SCALE at the start
 * (α = B·tanh(a/B), so a = B·atanh(−ln s / B)).
 */
export function initStudentWeights(teacher: FlowConfig, seed: number): FlowWeights {
  const config = studentConfig(teacher, seed);
  const weights = initFlowWeights(config);
  const bias = weights.layers[0].output.b;
  const B = config.alphaBound;
  for (let i = 0; i < config.dim; i++) bias[config.dim + i] = B * Math.atanh(-Math.log(STUDENT_INITIAL_SCALE) / B);
  return weights;
}

export interface DistillPhase {
  /** The KL this phase minimises. */
  direction: KlDirection;
  /** Steps in this phase; the last phase runs on (Infinity). */
  steps: number;
  /** Learning rate at the phase's first step. */
  learningRate: number;
  /** Learning rate at its last step; absent: constant. */
  learningRateEnd?: number;
  /** How the rate goes from `learningRate` to `learningRateEnd`: geometric (the default) or a half-cosine. */
  decay?: DecayShape;
  /** KL(s‖t) only: β at the first and last step (linear in between); absent: 1 throughout. */
  teacherWeight?: readonly [number, number];
}

/** β at the default schedule's first step. */
export const BETA_START = 0.1;

/**
 * The schedule's unit rate at the lab's default η (DEFAULT_LEARNING_RATE, the `lr` URL key):
 * every rate below is a multiple of it, and a user's η scales them all by η / DEFAULT_LEARNING_RATE.
 * So the distillation keeps its measured rates whatever peak the density lab's default takes.
 */
export const DISTILL_BASE_RATE = 1e-3;

/** The unit rate for the user's η. */
export function distillUnitRate(learningRate: number): number {
  return DISTILL_BASE_RATE * (learningRate / DEFAULT_LEARNING_RATE);
}

/**
 * Default schedule, as multiples of the unit rate (so 3e-3 → 5e-5 at the default η): anneal β
 * at the peak rate, then a half-cosine decay to the end rate, then hold it.
 */
export const ANNEAL_STEPS = 500;
const DECAY_STEPS = 2100;
const ANNEAL_RATE = 3;
const END_RATE = 0.05;
/** The decay's shape (see DecayShape). */
export const DEFAULT_DECAY: DecayShape = 'cosine';

/** Steps of the default schedule before it holds its final rate: what the student preset ran. */
export const DEFAULT_SCHEDULE_STEPS = ANNEAL_STEPS + DECAY_STEPS;

/** Warm-start phases as (steps, multiple of the unit rate) of KL(t‖s). */
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
 * start). `learningRate` is the user's rate η; the phases' rates are multiples of
 * distillUnitRate(η), as above.
 */
export function distillSchedule(direction: KlDirection, warmStart: boolean, learningRate: number): DistillPhase[] {
  const unit = distillUnitRate(learningRate);
  if (direction === 'teacher-student') return [{ direction, steps: Infinity, learningRate: unit }];
  if (!warmStart)
    return [
      { direction, steps: ANNEAL_STEPS, learningRate: ANNEAL_RATE * unit, teacherWeight: [BETA_START, 1] },
      { direction, steps: DECAY_STEPS, learningRate: ANNEAL_RATE * unit, learningRateEnd: END_RATE * unit, decay: DEFAULT_DECAY },
      { direction, steps: Infinity, learningRate: END_RATE * unit },
    ];
  return [
    ...WARM_START.map(([steps, factor]) => ({ direction: 'teacher-student' as const, steps, learningRate: factor * unit })),
    { direction: 'student-teacher', steps: Infinity, learningRate: POLISH_FACTOR * unit },
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

/** The first step of phase `index`. */
function phaseStart(phases: readonly DistillPhase[], index: number): number {
  return phases.slice(0, index).reduce((sum, p) => sum + p.steps, 0);
}

/** Where step `step` is: its phase, the learning rate and β there. */
export function scheduleAt(phases: readonly DistillPhase[], step: number): { phase: number; learningRate: number; teacherWeight: number } {
  const phase = phaseAt(phases, step);
  const p = phases[phase];
  // t ∈ [0, 1]: position inside a finite phase (its last step is t = 1); an endless phase holds t = 0.
  const t = Number.isFinite(p.steps) && p.steps > 1 ? Math.min(1, (step - phaseStart(phases, phase)) / (p.steps - 1)) : 0;
  const learningRate = p.learningRateEnd === undefined ? p.learningRate : decayedRate(p.decay ?? 'geometric', p.learningRate, p.learningRateEnd, t);
  const teacherWeight = p.teacherWeight ? p.teacherWeight[0] + (p.teacherWeight[1] - p.teacherWeight[0]) * t : 1;
  return { phase, learningRate, teacherWeight };
}
