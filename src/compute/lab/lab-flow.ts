/**
 * Which flow the lab builds for its params (through the factory, compute/flow/build-flow.ts):
 * MAF, IAF or coupling layers, affine or spline, two hidden layers of `hidden`; from a preset
 * whose family and architecture match, else fresh weights.
 */
import type { FlowConfig } from '../../core/flow/config';
import type { CouplingConfig } from '../../core/flow/coupling-config';
import { autoregressiveConfig, couplingConfig, type FlowModel, type FlowSpec } from '../../core/flow/flow-spec';
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
export function presetFor(text: string, params: LabParams): { model: FlowModel; training: LabTraining } | null {
  const preset = parseAnyModelText(text);
  const spec = labSpecOf(params);
  const wanted = spec.flow === 'coupling' ? couplingConfig(spec) : autoregressiveConfig(spec);
  if (preset.flow !== params.flow || !sameArchitecture(preset.weights.config, wanted)) return null;
  return { model: { flow: preset.flow, weights: preset.weights } as FlowModel, training: preset.meta.training };
}
