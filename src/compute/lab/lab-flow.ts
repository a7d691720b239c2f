/**
 * Which flow the lab builds for its params: a MAF or IAF (TfFlow, K autoregressive layers)
 * or a coupling flow (TfCouplingFlow, K coupling layers), each with affine or spline
 * transforms; from a preset whose kind and architecture match, else fresh weights.
 * Both engines fit FlowTrainer's TrainableFlow; `sampleTf` and `labLogProbTf` hide the one
 * difference in their calls (the coupling flow needs no MAF/IAF kind).
 */
import { tf } from '../tf';
import { DEFAULT_FLOW_CONFIG, type FlowConfig, type FlowKind, type FlowWeights } from '../../core/flow/config';
import { DEFAULT_COUPLING_CONFIG, initCouplingWeights, type CouplingConfig, type CouplingWeights } from '../../core/flow/coupling-config';
import { parseCouplingModel, serializeCouplingModel } from '../../core/flow/coupling-file';
import type { FlowFamily } from '../../core/flow/family';
import type { FlowModel } from '../../core/flow/flow-spec';
import { initFlowWeights } from '../../core/flow/init';
import { parseModel, serializeModel } from '../../core/flow/model-file';
import { resolveTransform } from '../../core/flow/transform';
import { TfCouplingFlow } from '../flow/tf-coupling';
import { TfFlow } from '../flow/tf-flow';
import type { LabParams } from './protocol';

/** Weights tagged with the family they are read as. */
export type LabWeights =
  | { family: FlowKind; weights: FlowWeights }
  | { family: 'coupling'; weights: CouplingWeights };

export type LabTfFlow = TfFlow | TfCouplingFlow;

/** The same weights as the model-file layer's FlowModel (what a frame carries to the page). */
export function asFlowModel(w: LabWeights): FlowModel {
  return w.family === 'coupling' ? { flow: 'coupling', weights: w.weights } : { flow: w.family, weights: w.weights };
}

/** The architecture of the params: two hidden layers of `hidden`, K layers, the transform. */
function labConfigFor(params: LabParams): FlowConfig | CouplingConfig {
  const common = {
    layers: params.layers,
    hidden: [params.hidden, params.hidden],
    seed: params.seed,
    transform: params.transform ?? 'affine',
  } satisfies Partial<FlowConfig>;
  return params.flow === 'coupling' ? { ...DEFAULT_COUPLING_CONFIG, ...common } : { ...DEFAULT_FLOW_CONFIG, ...common };
}

function sameArchitecture(a: FlowConfig | CouplingConfig, b: FlowConfig | CouplingConfig): boolean {
  const ta = resolveTransform(a);
  const tb = resolveTransform(b);
  return (
    a.dim === b.dim &&
    a.layers === b.layers &&
    a.hidden.join() === b.hidden.join() &&
    a.activation === b.activation &&
    a.alphaBound === b.alphaBound &&
    ta.kind === tb.kind &&
    (ta.kind === 'affine' || (ta.bins === tb.bins && ta.splineBound === tb.splineBound))
  );
}

/** Fresh weights for the params. */
export function freshLabWeights(params: LabParams): LabWeights {
  const config = labConfigFor(params);
  return params.flow === 'coupling'
    ? { family: 'coupling', weights: initCouplingWeights(config as CouplingConfig) }
    : { family: params.flow, weights: initFlowWeights(config as FlowConfig) };
}

/** A model file's free-form training summary (its `steps` place the learning-rate schedule). */
export type LabTraining = Record<string, number | string> | undefined;

/** A model file's weights (either kind); throws ModelFormatError naming the problem. */
export function parseLabModel(text: string): LabWeights & { dataset?: string; training?: LabTraining } {
  const doc = JSON.parse(text) as { kind?: unknown };
  if (doc && typeof doc === 'object' && doc.kind === 'coupling') {
    const loaded = parseCouplingModel(doc);
    return { family: 'coupling', weights: loaded.weights, dataset: loaded.meta.dataset, training: loaded.meta.training };
  }
  const loaded = parseModel(doc);
  return { family: loaded.meta.kind, weights: loaded.weights, dataset: loaded.meta.dataset, training: loaded.meta.training };
}

/** The preset's weights (and training summary) when its family and architecture match the params, else null. */
export function presetLabWeights(text: string, params: LabParams): (LabWeights & { training?: LabTraining }) | null {
  const preset = parseLabModel(text);
  return preset.family === params.flow && sameArchitecture(preset.weights.config, labConfigFor(params))
    ? ({ family: preset.family, weights: preset.weights, training: preset.training } as LabWeights & { training?: LabTraining })
    : null;
}

export function tfFlowOf(w: LabWeights): LabTfFlow {
  return w.family === 'coupling' ? new TfCouplingFlow(w.weights) : new TfFlow(w.weights);
}

/** x = f(z) [n, 2]: one pass per layer (IAF, coupling) or D (MAF). */
export function sampleTf(flow: LabTfFlow, z: tf.Tensor2D, family: FlowFamily): tf.Tensor2D {
  return flow instanceof TfCouplingFlow ? flow.toData(z).out : flow.toData(z, family as FlowKind).out;
}

/** log p(x) [n]. */
export function labLogProbTf(flow: LabTfFlow, x: tf.Tensor2D, family: FlowFamily): tf.Tensor1D {
  return flow instanceof TfCouplingFlow ? flow.logProb(x) : flow.logProb(x, family as FlowKind);
}

/** The FlowKind a trainer is given: the coupling flow ignores it. */
export const trainerKind = (family: FlowFamily): FlowKind => (family === 'coupling' ? 'maf' : family);

/** Reads the weights back, tagged. */
export async function readLabWeights(flow: LabTfFlow, family: FlowFamily): Promise<LabWeights> {
  return flow instanceof TfCouplingFlow
    ? { family: 'coupling', weights: await flow.readWeights() }
    : { family: family as FlowKind, weights: await flow.readWeights() };
}

/** The model file document of the weights. */
export function serializeLabModel(w: LabWeights, meta: { dataset?: string; training?: Record<string, number | string> }): Record<string, unknown> {
  return w.family === 'coupling' ? serializeCouplingModel(w.weights, meta) : serializeModel(w.weights, { kind: w.family, ...meta });
}
