/**
 * Parallel-WaveNet distillation (van den Oord et al. 2017): a frozen MAF
 * teacher p_t and an IAF student q_s.
 *   KL(s‖t) = E_{z~N(0,I)} [log q_s(x(z)) − log p_t(x(z))]:   x(z) and log q_s in one student
 *     pass (its own z is known), log p_t by the teacher's parallel density. Mode-seeking.
 *   KL(t‖s) = E_{x~p_t} [log p_t(x) − log q_s(x)]:   teacher samples (D passes per layer, no
 *     gradient) and the student's density of external data (D passes per layer). Mass-covering.
 * Only the student's variables are trained; the teacher is built non-trainable. The student
 * follows a schedule of phases (core/flow/distill-schedule.ts), each minimising one of the two
 * with its own learning rate and a fresh optimiser: by default a KL(t‖s) warm start, then KL(s‖t).
 */
import { tf } from '../tf';
import type { FlowWeights } from '../../core/flow/config';
import { createRng } from '../../core/rng';
import { TfFlow, standardNormalLogProb } from '../flow/tf-flow';
import { FlowTrainer, type TrainerOptions, type TrainerStatus } from '../flow/trainer';
import { phaseAt, type DistillPhase, type KlDirection } from '../../core/flow/distill-schedule';

export type { KlDirection };

export interface KlEstimate {
  /** Monte-Carlo mean of the per-sample KL terms, nats. */
  mean: number;
  /** Standard error of that mean, nats. */
  standardError: number;
}

export type DistillerOptions = Omit<TrainerOptions, 'learningRate'>;

export class Distiller {
  readonly teacher: TfFlow;
  readonly student: TfFlow;
  /** The KL the schedule ends on: what the panel's curve reports throughout. */
  readonly direction: KlDirection;
  private readonly phases: readonly DistillPhase[];
  private phase = -1;
  private trainer: FlowTrainer | null = null;
  private stepCount = 0;
  /** Steps rejected in the phases already finished (a device scalar: no readback at a phase change). */
  private skippedBefore: tf.Scalar = tf.keep(tf.scalar(0));

  constructor(
    teacherWeights: FlowWeights,
    studentWeights: FlowWeights,
    phases: readonly DistillPhase[],
    private readonly options: DistillerOptions,
  ) {
    if (phases.length === 0) throw new Error('a distillation needs at least one phase');
    this.teacher = new TfFlow(teacherWeights, false);
    this.student = new TfFlow(studentWeights, true);
    this.phases = phases;
    this.direction = phases[phases.length - 1].direction;
  }

  /** A trainer of the student for one phase (a fresh optimiser, its own noise stream). */
  private trainerFor(phase: DistillPhase, index: number): FlowTrainer {
    const teacher = this.teacher;
    const D = teacher.config.dim;
    const options = { ...this.options, learningRate: phase.learningRate, seed: this.options.seed + 1000 * index };
    return phase.direction === 'student-teacher'
      ? // loss = mean[log q_s(x) + U(x)] with U = −log p_t: exactly KL(s‖t).
        new FlowTrainer(this.student, 'iaf', { kind: 'reverse-kl', energy: (x) => tf.neg(teacher.logProb(x, 'maf')) }, options)
      : // loss = −mean log q_s(x), x ~ teacher: KL(t‖s) up to the teacher's entropy.
        new FlowTrainer(
          this.student,
          'iaf',
          {
            kind: 'maximum-likelihood',
            sampleBatch: (n, rng) => {
              const z = Float32Array.from({ length: n * D }, () => rng.normal());
              return tf.tidy(() => teacher.toData(tf.tensor2d(z, [n, D]), 'maf').out);
            },
          },
          options,
        );
  }

  step(): void {
    const index = phaseAt(this.phases, this.stepCount);
    if (index !== this.phase || !this.trainer) {
      if (this.trainer) {
        const before = this.skippedBefore;
        this.skippedBefore = tf.keep(tf.add(before, this.trainer.skippedSteps));
        before.dispose();
        this.trainer.dispose();
      }
      this.trainer = this.trainerFor(this.phases[index], index);
      this.phase = index;
    }
    this.trainer.step();
    this.stepCount++;
  }

  get steps(): number {
    return this.stepCount;
  }

  /** The KL being minimised at the next step. */
  get currentDirection(): KlDirection {
    return this.phases[phaseAt(this.phases, this.stepCount)].direction;
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
      const { out: x, logDet } = this.teacher.toData(zt, 'maf');
      const logPt = tf.sub(standardNormalLogProb(zt), logDet);
      return tf.sub(logPt, this.student.logProb(x, 'iaf'));
    });
    const values = (await terms.data()) as Float32Array;
    terms.dispose();
    let mean = 0;
    for (const v of values) mean += v / n;
    let variance = 0;
    for (const v of values) variance += (v - mean) ** 2 / (n - 1);
    return { mean, standardError: Math.sqrt(variance / n) };
  }

  /** Mean NLL of points under the student (IAF density of external data: D passes per layer). */
  async studentNll(points: Float32Array): Promise<number> {
    const D = this.student.config.dim;
    const m = tf.tidy(() => tf.neg(tf.mean(this.student.logProb(tf.tensor2d(points, [points.length / D, D]), 'iaf'))));
    const v = (await m.data())[0];
    m.dispose();
    return v;
  }

  async teacherNll(points: Float32Array): Promise<number> {
    const D = this.teacher.config.dim;
    const m = tf.tidy(() => tf.neg(tf.mean(this.teacher.logProb(tf.tensor2d(points, [points.length / D, D]), 'maf'))));
    const v = (await m.data())[0];
    m.dispose();
    return v;
  }

  /** Loss of the latest step, and steps rejected as non-finite over all phases. */
  async status(): Promise<TrainerStatus> {
    const before = (await this.skippedBefore.data())[0];
    if (!this.trainer) return { step: this.stepCount, loss: Number.NaN, skipped: before };
    const current = await this.trainer.status();
    return { step: this.stepCount, loss: current.loss, skipped: before + current.skipped };
  }

  dispose(): void {
    this.trainer?.dispose();
    this.trainer = null;
    this.skippedBefore.dispose();
    this.teacher.dispose();
    this.student.dispose();
  }
}
