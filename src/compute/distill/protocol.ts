/**
 * The distillation panel's contract with the compute worker: a frozen MAF teacher, an IAF
 * student trained by KL in the chosen direction, and frames of both. Types only; the page
 * imports this file with `import type`.
 *
 * The teacher is the committed MAF preset of the chosen toy data set (its text is fetched by
 * the page and sent in `teacherText`), not the lab's live model: a lecture then starts from a
 * known, well-fitted teacher on every machine, and the lab's training cannot change the
 * teacher under the student.
 */
import type { GridSpec } from '../lab/protocol';

import type { KlDirection } from '../../core/flow/distill-schedule';
import type { ModeCoverage } from '../../core/flow/mode-coverage';

/**
 * student-teacher: KL(s‖t) = E_{x~s}[log q_s(x) − log p_t(x)], mode-seeking (Parallel WaveNet).
 * teacher-student: KL(t‖s) = E_{x~t}[log p_t(x) − log q_s(x)], mass-covering.
 */
export type { KlDirection };

export interface DistillConfig {
  /** Model-file text of the MAF teacher (a 2-D MAF). */
  teacherText: string;
  /** The toy data set the teacher was fitted to (held-out data for the NLLs). */
  dataset: string;
  direction: KlDirection;
  /**
   * KL(s‖t) only: fit the student to teacher samples (KL(t‖s)) first, then minimise KL(s‖t)
   * (see core/flow/distill-schedule.ts). Costs D passes per layer per teacher sample: not what
   * Parallel WaveNet does. Off by default.
   */
  warmStart: boolean;
  /**
   * Model-file text of the pretrained student (the data set's committed `<dataset>-student.json`,
   * trained by the default schedule from scratch), or null where there is none.
   */
  studentText: string | null;
  /**
   * 'preset': start from `studentText` (the default schedule's end state), when there is one and
   * the options are the defaults (KL(s‖t), no warm start); 'scratch': a fresh student.
   */
  startFrom: 'preset' | 'scratch';
  /** Seeds the student's initial weights, its training noise and the plotted noise batch. */
  seed: number;
  learningRate: number;
  batchSize: number;
}

export interface DistillInfo {
  dataset: string;
  /** The KL the schedule ends on (reported by the curve). */
  direction: KlDirection;
  /** Steps of KL(t‖s) before KL(s‖t) takes over; 0 without a warm start. */
  warmStartSteps: number;
  /** Where the student starts: the committed pretrained student, or fresh weights. */
  studentOrigin: 'preset' | 'fresh';
  /** Whether a pretrained student can be loaded for these options (default options and a committed file). */
  presetAvailable: boolean;
  /** Schedule steps the student had run when this session got it (the preset's; 0 when fresh). */
  startStep: number;
  /** The data's dimension D. */
  dim: number;
  /** Layers of the teacher and of the student (see core/flow/distill-schedule.ts). */
  layers: number;
  studentLayers: number;
  hidden: number;
  /** Teacher NLL on the held-out data (nats): the level the student's NLL approaches. */
  teacherNll: number;
  /** H(p) of the data set in nats where known, else null. */
  entropyFloor: number | null;
  /** Bounding box of the plots. */
  view: GridSpec;
}

/** One drawn frame of the distillation: plain typed arrays. */
export interface DistillFrame {
  /** The KL the curve reports (the schedule's last objective). */
  direction: KlDirection;
  /** The KL the student is minimising now (differs during a warm start). */
  trainingDirection: KlDirection;
  step: number;
  training: boolean;
  /** KL estimates of the training direction at recorded steps: mean and Monte-Carlo standard error (nats). */
  klSteps: Float32Array;
  klMeans: Float32Array;
  klErrors: Float32Array;
  /** Student NLL on held-out data at the same steps (nats). */
  nllValues: Float32Array;
  teacherNll: number;
  /** Log-densities on the grid, [ny·nx], row 0 at y0. */
  grid: GridSpec;
  teacherLogDensity: Float32Array;
  studentLogDensity: Float32Array;
  /** Samples from one fixed noise batch, [n·2]. The teacher's are drawn for display only. */
  teacherSamples: Float32Array;
  studentSamples: Float32Array;
  /** Loss of the latest training step (nats; NaN before the first): L_β during the annealing, else the KL's. */
  loss: number;
  /** ‖∂L/∂θ_s‖₂ of the latest step: the gradient that reaches the student (the teacher gets none). */
  gradientNorm: number;
  /** β on log p_t at the next step (1 outside the annealing). */
  teacherWeight: number;
  /** Teacher samples drawn for training so far (0 under the default schedule; display samples not counted). */
  teacherSamplesDrawn: number;
  /** Teacher modes the student's samples cover (core/flow/mode-coverage.ts); null for data sets without isolated modes. */
  modes: ModeCoverage | null;
  /** Steps rejected as non-finite. */
  skipped: number;
  /** A plain message for the user (e.g. why training paused), or null. */
  message: string | null;
}

export interface DistillTiming {
  /** The tfjs backend that ran it, e.g. "wasm". */
  backend: string;
  /** Points sampled per timed batch. */
  n: number;
  /** Median ms: teacher (MAF, sequential: D passes per layer) and student (IAF, one pass per layer). */
  teacherMs: number;
  studentMs: number;
  /** teacherMs / studentMs. */
  speedup: number;
  /** Network passes for the whole stack. */
  teacherPasses: number;
  studentPasses: number;
}

export interface DistillApi {
  /** Builds teacher and a fresh student (a changed direction or seed restarts the student). */
  distillConfigure(config: DistillConfig): Promise<DistillInfo>;
  distillFrame(): Promise<DistillFrame>;
  /** Trains until distillPause; `onFrame` (a comlink proxy) receives frames at an adaptive rate. */
  distillStart(onFrame: (frame: DistillFrame) => void): Promise<void>;
  distillPause(): Promise<void>;
  /** Runs n steps (training paused) and returns the frame after them. */
  distillStep(n: number): Promise<DistillFrame>;
  /**
   * Rebuilds the student, discarding training: from the pretrained student ('preset', where
   * available) or fresh weights ('scratch'); without an argument, as the config says.
   */
  distillReset(startFrom?: 'preset' | 'scratch'): Promise<DistillInfo>;
  /** Times sampling n points with the teacher and with the student. */
  distillTiming(n: number): Promise<DistillTiming>;
  /**
   * Compiles the training step's code on a throwaway student while the panel idles
   * (compute/distill/warm-up.ts); the session's student is untouched. Does nothing while
   * training, once a warm-up has completed, or while one runs; anything that trains, steps,
   * rebuilds or pauses ends it. Resolves with the steps it ran.
   */
  distillWarmUp(): Promise<number>;
}
