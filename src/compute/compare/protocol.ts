/**
 * The lab's comparison view: the same data set fitted by MAF, IAF and coupling flows, one
 * family per call, so the page shows each row as it arrives and asks for nothing while the
 * view is closed. Types only; the page imports this file with `import type`.
 */
import type { FlowFamily } from '../../core/flow/flow-spec';
import type { TransformKind } from '../../core/flow/transform';
import type { GridSpec } from '../../core/types';

export interface CompareRequest {
  dataset: string;
  flow: FlowFamily;
  transform: TransformKind;
  layers: number;
  hidden: number;
  seed: number;
  /** The preset's model-file text for (dataset, flow, transform) when one exists, else null (train live). */
  presetText: string | null;
  /** Maximum-likelihood steps when there is no preset that fits. */
  trainSteps: number;
  /** Side of the density grid. */
  gridSize: number;
}

export interface CompareRow {
  flow: FlowFamily;
  transform: TransformKind;
  /** Where the weights came from: a committed preset, or trained here for `trainedSteps`. */
  origin: 'preset' | 'trained';
  trainedSteps: number;
  /** Mean −log p on held-out points of the data set (nats), with its standard error. */
  heldOutNll: number;
  heldOutNllSe: number;
  heldOutCount: number;
  /** H(p) of the data set where known (nats), else null: the KL gap is NLL − H(p). */
  entropyFloor: number | null;
  /** Median ms per maximum-likelihood training step on this backend, after warm-up steps. */
  msPerStep: number;
  /** Timed steps behind the median (after the untimed warm-up). */
  timedSteps: number;
  backend: string;
  grid: GridSpec;
  /** log p on the grid, [ny·nx]. */
  logDensity: Float32Array;
}

export interface CompareApi {
  /** Builds (preset or fresh), trains if fresh, evaluates and times one family on the data set. */
  compareFit(request: CompareRequest): Promise<CompareRow>;
}
