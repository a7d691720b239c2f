/**
 * Parallel-WaveNet distillation (van den Oord et al. 2017, REFERENCE.md §1.5): a frozen MAF
 * teacher p_t and an IAF student q_s.
 *   KL(s‖t) = E_{z~N(0,I)} [log q_s(x(z)) − log p_t(x(z))]:   x(z) and log q_s in one student
 *     pass (its own z is known), log p_t by the teacher's parallel density. Mode-seeking.
 *   KL(t‖s) = E_{x~p_t} [log p_t(x) − log q_s(x)]:   teacher samples (D passes per layer, no
 *     gradient) and the student's density of external data (D passes per layer). Mass-covering.
 * Only the student's variables are trained; the teacher is built non-trainable.
 */
import { tf } from '../tf';
import type { FlowWeights } from '../../core/flow/config';
import { createRng } from '../../core/rng';
import { TfFlow, standardNormalLogProb } from '../flow/tf-flow';
import { FlowTrainer, type TrainerOptions } from '../flow/trainer';

export type KlDirection = 'student-teacher' | 'teacher-student';

export interface KlEstimate {
  /** Monte-Carlo mean of the per-sample KL terms, nats. */
  mean: number;
  /** Standard error of that mean, nats. */
  standardError: number;
}

export class Distiller {
  readonly teacher: TfFlow;
  readonly student: TfFlow;
  private trainer: FlowTrainer;

  constructor(
    teacherWeights: FlowWeights,
    studentWeights: FlowWeights,
    readonly direction: KlDirection,
    options: TrainerOptions,
  ) {
    this.teacher = new TfFlow(teacherWeights, false);
    this.student = new TfFlow(studentWeights, true);
    const teacher = this.teacher;
    const D = teacherWeights.config.dim;
    this.trainer =
      direction === 'student-teacher'
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
    this.trainer.step();
  }

  get steps(): number {
    return this.trainer.steps;
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

  async status() {
    return this.trainer.status();
  }

  dispose(): void {
    this.trainer.dispose();
    this.teacher.dispose();
    this.student.dispose();
  }
}
