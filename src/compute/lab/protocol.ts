/**
 * The lab's contract between the page and the compute worker: params in, frames out.
 * Types only; the page imports this file with `import type`.
 */
import type { FlowFamily } from '../../core/flow/family';
import type { TransformKind } from '../../core/flow/transform';
import type { FlowModel } from '../../core/flow/flow-spec';
import type { GridSpec } from '../../core/types';

/** A data set, an energy target (`u1`…`u4`) or the user's drawn points (`drawn`). */
export type DatasetId = string;

/** Everything that defines the lab's model and its training (mirrors the URL params). */
export interface LabParams {
  /** MAF, IAF or coupling layers. */
  flow: FlowFamily;
  /** The elementwise transform of every layer (default affine). */
  transform?: TransformKind;
  dataset: DatasetId;
  layers: number;
  hidden: number;
  learningRate: number;
  batchSize: number;
  seed: number;
}

export type { GridSpec };

export interface LabModelInfo {
  /** "preset" when the weights came from a committed preset, "fresh" when newly initialised. */
  origin: 'preset' | 'fresh' | 'file';
  /** How the model trains for this data set, in words shown on screen. */
  objective: string;
  /** Entropy floor H(p) in nats where the true density is known, else null. */
  entropyFloor: number | null;
  /**
   * What the training loss is, e.g. "NLL (nats)" or "KL(q‖p) estimate (nats)" (reverse KL: the
   * curve is E_q[log q + U] + log Z, the KL itself, floor 0).
   */
  lossLabel: string;
  /** The value the loss would reach for a perfect model (entropy floor for NLL, 0 for KL), or null. */
  lossFloor: number | null;
  /** log Z of the energy target, added to the reverse-KL loss, and how it was computed; else null. */
  logNormaliser: { value: number; description: string } | null;
  /** Network passes per layer for a training step's density/sample computation, for the UI. */
  passesPerTrainingStep: number;
  /** Bounding box for plots of this data set. */
  view: GridSpec;
}

/** One drawn frame of the lab: everything a panel needs, as plain typed arrays. */
export interface LabFrame {
  params: LabParams;
  step: number;
  /** Learning rate η of the next step (the schedule of core/flow/lr-schedule.ts at its position). */
  learningRate: number;
  /** Loss of the latest step (NaN before training); NLL in nats for ML. */
  loss: number;
  /** (step, loss) pairs since the model was built, downsampled to ≤ 1,000. */
  lossSteps: Float32Array;
  lossValues: Float32Array;
  /** Steps rejected as non-finite. */
  skipped: number;
  training: boolean;
  /** Model log-density on the grid, [ny·nx]. */
  grid: GridSpec;
  logDensity: Float32Array;
  /** True log-density on the same grid where known (−Infinity allowed), else null. */
  trueLogDensity: Float32Array | null;
  /** Model samples from a fixed noise batch, [n·2]. */
  modelSamples: Float32Array;
  /** Data samples (a fixed draw for the plot), [m·2]. */
  dataSamples: Float32Array;
  /** Held-out NLL of the model on fresh data (nats; for energy targets on samples of the target). */
  heldOutNll: number;
  /**
   * Reverse KL on an energy target: KL(q ‖ p) = E_q[log q + U] + log Z on a fixed batch of the
   * model's samples, with its Monte-Carlo standard error (nats); null otherwise.
   */
  klEstimate: { value: number; standardError: number; samples: number } | null;
  /** Median ms per training step over the recent steps; NaN before training. */
  msPerStep: number;
  /** Whether the training steps run as the fused WebGPU program (compute/webgpu/) rather than tfjs ops. */
  fusedStep: boolean;
  /** ms to draw the fixed sample batch on the current backend. */
  msPerSampleBatch: number;
  /** A plain message for the user (e.g. why training paused), or null. */
  message: string | null;
  /**
   * The model's weights as of this frame (read back once per frame): what the page re-uploads
   * when a hung or crashed worker is replaced (state/lab-commands.ts).
   */
  weights?: FlowModel;
}

export interface LabConfigureOptions {
  /** Text of the preset model file for (dataset, flow), fetched by the page, if one exists. */
  presetText?: string | null;
  /** The user's drawn points [n·2] when dataset is `drawn`. */
  drawnPoints?: Float32Array | null;
  /**
   * Cells a side of the idle and live density grids (default 128 and 64: grid.ts). The page
   * never sets it; the browser test of the session's lifecycle on software WebGPU draws small
   * frames with it (each frame and each import check still reads back, as at full size).
   */
  gridCells?: LabGridCells;
}

/** Cells a side of the lab's density grid when idle (sharp) and while training (cheap). */
export interface LabGridCells {
  idle: number;
  live: number;
}

/**
 * The lab's worker methods. Calls run one at a time in call order (training slices between
 * them). `labConfigure` rebuilds the model (from the preset when one fits, else fresh) or
 * applies the change on the next step, as LAB_PARAM_TABLE (core/session/session-params.ts)
 * declares per param.
 */
export interface LabApi {
  labConfigure(params: LabParams, options: LabConfigureOptions): Promise<LabModelInfo>;
  /** Computes a frame now (density grid, samples, loss history). */
  labFrame(): Promise<LabFrame>;
  /** Starts training; `onFrame` (a comlink proxy) receives frames at an adaptive rate. */
  labStart(onFrame: (frame: LabFrame) => void): Promise<void>;
  labPause(): Promise<void>;
  /** Runs n steps (training paused) and returns the frame after them. */
  labStep(n: number): Promise<LabFrame>;
  /** Rebuilds the model as configure would (preset or fresh), discarding training. */
  labReset(): Promise<LabModelInfo>;
  /** The current model as model-file JSON text. */
  labExportModel(): Promise<string>;
  /** Loads a model file; rejects with a message naming the problem; nothing half-loaded. */
  labImportModel(text: string): Promise<LabModelInfo>;
  /** Log-density of given points [n·2] under the current model (e.g. drawn points). */
  labLogProb(points: Float32Array): Promise<Float32Array>;
}
