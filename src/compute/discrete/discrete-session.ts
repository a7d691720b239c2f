/**
 * One discrete-data session: a MAF fitted twice from the same initial weights, by maximum
 * likelihood on
 *   plain:        x ~ P                (integer points: the density can spike on them)
 *   dequantized:  x + u, u ~ U[0, 1)²  (a density on the plane: its NLL is bounded below)
 * and their evaluation (core/discrete/dequantization.ts for the math):
 *   plain NLL          −Σ_x P(x) log p(x)                exact over the m lattice points
 *   dequantized NLL    E_{x~P} E_u[−log p(x + u)]         Monte Carlo, r draws per point
 *   cross-entropy      −Σ_x P(x) log P̂(x),  P̂(x) = ∫_{[0,1)²} p(x + u) du   (midpoint rule)
 * The models are the only tensors kept between calls. On WebGPU (whose device can be lost)
 * each frame also reads back both models' weights, so a move to another backend
 * (moveToCurrentBackend, device-loss.ts) goes on from the last frame with its history.
 */
import { tf } from '../tf';
import { DEFAULT_FLOW_CONFIG, type FlowConfig, type FlowWeights } from '../../core/flow/config';
import { initFlowWeights } from '../../core/flow/init';
import { createRng } from '../../core/rng';
import type { GridSpec, Rng } from '../../core/types';
import {
  cellLogMass,
  cellMidpoints,
  crossEntropy,
  weightedMonteCarlo,
} from '../../core/discrete/dequantization';
import {
  dequantize,
  discreteEntropy,
  latticePmf,
  sampleLattice,
  type LatticePmf,
} from '../../core/discrete/lattice';
import { TfFlow } from '../flow/tf-flow';
import { FlowTrainer, type TrainerOptions } from '../flow/trainer';
import { evaluateInChunks, gridPoints } from '../lab/grid';
import type { DiscreteConfig, DiscreteFrame, DiscreteInfo } from './protocol';

const LAYERS = 5;
const HIDDEN = [32, 32];
const BATCH = 256;
const LEARNING_RATE = 3e-3;
const DRAWS_PER_POINT = 64;
/** k of the k × k midpoint rule per unit cell. */
const CELL_SIDE = 8;
/** Grid step 1/8 with cell centres on the integers: x0 = −3.5 − 1/16, 64 cells a side. */
const DISCRETE_GRID: GridSpec = {
  x0: -3.5625,
  x1: 4.4375,
  y0: -3.5625,
  y1: 4.4375,
  nx: 64,
  ny: 64,
};

export class DiscreteSession {
  readonly pmf: LatticePmf;
  readonly info: DiscreteInfo;
  private plain!: TfFlow;
  private dequantized!: TfFlow;
  private plainTrainer!: FlowTrainer;
  private dequantizedTrainer!: FlowTrainer;
  /** Both models' weights as of the last frame (read back on WebGPU only), for a lost device. */
  private snapshot: { plain: FlowWeights; dequantized: FlowWeights } | null = null;
  private readonly rng: Rng;
  private readonly gridXY: Float32Array;
  private readonly nodes: Float64Array;
  private readonly history = {
    steps: [] as number[],
    plainNll: [] as number[],
    dequantizedNll: [] as number[],
    dequantizedError: [] as number[],
    dequantizedCrossEntropy: [] as number[],
  };

  constructor(readonly config: DiscreteConfig) {
    this.pmf = latticePmf();
    const flowConfig: FlowConfig = {
      ...DEFAULT_FLOW_CONFIG,
      layers: LAYERS,
      hidden: [...HIDDEN],
      seed: config.seed,
    };
    const weights = initFlowWeights(flowConfig);
    this.buildModels(weights, weights, 0);
    const pmf = this.pmf;
    this.rng = createRng(config.seed + 7_777);
    this.gridXY = gridPoints(DISCRETE_GRID);
    this.nodes = cellMidpoints(CELL_SIDE);
    this.info = {
      key: config.key,
      points: Float32Array.from(pmf.points),
      probs: Float32Array.from(pmf.probs),
      entropy: discreteEntropy(pmf.probs),
      grid: { ...DISCRETE_GRID },
      layers: LAYERS,
      hidden: [...HIDDEN],
      batchSize: BATCH,
      learningRate: LEARNING_RATE,
      drawsPerPoint: DRAWS_PER_POINT,
      cellNodes: CELL_SIDE * CELL_SIDE,
    };
  }

  /** Both models and their trainers from weights, the trainers counting on from `steps`. */
  private buildModels(plain: FlowWeights, dequantized: FlowWeights, steps: number): void {
    this.plain = new TfFlow(plain);
    this.dequantized = new TfFlow(dequantized);
    const options: TrainerOptions = {
      learningRate: LEARNING_RATE,
      batchSize: BATCH,
      clipNorm: 10,
      seed: this.config.seed + steps,
    };
    const pmf = this.pmf;
    this.plainTrainer = new FlowTrainer(
      this.plain,
      'maf',
      { kind: 'maximum-likelihood', sampleBatch: (n, rng) => sampleLattice(pmf, n, rng) },
      options,
    );
    this.dequantizedTrainer = new FlowTrainer(
      this.dequantized,
      'maf',
      {
        kind: 'maximum-likelihood',
        sampleBatch: (n, rng) => dequantize(sampleLattice(pmf, n, rng), rng),
      },
      options,
    );
    this.plainTrainer.resumeCount(steps);
    this.dequantizedTrainer.resumeCount(steps);
  }

  /**
   * The backend was replaced (a lost WebGPU device): both models again on the new one, from
   * the last frame's weights (or the current ones when the old backend still answers), with
   * their step count and history. Adam's moments start again. False when nothing could be
   * recovered (the models then start again from the seed's weights).
   */
  async moveToCurrentBackend(): Promise<boolean> {
    const steps = this.step;
    const weights =
      this.snapshot ??
      (await Promise.all([this.plain.readWeights(), this.dequantized.readWeights()]).then(
        ([plain, dequantized]) => ({ plain, dequantized }),
        () => null,
      ));
    try {
      this.dispose();
    } catch {
      // Tensors of a lost device may refuse to be released; they are gone anyway.
    }
    if (weights) {
      this.buildModels(weights.plain, weights.dequantized, steps);
      return true;
    }
    const fresh = initFlowWeights({ ...DEFAULT_FLOW_CONFIG, layers: LAYERS, hidden: [...HIDDEN], seed: this.config.seed });
    this.buildModels(fresh, fresh, 0);
    return false;
  }

  get step(): number {
    return this.plainTrainer.steps;
  }

  /** `steps` optimiser steps of each model (no readback). */
  train(steps: number): void {
    for (let s = 0; s < steps; s++) {
      this.plainTrainer.step();
      this.dequantizedTrainer.step();
    }
  }

  /** Lattice points, each repeated over `offsets` [q·2] (x_k + o_j), [m·q·2]. */
  private shifted(offsets: Float64Array): Float32Array {
    const m = this.pmf.probs.length;
    const q = offsets.length / 2;
    const out = new Float32Array(m * q * 2);
    for (let k = 0; k < m; k++)
      for (let j = 0; j < q; j++) {
        out[2 * (k * q + j)] = this.pmf.points[2 * k] + offsets[2 * j];
        out[2 * (k * q + j) + 1] = this.pmf.points[2 * k + 1] + offsets[2 * j + 1];
      }
    return out;
  }

  /** Evaluates both models, appends to the history and returns the frame (ms since `start`). */
  async frame(start: number): Promise<DiscreteFrame> {
    const { probs, points } = this.pmf;
    const logPlain = (x: tf.Tensor2D) => this.plain.logProb(x, 'maf');
    const logDeq = (x: tf.Tensor2D) => this.dequantized.logProb(x, 'maf');
    const plainAtPoints = await evaluateInChunks(Float32Array.from(points), logPlain);
    // x_k + u_kj, u_kj ~ U[0, 1)², j < r: fresh draws every frame, [m·r·2].
    const draws = new Float32Array(probs.length * DRAWS_PER_POINT * 2);
    for (let k = 0; k < draws.length; k++)
      draws[k] = points[2 * Math.floor(k / (2 * DRAWS_PER_POINT)) + (k % 2)] + this.rng.uniform();
    const deqAtDraws = await evaluateInChunks(draws, logDeq);
    const deqAtNodes = await evaluateInChunks(this.shifted(this.nodes), logDeq);
    const plainGrid = await evaluateInChunks(this.gridXY, logPlain);
    const deqGrid = await evaluateInChunks(this.gridXY, logDeq);

    const nll = Float64Array.from(deqAtDraws, (v) => -v);
    const dequantizedNll = weightedMonteCarlo(probs, nll, DRAWS_PER_POINT);
    const logMass = cellLogMass(deqAtNodes, this.nodes.length / 2);
    const h = this.history;
    h.steps.push(this.step);
    h.plainNll.push(crossEntropy(probs, plainAtPoints));
    h.dequantizedNll.push(dequantizedNll.mean);
    h.dequantizedError.push(dequantizedNll.standardError);
    h.dequantizedCrossEntropy.push(crossEntropy(probs, logMass));
    const skipped =
      (await this.plainTrainer.status()).skipped + (await this.dequantizedTrainer.status()).skipped;
    if (tf.getBackend() === 'webgpu')
      this.snapshot = { plain: await this.plain.readWeights(), dequantized: await this.dequantized.readWeights() };
    return {
      key: this.config.key,
      step: this.step,
      steps: Float32Array.from(h.steps),
      plainNll: Float32Array.from(h.plainNll),
      dequantizedNll: Float32Array.from(h.dequantizedNll),
      dequantizedError: Float32Array.from(h.dequantizedError),
      dequantizedCrossEntropy: Float32Array.from(h.dequantizedCrossEntropy),
      dequantizedCellMass: logMass.reduce((s, v) => s + Math.exp(v), 0),
      plainPeakLogDensity: plainAtPoints.reduce((a, b) => Math.max(a, b), -Infinity),
      plainLogDensity: plainGrid,
      dequantizedLogDensity: deqGrid,
      skipped,
      ms: performance.now() - start,
    };
  }

  dispose(): void {
    this.plainTrainer.dispose();
    this.dequantizedTrainer.dispose();
    this.plain.dispose();
    this.dequantized.dispose();
  }
}
