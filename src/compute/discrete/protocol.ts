/**
 * The discrete-data panel's contract with the compute worker: two copies of one MAF (same
 * initial weights) fitted by maximum likelihood to integer-valued 2-D data, one on the
 * lattice points themselves ("plain"), one on x + u, u ~ U[0, 1)² ("dequantized"), and
 * frames of both. Types only; the page imports this file with `import type`.
 */
import type { GridSpec } from '../../core/types';

/** Most training steps one call may ask for, and most steps a session records. */
export const DISCRETE_MAX_STEPS_PER_CALL = 200;
export const DISCRETE_MAX_STEPS = 20_000;

export interface DiscreteConfig {
  /** Identifies the session; later calls name it and fail once it is replaced. */
  key: string;
  /** Seeds the shared initial weights, the batches and the Monte-Carlo draws. */
  seed: number;
}

export interface DiscreteInfo {
  key: string;
  /** The lattice points [m·2] and their probabilities P [m] (core/discrete/lattice.ts). */
  points: Float32Array;
  probs: Float32Array;
  /** H(P) in nats, exact. */
  entropy: number;
  /** The density grid: cell centres pass through the lattice points. */
  grid: GridSpec;
  layers: number;
  hidden: number[];
  batchSize: number;
  learningRate: number;
  /** Uniform draws u per lattice point for the dequantized NLL estimate. */
  drawsPerPoint: number;
  /** Midpoint-rule nodes per unit cell for P̂(x) = ∫ p(x + u) du. */
  cellNodes: number;
}

/** One evaluation of both models, and the history so far (one entry per evaluation). */
export interface DiscreteFrame {
  key: string;
  step: number;
  /** Training steps at each evaluation [r]. */
  steps: Float32Array;
  /** Plain model: −Σ_x P(x) log p(x), exact over the pmf (nats) [r]. */
  plainNll: Float32Array;
  /** Dequantized model: E_{x~P} E_u[−log p(x + u)], Monte Carlo (nats) [r], and its standard error [r]. */
  dequantizedNll: Float32Array;
  dequantizedError: Float32Array;
  /** Dequantized model as a pmf: −Σ_x P(x) log P̂(x), P̂ by the midpoint rule (nats) [r]. */
  dequantizedCrossEntropy: Float32Array;
  /** Σ_x P̂(x) of the dequantized model: its mass on the lattice cells (≤ 1). */
  dequantizedCellMass: number;
  /** max_x log p(x) of the plain model over the lattice points: the height of its tallest spike. */
  plainPeakLogDensity: number;
  /** log p on the grid's cell centres, [ny·nx], row 0 at y0. */
  plainLogDensity: Float32Array;
  dequantizedLogDensity: Float32Array;
  /** Steps rejected as non-finite, both models together. */
  skipped: number;
  /** Worker time of this call (training and evaluation, results read back), ms. */
  ms: number;
}

/** The worker methods of the discrete-data panel. */
export interface DiscreteApi {
  /** Starts a session (a new key replaces and disposes the old one); returns its set-up. */
  discreteConfigure(config: DiscreteConfig): Promise<DiscreteInfo>;
  /** Trains both models `steps` steps (0 … DISCRETE_MAX_STEPS_PER_CALL), then evaluates them. */
  discreteTrain(key: string, steps: number): Promise<DiscreteFrame>;
  /** Disposes the session's models (the panel was hidden); a no-op for an unknown key. */
  discreteRelease(key: string): Promise<void>;
}
