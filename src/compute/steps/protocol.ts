/**
 * The step-by-step panel's contract with the compute worker. Types only; the page imports
 * this file with `import type`.
 *
 * The page replays every step with the float64 reference (core/flow/trace.ts) on the weights
 * the worker returns, so the numbers it shows are the engine's arithmetic; the worker trains
 * those weights, differentiates a layer by autodiff, and times the seven operations.
 */
import type { FlowKind, FlowWeights } from '../../core/flow/config';
import type { CouplingWeights } from '../../core/flow/coupling-config';
import type { CostOperationId } from '../cost/cost-lab';

/** Which small flow to fit: the D-dimensional correlated Gaussian mixture, K layers. */
export interface StepsModelRequest {
  /**
   * The flow kind the weights are fitted as (default 'maf'). Both are fitted by maximum
   * likelihood on the data: a MAF's density is one pass per layer, an IAF's is sequential
   * (D passes per layer), so an IAF step costs about D times as many network passes.
   */
  kind?: FlowKind;
  /** D, 2 … 8. */
  dim: number;
  /** K, 1 … 12. */
  layers: number;
  seed: number;
  /** Maximum-likelihood steps (default 300). */
  trainSteps?: number;
  /** Training stops early after this many ms (default 6,000: software WebGPU is slow). */
  budgetMs?: number;
}

/** A flow fitted as the kind asked for (an IAF's weights are not the MAF's). */
export interface StepsModel {
  /** The kind the weights were fitted as: read them as this kind only. */
  kind: FlowKind;
  weights: FlowWeights;
  /** Steps actually trained (fewer than asked when the budget ran out). */
  trainedSteps: number;
  /** Held-out NLL in nats before and after training (1,024 fresh points of the mixture). */
  nllBefore: number;
  nllAfter: number;
  /** −(1/n) Σ log p_data(x_j) on the same held-out points (the exact mixture density): the floor. */
  nllData: number;
  trainMs: number;
}

/** A coupling flow fitted like the StepsModel (maximum likelihood, one pass per layer). */
export interface StepsCouplingModel extends Omit<StepsModel, 'kind' | 'weights'> {
  kind: 'coupling';
  weights: CouplingWeights;
}

/** The direction a layer acts in: T (one pass) or T⁻¹ (D passes), core/flow/config.ts. */
export type LayerDirection = 'parallel' | 'sequential';

export interface StepsJacobianRequest {
  weights: FlowWeights;
  layerIndex: number;
  direction: LayerDirection;
  /** The layer's input point, [D]. */
  point: number[];
}

export interface StepsTimingRequest {
  dim: number;
  layers: number;
  /** Points per timed batch. */
  n: number;
  /** Timed runs per operation after the untimed warm-up (median reported; default 7). */
  repeats?: number;
}

export interface StepsTimingRow {
  operation: CostOperationId;
  /** Network passes for the whole stack. */
  passes: number;
  /** Median ms for the batch, awaiting the result. */
  ms: number;
}

export interface StepsTiming {
  /** The tfjs backend that ran the measurement, e.g. "wasm". */
  backend: string;
  dim: number;
  layers: number;
  n: number;
  /** Timed runs behind each median (after untimed warm-up runs of every operation). */
  repeats: number;
  rows: StepsTimingRow[];
}

export interface StepsApi {
  /** Builds and briefly trains (maximum likelihood) a flow; cached per request. */
  stepsModel(request: StepsModelRequest): Promise<StepsModel>;
  /** Builds and briefly trains a coupling flow (the request's kind is ignored); cached per request. */
  stepsCouplingModel(request: StepsModelRequest): Promise<StepsCouplingModel>;
  /** J[i][j] = ∂out_i/∂in_j of one layer's map at a point, by autodiff, in variable indices. */
  stepsJacobian(request: StepsJacobianRequest): Promise<number[][]>;
  /** Times density, sampling and own-sample density for MAF and IAF on the current backend. */
  stepsTiming(request: StepsTimingRequest): Promise<StepsTiming>;
}
