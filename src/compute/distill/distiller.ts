/**
 * Parallel-WaveNet distillation (van den Oord et al. 2017): a frozen MAF
 * teacher p_t and an IAF student q_s.
 *   KL(s‖t) = E_{z~N(0,I)} [log q_s(x(z)) − log p_t(x(z))]:   x(z) and log q_s in one student
 *     pass (its own z is known), log p_t by the teacher's parallel density. Mode-seeking.
 *   KL(t‖s) = E_{x~p_t} [log p_t(x) − log q_s(x)]:   teacher samples (D passes per layer, no
 *     gradient) and the student's density of external data (D passes per layer). Mass-covering.
 * Only the student's variables are trained; the teacher is built non-trainable. The student
 * follows a schedule of phases (core/flow/distill-schedule.ts), each with a fresh optimiser
 * (student-trainer.ts); by default annealed KL(s‖t) alone: no teacher sample is ever drawn.
 */
import { tf } from '../tf';
import type { FlowWeights } from '../../core/flow/config';
import { createRng } from '../../core/rng';
import { meanWithStandardError, type MeanEstimate } from '../../core/flow/monte-carlo';
import { TfFlow, standardNormalLogProb } from '../flow/tf-flow';
import { scheduleAt, type DistillPhase, type KlDirection } from '../../core/flow/distill-schedule';
import { StudentTrainer, type StudentTrainerOptions } from './student-trainer';

export type { KlDirection };

/** Monte-Carlo mean of the per-sample KL terms and its standard error, nats. */
export type KlEstimate = MeanEstimate;

export type DistillerOptions = Omit<StudentTrainerOptions, 'learningRate'>;

export interface DistillerStatus {
  /** Schedule steps so far (a preset student starts at the steps it was trained for). */
  step: number;
  /** Loss of the latest step (NaN before the first). */
  loss: number;
  /** ‖∂L/∂θ_s‖ of the latest step (NaN before the first). */
  gradientNorm: number;
  /** Steps rejected as non-finite over all phases. */
  skipped: number;
}

export class Distiller {
  readonly teacher: TfFlow;
  readonly student: TfFlow;
  /** The KL the schedule ends on: what the panel's curve reports throughout. */
  readonly direction: KlDirection;
  private phases: readonly DistillPhase[];
  private phase = -1;
  private trainer: StudentTrainer | null = null;
  private stepCount: number;
  private drawnBefore = 0;
  /** Steps rejected in the phases already finished (a device scalar: no readback at a phase change). */
  private skippedBefore: tf.Scalar = tf.keep(tf.scalar(0));

  /** `startStep`: where in the schedule the student is (0 for a fresh one). */
  constructor(
    teacherWeights: FlowWeights,
    studentWeights: FlowWeights,
    phases: readonly DistillPhase[],
    private options: DistillerOptions,
    startStep = 0,
  ) {
    if (phases.length === 0) throw new Error('a distillation needs at least one phase');
    this.teacher = new TfFlow(teacherWeights, false);
    this.student = new TfFlow(studentWeights, true);
    this.phases = phases;
    this.direction = phases[phases.length - 1].direction;
    this.stepCount = startStep;
  }

  step(): void {
    const at = scheduleAt(this.phases, this.stepCount);
    if (at.phase !== this.phase || !this.trainer) {
      if (this.trainer) {
        const before = this.skippedBefore;
        this.skippedBefore = tf.keep(tf.add(before, this.trainer.skippedSteps));
        before.dispose();
        this.drawnBefore += this.trainer.teacherSamplesDrawn;
        this.trainer.dispose();
      }
      const { direction } = this.phases[at.phase];
      this.trainer = new StudentTrainer(this.student, this.teacher, direction, {
        ...this.options,
        learningRate: at.learningRate,
        seed: this.options.seed + 1000 * at.phase,
      });
      this.phase = at.phase;
    }
    this.trainer.learningRate = at.learningRate;
    this.trainer.step(at.teacherWeight);
    this.stepCount++;
  }

  /**
   * Live params: the schedule for a new learning rate (same phases, rates scaled) and the batch
   * size, from the next step on. The student, its optimiser state and the step count stay.
   */
  retune(phases: readonly DistillPhase[], batchSize: number): void {
    if (phases.length !== this.phases.length) throw new Error('retune keeps the schedule\'s phases; rebuild for another schedule');
    this.phases = phases;
    this.options = { ...this.options, batchSize };
    if (this.trainer) this.trainer.batchSize = batchSize;
  }

  get steps(): number {
    return this.stepCount;
  }

  /** The KL being minimised at the next step. */
  get currentDirection(): KlDirection {
    return this.phases[scheduleAt(this.phases, this.stepCount).phase].direction;
  }

  /** β on log p_t at the next step (1 outside the annealing). */
  get teacherWeight(): number {
    return scheduleAt(this.phases, this.stepCount).teacherWeight;
  }

  /** Teacher samples drawn for training so far (0 under the default schedule). */
  get teacherSamplesDrawn(): number {
    return this.drawnBefore + (this.trainer?.teacherSamplesDrawn ?? 0);
  }

  /** Per-sample KL terms on n fixed-seed samples of the direction's sampling distribution. */
  async estimateKl(direction: KlDirection, n: number, seed: number): Promise<KlEstimate> {
    const D = this.teacher.config.dim;
    const rng = createRng(seed);
    const z = Float32Array.from({ length: n * D }, () => rng.normal());
    const terms = tf.tidy(() => {
      const zt = tf.tensor2d(z, [n, D]);
      if (direction === 'student-teacher') {
        const { x, logProb } = this.student.sampleWithLogProb(zt, 'iaf');
        return tf.sub(logProb, this.teacher.logProb(x, 'maf'));
      }
      // Teacher samples for the estimate only (never for training under KL(s‖t)).
      const { out: x, logDet } = this.teacher.toData(zt, 'maf');
      const logPt = tf.sub(standardNormalLogProb(zt), logDet);
      return tf.sub(logPt, this.student.logProb(x, 'iaf'));
    });
    const values = (await terms.data()) as Float32Array;
    terms.dispose();
    return meanWithStandardError(values);
  }

  /** Mean NLL of points under the student (IAF density of external data: D passes per layer). */
  async studentNll(points: Float32Array): Promise<number> {
    return this.meanNll(this.student, 'iaf', points);
  }

  async teacherNll(points: Float32Array): Promise<number> {
    return this.meanNll(this.teacher, 'maf', points);
  }

  private async meanNll(flow: TfFlow, kind: 'maf' | 'iaf', points: Float32Array): Promise<number> {
    const D = flow.config.dim;
    const m = tf.tidy(() => tf.neg(tf.mean(flow.logProb(tf.tensor2d(points, [points.length / D, D]), kind))));
    const v = (await m.data())[0];
    m.dispose();
    return v;
  }

  /** Loss and gradient norm of the latest step, and steps rejected as non-finite over all phases. */
  async status(): Promise<DistillerStatus> {
    const before = (await this.skippedBefore.data())[0];
    if (!this.trainer) return { step: this.stepCount, loss: Number.NaN, gradientNorm: Number.NaN, skipped: before };
    const current = await this.trainer.status();
    return { step: this.stepCount, loss: current.loss, gradientNorm: current.gradientNorm, skipped: before + current.skipped };
  }

  dispose(): void {
    this.trainer?.dispose();
    this.trainer = null;
    this.skippedBefore.dispose();
    this.teacher.dispose();
    this.student.dispose();
  }
}
