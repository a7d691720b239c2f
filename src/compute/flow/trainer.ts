/**
 * Training a flow: maximum likelihood on data samples (MAF's natural regime; IAF pays D
 * passes per layer for every density), or reverse KL to an unnormalised target p* ∝ e^{−U}
 * (IAF's natural regime: samples and their log q in one pass).
 *   ML:          L = −(1/n) Σ log p(x_j),                 x_j ~ data
 *   reverse KL:  L = (1/n) Σ [log q(x(z_j)) + U(x(z_j))],  z_j ~ N(0, I)   (= KL(q‖p) − log Z;
 *                the lab adds log Z to show the KL itself: lab/reverse-kl.ts)
 * Batches are drawn with the core seeded Rng and uploaded, so a seed reproduces a run on every
 * backend. A step never reads back: the loss is read at most once per drawn frame.
 */
import { tf } from '../tf';
import type { FlowKind } from '../../core/flow/config';
import { createRng } from '../../core/rng';
import type { PointSet, Rng } from '../../core/types';
import { GatedAdam } from './gated-adam';
import { constantSchedule, learningRateAt, type LrSchedule } from '../../core/flow/lr-schedule';
import { fusedTrainerFor, type FusedMafTrainer } from '../webgpu';

/**
 * What the trainer needs of a flow: TfFlow (MAF/IAF, affine or spline) and TfCouplingFlow
 * (which ignores the kind: both its directions are one pass) both fit.
 */
export interface TrainableFlow {
  readonly config: { dim: number };
  variables(): tf.Variable[];
  /** log p(x) [n]. */
  logProb(x: tf.Tensor2D, kind: FlowKind): tf.Tensor1D;
  /** x = f(z) and its log p [n], without inverting. */
  sampleWithLogProb(z: tf.Tensor2D, kind: FlowKind): { x: tf.Tensor2D; logProb: tf.Tensor1D };
}

export type TrainingObjective =
  /** Data from a sampler: points drawn in JS (uploaded), or a tensor drawn on the device (e.g. a teacher flow's samples). */
  | { kind: 'maximum-likelihood'; sampleBatch: (n: number, rng: Rng) => PointSet | tf.Tensor2D }
  | { kind: 'reverse-kl'; energy: (x: tf.Tensor2D) => tf.Tensor1D };

export interface TrainerOptions {
  /** Peak learning rate η (the schedule's scale). */
  learningRate: number;
  /** How η varies with the step (core/flow/lr-schedule.ts); absent: constant η. */
  schedule?: Omit<LrSchedule, 'peak'>;
  /** Schedule position of the first step: the steps the model was already trained for (a preset's). */
  scheduleStart?: number;
  batchSize: number;
  /** Global gradient-norm clip. */
  clipNorm: number;
  seed: number;
}

const DEFAULT_TRAINER_OPTIONS: TrainerOptions = {
  learningRate: 1e-3,
  batchSize: 512,
  clipNorm: 10,
  seed: 1,
};

export interface TrainerStatus {
  step: number;
  /** Loss of the most recent step (NaN before the first). */
  loss: number;
  /** Steps rejected because the loss or gradient was not finite. */
  skipped: number;
}

export class FlowTrainer {
  private readonly adam: GatedAdam;
  private readonly rng: Rng;
  private lastLoss: tf.Scalar | null = null;
  private stepCount = 0;
  private schedule: LrSchedule;
  private currentBatchSize: number;
  /** The fused WebGPU step (webgpu/), when the backend and model allow it; else null. */
  private fused: FusedMafTrainer | null;

  constructor(
    private readonly flow: TrainableFlow,
    public kind: FlowKind,
    private readonly objective: TrainingObjective,
    readonly options: TrainerOptions = DEFAULT_TRAINER_OPTIONS,
  ) {
    this.adam = new GatedAdam(flow.variables(), options);
    this.rng = createRng(options.seed);
    this.schedule = options.schedule ? { ...options.schedule, peak: options.learningRate } : constantSchedule(options.learningRate);
    this.currentBatchSize = options.batchSize;
    this.fused = fusedTrainerFor(flow, kind, objective.kind, options);
  }

  /** Whether the steps run as the fused WebGPU program (webgpu/) rather than tfjs ops. */
  get fusedStep(): boolean {
    return this.fused !== null;
  }

  /** Sets the peak η; the schedule's position is kept. */
  set learningRate(lr: number) {
    this.schedule = { ...this.schedule, peak: lr };
  }

  /** η for the next step. */
  get currentLearningRate(): number {
    return learningRateAt(this.schedule, (this.options.scheduleStart ?? 0) + this.stepCount);
  }

  /** Points per step from the next step on (a live param: Adam's moments and the weights stay). */
  set batchSize(n: number) {
    this.currentBatchSize = n;
  }

  get steps(): number {
    return this.stepCount;
  }

  /**
   * Continues the step count of an earlier trainer of the same model (after a backend move, or
   * the steps a preset was trained for): the schedule resumes at that position.
   */
  resumeCount(steps: number): void {
    this.stepCount = steps;
  }

  private batch(): tf.Tensor2D {
    const n = this.currentBatchSize;
    const D = this.flow.config.dim;
    if (this.objective.kind === 'maximum-likelihood') {
      const pts = this.objective.sampleBatch(n, this.rng);
      if (pts instanceof tf.Tensor) return pts;
      if (pts.dim !== D) throw new Error(`training data has ${pts.dim} dimensions, the flow ${D}`);
      return tf.tensor2d(pts.data, [pts.n, D]);
    }
    const z = new Float32Array(n * D);
    for (let k = 0; k < z.length; k++) z[k] = this.rng.normal();
    return tf.tensor2d(z, [n, D]);
  }

  private loss(batch: tf.Tensor2D): tf.Scalar {
    if (this.objective.kind === 'maximum-likelihood') return tf.neg(tf.mean(this.flow.logProb(batch, this.kind)));
    const { x, logProb } = this.flow.sampleWithLogProb(batch, this.kind);
    return tf.mean(tf.add(logProb, this.objective.energy(x)));
  }

  /** One optimiser step. Non-finite steps are skipped on the device (see GatedAdam). */
  step(): void {
    const batch = this.batch();
    if (this.fused && this.kind !== this.fused.kind) {
      this.fused.dispose(); // copies its weights into the flow; the composed path takes over
      this.fused = null;
    }
    if (this.fused) {
      this.fused.learningRate = this.currentLearningRate;
      this.fused.step(batch);
      batch.dispose();
      this.stepCount++;
      return;
    }
    const vars = this.flow.variables();
    const { value, grads } = tf.variableGrads(() => this.loss(batch), vars);
    const ordered = vars.map((v) => grads[v.name]);
    this.adam.learningRate = this.currentLearningRate;
    this.adam.apply(value, ordered);
    ordered.forEach((g) => g.dispose());
    batch.dispose();
    this.lastLoss?.dispose();
    this.lastLoss = value;
    this.stepCount++;
  }

  /** Steps rejected so far, on the device (no readback). */
  get skippedSteps(): tf.Variable {
    if (this.fused) return this.fused.skippedSteps();
    return this.adam.skipped;
  }

  /** Reads the latest loss and skip count back (one sync). */
  async status(): Promise<TrainerStatus> {
    if (this.fused) return { step: this.stepCount, ...(await this.fused.readStatus()) };
    const loss = this.lastLoss ? (await this.lastLoss.data())[0] : Number.NaN;
    const skipped = (await this.adam.skipped.data())[0];
    return { step: this.stepCount, loss, skipped };
  }

  dispose(): void {
    this.fused?.dispose();
    this.fused = null;
    this.lastLoss?.dispose();
    this.lastLoss = null;
    this.adam.dispose();
  }
}
