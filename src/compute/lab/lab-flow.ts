/**
 * Which flow the lab builds for its params (through the factory, compute/flow/build-flow.ts):
 * MAF, IAF or coupling layers, affine or spline, two hidden layers of `hidden`; from a preset
 * whose family and architecture match, else fresh weights.
 */
import type { FlowConfig } from '../../core/flow/config';
import type { CouplingConfig } from '../../core/flow/coupling-config';
import { autoregressiveConfig, couplingConfig, initFlowModel, type FlowModel, type FlowSpec } from '../../core/flow/flow-spec';
import { trainedStepsOf } from '../../core/flow/lr-schedule';
import { parseAnyModelText } from '../../core/flow/model-file';
import { resolveTransform } from '../../core/flow/transform';
import type { LabParams } from './protocol';

/** The flow spec of the lab's params. */
export function labSpecOf(params: LabParams): FlowSpec {
  return {
    flow: params.flow,
    transform: params.transform ?? 'affine',
    layers: params.layers,
    hidden: [params.hidden, params.hidden],
    seed: params.seed,
  };
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

/** A model file's free-form training summary (its `steps` place the learning-rate schedule). */
export type LabTraining = Record<string, number | string> | undefined;

/** The preset's model when its family and architecture match the params, else null (throws on an unreadable file). */
export function presetModelFor(text: string, params: LabParams): FlowModel | null {
  return presetFor(text, params)?.model ?? null;
}

/** presetModelFor with the preset's training summary (where the lab resumes the schedule). */
function presetFor(text: string, params: LabParams): { model: FlowModel; training: LabTraining } | null {
  const preset = parseAnyModelText(text);
  const spec = labSpecOf(params);
  const wanted = spec.flow === 'coupling' ? couplingConfig(spec) : autoregressiveConfig(spec);
  if (preset.flow !== params.flow || !sameArchitecture(preset.weights.config, wanted)) return null;
  return { model: { flow: preset.flow, weights: preset.weights } as FlowModel, training: preset.meta.training };
}

/** The weights a (re)build starts from, where they came from, and the steps they were trained for. */
export interface StartingWeights {
  model: FlowModel;
  origin: 'preset' | 'fresh' | 'file';
  trainedSteps: number;
  /** True when a preset was given but could not be read (the model then starts fresh). */
  presetUnreadable: boolean;
}

/** Explicit weights (an imported file), else the preset if it fits, else fresh weights. */
export function startingWeights(
  params: LabParams,
  presetText: string | null | undefined,
  imported: FlowModel | null,
  importedTraining: LabTraining,
): StartingWeights {
  if (imported) return { model: imported, origin: 'file', trainedSteps: trainedStepsOf(importedTraining), presetUnreadable: false };
  let presetUnreadable = false;
  if (presetText) {
    try {
      const preset = presetFor(presetText, params);
      if (preset) return { model: preset.model, origin: 'preset', trainedSteps: trainedStepsOf(preset.training), presetUnreadable };
    } catch {
      presetUnreadable = true;
    }
  }
  return { model: initFlowModel(labSpecOf(params)), origin: 'fresh', trainedSteps: 0, presetUnreadable };
}
