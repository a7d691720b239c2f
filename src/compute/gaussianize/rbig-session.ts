/**
 * The worker's RBIG stack for the panel: iterations are fitted on demand and cached, so
 * "Next iteration" costs one layer. Iteration k fits (core, float64) the marginal CDFs of
 * x^{(k−1)} and a rotation Q_k, then applies the layer with tfjs to the training cloud and the
 * held-out cloud (Y = G(X) Q_kᵀ). The Gaussianity measure is taken on the held-out points
 * (core/gaussianize/held-out-gaussianity.ts): KL(T_k#p ‖ N(0, I)) = NLL_held-out − Ĥ(p), with its
 * standard error, Ĥ(p) estimated once (k-NN on the standardised training data). Measured on
 * the training points it would read far below 0 for the empirical CDF (they collapse onto its
 * steps), so it never is.
 */
import { tf } from '../tf';
import { standardizeWithScale } from '../../core/gaussianize/gaussianity';
import { heldOutGaussianity, standardizeLike, type HeldOutMeasure } from '../../core/gaussianize/held-out-gaussianity';
import { knnEntropy } from '../../core/gaussianize/knn-entropy';
import { fitMarginalGaussianization } from '../../core/gaussianize/marginal-gaussianization';
import { fitRotation } from '../../core/gaussianize/rotation';
import { createRng } from '../../core/rng';
import type { Rng } from '../../core/types';
import { marginalSpec } from './marginal-spec';
import type { GaussianityPoint, GridRequest, RbigConfig, RbigIterationFrame } from './protocol';
import {
  applyMatrixTf,
  marginalLayerTf,
  stackInverseTf,
  stackLogDensityTf,
  type StackLayer,
} from './tf-stack';
import { gridCellCentres } from '../../core/gaussianize/grid';

const DIM = 2;
const IDENTITY = Float32Array.of(1, 0, 0, 1);

interface Iteration {
  layer: StackLayer | null;
  afterMarginal: Float32Array;
  cloud: Float32Array;
  measure: GaussianityPoint;
  /** Held-out points pushed through the first k layers, and their summed log|det| [m]. */
  heldOut: Float32Array;
  heldOutLogDet: Float32Array;
  heldOutLogLikelihood: number;
}

const point = (g: HeldOutMeasure): GaussianityPoint => ({
  kl: g.klToStandardNormal,
  standardError: g.standardError,
  totalCorrelation: g.totalCorrelation,
  marginalNonGaussianity: g.marginalNonGaussianity,
});

export class RbigSession {
  readonly config: RbigConfig;
  private readonly iterations: Iteration[] = [];
  private readonly rng: Rng;
  /** Ĥ(p) of the data (k-NN on the standardised training points, plus Σ log std). */
  private readonly entropy: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(config: RbigConfig) {
    this.config = config;
    this.rng = createRng(config.seed);
    const n = config.points.length / DIM;
    const standardized = standardizeWithScale({ data: config.points, n, dim: DIM });
    const standardizedEntropy = knnEntropy(standardized.points.data, n, DIM);
    this.entropy = standardizedEntropy + standardized.logScale;
    const m = config.heldOut.length / DIM;
    // Iteration 0 measures the held-out data standardised as the training data were
    // (log|det| = −Σ log std per point): the raw scale is arbitrary.
    const heldOutStandardized = standardizeLike({ data: config.heldOut, n: m, dim: DIM }, { data: config.points, n, dim: DIM });
    const measure = heldOutGaussianity(
      heldOutStandardized.points,
      new Float64Array(m).fill(-heldOutStandardized.logScale),
      this.entropy,
    );
    this.iterations.push({
      layer: null,
      afterMarginal: config.points,
      cloud: config.points,
      measure: point(measure),
      heldOut: config.heldOut,
      heldOutLogDet: new Float32Array(m),
      heldOutLogLikelihood: Number.NaN,
    });
  }

  get fitted(): number {
    return this.iterations.length - 1;
  }

  /** Fits up to iteration k; concurrent calls queue, so each iteration is fitted once, in order. */
  private ensure(k: number): Promise<void> {
    const run = this.queue.then(async () => {
      while (this.fitted < k) await this.fitNext();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Fits iterations up to k (each once), returning frame k. */
  async iteration(k: number): Promise<RbigIterationFrame> {
    const start = performance.now();
    await this.ensure(k);
    const it = this.iterations[k];
    const before = this.iterations[Math.max(0, k - 1)].cloud;
    const upTo = this.iterations.slice(0, k + 1);
    return {
      key: this.config.key,
      iteration: k,
      before: k === 0 ? it.cloud : before,
      afterMarginal: it.afterMarginal,
      after: it.cloud,
      rotation: it.layer?.rotation ?? IDENTITY,
      measures: upTo.map((i) => i.measure),
      heldOutLogLikelihood: upTo.map((i, j) => (j === 0 ? Number.NaN : i.heldOutLogLikelihood)),
      ms: performance.now() - start,
    };
  }

  private async fitNext(): Promise<void> {
    const previous = this.iterations[this.iterations.length - 1];
    const n = previous.cloud.length / DIM;
    const m = previous.heldOut.length / DIM;
    const { kind, bandwidthFactor, rotation: rotationKind } = this.config;
    const marginal = fitMarginalGaussianization(
      { data: previous.cloud, n, dim: DIM },
      { kind, bandwidthFactor },
    );
    const marginals = marginal.marginals.map(marginalSpec);
    // Gaussianize, then fit the rotation on the Gaussianized cloud (as core's fitRbig does).
    const gaussianizedT = tf.tidy(() =>
      marginalLayerTf(marginals, tf.tensor2d(previous.cloud, [n, DIM])),
    );
    const gaussianized = (await gaussianizedT.z.data()) as Float32Array;
    tf.dispose([gaussianizedT.z, gaussianizedT.logDet]);
    const q = Float32Array.from(fitRotation(rotationKind, gaussianized, n, DIM, this.rng));
    const layer: StackLayer = { marginals, rotation: q };

    const [cloudT, heldOutT, heldOutLogDetT] = tf.tidy(() => {
      const cloud = applyMatrixTf(q, tf.tensor2d(gaussianized, [n, DIM]));
      const step = marginalLayerTf(marginals, tf.tensor2d(previous.heldOut, [m, DIM]));
      const heldOut = applyMatrixTf(q, step.z);
      const heldOutLogDet = tf.add(tf.tensor1d(previous.heldOutLogDet), step.logDet);
      return [cloud, heldOut, heldOutLogDet];
    });
    const [cloud, heldOut, heldOutLogDet] = (await Promise.all(
      [cloudT, heldOutT, heldOutLogDetT].map((t) => t.data()),
    )) as Float32Array[];
    tf.dispose([cloudT, heldOutT, heldOutLogDetT]);

    // Measured on the held-out points pushed through the k layers (float64, core).
    const measure = heldOutGaussianity(
      { data: Float64Array.from(heldOut), n: m, dim: DIM },
      heldOutLogDet,
      this.entropy,
    );
    this.iterations.push({
      layer,
      afterMarginal: gaussianized,
      cloud,
      measure: point(measure),
      heldOut,
      heldOutLogDet,
      heldOutLogLikelihood: -measure.heldOutNll,
    });
  }

  private layers(k: number): StackLayer[] {
    if (k > this.fitted) throw new Error(`iteration ${k} is not fitted yet (${this.fitted} are)`);
    return this.iterations.slice(1, k + 1).map((i) => i.layer as StackLayer);
  }

  /** x = T_k⁻¹(z), z ~ N(0, I) [n·2]. */
  async samples(k: number, n: number, seed: number): Promise<Float32Array> {
    await this.ensure(k);
    const rng = createRng(seed);
    const z = Float32Array.from({ length: n * DIM }, () => rng.normal());
    const x = tf.tidy(() => stackInverseTf(this.layers(k), tf.tensor2d(z, [n, DIM])));
    const values = (await x.data()) as Float32Array;
    x.dispose();
    return values;
  }

  /** log p_k at the grid's cell centres [ny·nx]. */
  async density(k: number, grid: GridRequest): Promise<Float32Array> {
    await this.ensure(k);
    const cells = Float32Array.from(gridCellCentres(grid, grid.nx, grid.ny));
    const logDensity = tf.tidy(() =>
      stackLogDensityTf(this.layers(k), tf.tensor2d(cells, [grid.nx * grid.ny, DIM])),
    );
    const values = (await logDensity.data()) as Float32Array;
    logDensity.dispose();
    return values;
  }
}
