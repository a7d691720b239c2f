/**
 * One optimiser of the student for one phase of the distillation schedule
 * (core/flow/distill-schedule.ts), with the numbers the gradient-path drawing shows: the loss
 * and the norm of the student's gradient, kept on the device (no readback per step).
 *
 *   KL(s‖t) phase:  L_β = (1/n) Σ_j [log q_s(x_j) − β·log p_t(x_j)],  x_j = f_s(z_j), z_j ~ N(0, I)
 *     x_j and log q_s(x_j) = log N(z_j) − log|det ∂x/∂z| come from one student pass per layer;
 *     the z_j of a batch are the points of a randomly shifted lattice by default (each still
 *     N(0, I), so L_β and its gradient stay unbiased, with less spread from step to step:
 *     core/flow/lattice-noise.ts), or independent draws (`noise: 'independent'`);
 *     log p_t(x_j) from one teacher density pass per layer. Gradients reach the student's
 *     parameters θ_s through x_j (reparameterisation) and through log q_s; the teacher's
 *     variables are not trainable and are not in the variable list: no gradient reaches them.
 *   KL(t‖s) phase (the warm start, or the mass-covering direction):
 *     L = −(1/n) Σ_j log q_s(x_j),  x_j ~ p_t   (KL(t‖s) up to the teacher's entropy):
 *     D passes per layer to sample the teacher, D per layer for the student's density of them.
 * `teacherSamplesDrawn` counts every teacher sample drawn for training.
 */
import { tf } from '../tf';
import { createRng } from '../../core/rng';
import type { Rng } from '../../core/types';
import { DEFAULT_STUDENT_NOISE, type KlDirection, type StudentNoise } from '../../core/flow/distill-schedule';
import { latticeNormals } from '../../core/flow/lattice-noise';
import { GatedAdam } from '../flow/gated-adam';
import type { TfFlow } from '../flow/tf-flow';

export interface StudentTrainerOptions {
  learningRate: number;
  batchSize: number;
  clipNorm: number;
  seed: number;
  /**
   * How a KL(s‖t) step draws its batch of z (StudentNoise; absent: DEFAULT_STUDENT_NOISE, the
   * shifted lattice). KL(t‖s) steps always draw independent z for the teacher's samples.
   */
  noise?: StudentNoise;
}

export interface StudentStepStatus {
  /** Loss of the latest step (nats; NaN before the first). */
  loss: number;
  /** ‖∂L/∂θ_s‖₂ of the latest step, before clipping (NaN before the first). */
  gradientNorm: number;
  /** Steps rejected as non-finite. */
  skipped: number;
}

export class StudentTrainer {
  private readonly adam: GatedAdam;
  private readonly rng: Rng;
  private lastLoss: tf.Scalar | null = null;
  private lastNorm: tf.Scalar | null = null;
  teacherSamplesDrawn = 0;

  constructor(
    private readonly student: TfFlow,
    private readonly teacher: TfFlow,
    readonly direction: KlDirection,
    private options: StudentTrainerOptions,
  ) {
    this.adam = new GatedAdam(student.variables(), options);
    this.rng = createRng(options.seed);
  }

  set learningRate(lr: number) {
    this.adam.learningRate = lr;
  }

  /** Points per step from the next step on. */
  set batchSize(n: number) {
    this.options = { ...this.options, batchSize: n };
  }

  private noise(n: number): tf.Tensor2D {
    const D = this.student.config.dim;
    const kind = this.direction === 'student-teacher' ? (this.options.noise ?? DEFAULT_STUDENT_NOISE) : 'independent';
    if (kind === 'lattice') return tf.tensor2d(latticeNormals(n, D, this.rng), [n, D]);
    const z = new Float32Array(n * D);
    for (let k = 0; k < z.length; k++) z[k] = this.rng.normal();
    return tf.tensor2d(z, [n, D]);
  }

  /** One step; `teacherWeight` is β (KL(s‖t) phases only). */
  step(teacherWeight = 1): void {
    const n = this.options.batchSize;
    const z = this.noise(n);
    let teacherSamples: tf.Tensor2D | null = null;
    if (this.direction === 'teacher-student') {
      teacherSamples = tf.tidy(() => this.teacher.toData(z, 'maf').out);
      this.teacherSamplesDrawn += n;
    }
    const vars = this.student.variables();
    const { value, grads } = tf.variableGrads(() => {
      if (teacherSamples) return tf.neg(tf.mean(this.student.logProb(teacherSamples, 'iaf')));
      const { x, logProb } = this.student.sampleWithLogProb(z, 'iaf');
      return tf.mean(tf.sub(logProb, tf.mul(this.teacher.logProb(x, 'maf'), teacherWeight)));
    }, vars);
    const ordered = vars.map((v) => grads[v.name]);
    const norm = tf.tidy(() => tf.sqrt(tf.addN(ordered.map((g) => tf.sum(tf.square(g))))) as tf.Scalar);
    this.adam.apply(value, ordered);
    ordered.forEach((g) => g.dispose());
    z.dispose();
    teacherSamples?.dispose();
    this.lastLoss?.dispose();
    this.lastNorm?.dispose();
    this.lastLoss = value;
    this.lastNorm = norm;
  }

  /** Steps rejected so far, on the device (no readback). */
  get skippedSteps(): tf.Variable {
    return this.adam.skipped;
  }

  /** Reads loss, gradient norm and skip count back (one sync each). */
  async status(): Promise<StudentStepStatus> {
    const loss = this.lastLoss ? (await this.lastLoss.data())[0] : Number.NaN;
    const gradientNorm = this.lastNorm ? (await this.lastNorm.data())[0] : Number.NaN;
    const skipped = (await this.adam.skipped.data())[0];
    return { loss, gradientNorm, skipped };
  }

  dispose(): void {
    this.lastLoss?.dispose();
    this.lastNorm?.dispose();
    this.lastLoss = this.lastNorm = null;
    this.adam.dispose();
  }
}
