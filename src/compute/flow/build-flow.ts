/**
 * The one factory of trainable flows, shared by the app's worker, the CLI, the preset trainer
 * and the benchmarks: a FlowSpec (core/flow/flow-spec.ts: MAF | IAF | coupling, affine |
 * spline, layers, hidden widths, seed) or a loaded FlowModel becomes an AnyTfFlow.
 *
 * AnyTfFlow wraps TfFlow (MAF/IAF) or TfCouplingFlow behind one interface:
 *   toBase(x)  x → z with log|det ∂z/∂x| [n]   (MAF 1 pass/layer, IAF D, coupling 1)
 *   toData(z)  z → x with log|det ∂x/∂z| [n]   (MAF D passes/layer, IAF 1, coupling 1)
 *   logProb(x) [n], sampleWithLogProb(z)       (FlowTrainer's TrainableFlow)
 * The kind argument of logProb/sampleWithLogProb (TrainableFlow's) is honoured by an
 * autoregressive flow (its weights read as MAF or IAF) and ignored by a coupling flow.
 * Functions returning tensors are tidy-safe.
 */
import type { tf } from '../tf';
import type { FlowKind } from '../../core/flow/config';
import { initFlowModel, type FlowFamily, type FlowModel, type FlowSpec } from '../../core/flow/flow-spec';
import { TfFlow } from './tf-flow';
import { TfCouplingFlow } from './tf-coupling';
import type { TfLayerResult } from './tf-layer';
import type { TrainableFlow } from './trainer';

export class AnyTfFlow implements TrainableFlow {
  /** The MAF/IAF engine, or null for a coupling flow. */
  readonly autoregressive: TfFlow | null;
  /** The coupling engine, or null for MAF/IAF. */
  readonly coupling: TfCouplingFlow | null;

  constructor(
    readonly family: FlowFamily,
    engine: TfFlow | TfCouplingFlow,
  ) {
    this.autoregressive = engine instanceof TfFlow ? engine : null;
    this.coupling = engine instanceof TfCouplingFlow ? engine : null;
  }

  /** The config of the underlying engine (FlowConfig or CouplingConfig). */
  get config(): (TfFlow | TfCouplingFlow)['config'] {
    return (this.autoregressive ?? this.coupling)!.config;
  }

  /** The kind FlowTrainer should be given: the family for MAF/IAF ('maf' for coupling, where it is ignored). */
  get trainerKind(): FlowKind {
    return this.family === 'coupling' ? 'maf' : this.family;
  }

  variables(): tf.Variable[] {
    return (this.autoregressive ?? this.coupling)!.variables();
  }

  private kindOf(kind?: FlowKind): FlowKind {
    return kind ?? this.trainerKind;
  }

  toBase(x: tf.Tensor2D): TfLayerResult {
    return this.autoregressive ? this.autoregressive.toBase(x, this.trainerKind) : this.coupling!.toBase(x);
  }

  toData(z: tf.Tensor2D): TfLayerResult {
    return this.autoregressive ? this.autoregressive.toData(z, this.trainerKind) : this.coupling!.toData(z);
  }

  logProb(x: tf.Tensor2D, kind?: FlowKind): tf.Tensor1D {
    return this.autoregressive ? this.autoregressive.logProb(x, this.kindOf(kind)) : this.coupling!.logProb(x);
  }

  sampleWithLogProb(z: tf.Tensor2D, kind?: FlowKind): { x: tf.Tensor2D; logProb: tf.Tensor1D } {
    return this.autoregressive
      ? this.autoregressive.sampleWithLogProb(z, this.kindOf(kind))
      : this.coupling!.sampleWithLogProb(z);
  }

  /** The current weights with their family (one readback per variable). */
  async readModel(): Promise<FlowModel> {
    if (this.coupling) return { flow: 'coupling', weights: await this.coupling.readWeights() };
    return { flow: this.family as FlowKind, weights: await this.autoregressive!.readWeights() };
  }

  dispose(): void {
    (this.autoregressive ?? this.coupling)!.dispose();
  }
}

/** The tfjs flow of existing weights (a preset, a loaded file, a moved session). */
export function flowFromModel(model: FlowModel, trainable = true): AnyTfFlow {
  return model.flow === 'coupling'
    ? new AnyTfFlow('coupling', new TfCouplingFlow(model.weights, trainable))
    : new AnyTfFlow(model.flow, new TfFlow(model.weights, trainable));
}

/**
 * A fresh flow: buildFlow({ flow: 'coupling', transform: 'spline', layers: 2, hidden: [64, 64], seed: 1 }).
 * Throws naming the field when the spec is out of range.
 */
export function buildFlow(spec: FlowSpec, trainable = true): AnyTfFlow {
  return flowFromModel(initFlowModel(spec), trainable);
}
