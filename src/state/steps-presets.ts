/**
 * The step-by-step panel's presets on the page: for its opening request (one layer, the
 * default seed and step count: core/flow/steps-fit.ts) the fit is read from
 * public/presets/steps-<kind>-d<D>.json, fitted in advance by the worker's own fitStepsFlow
 * (`npm run presets:steps`), instead of fitted live. The file comes through the page's one
 * preset loader (state/presets.ts: the manifest fetched once, a file fetched only when the
 * manifest lists it). Every other request, and a preset that cannot be fetched or read
 * (offline on a first visit without the service worker), gets null: the panel then asks the
 * worker to fit, as it always did. The worker never sees a preset.
 */
import type { StepsCouplingModel, StepsModel, StepsModelRequest } from '../compute/steps/protocol';
import type { CouplingWeights } from '../core/flow/coupling-config';
import type { FlowKind, FlowWeights } from '../core/flow/config';
import type { FlowFamily } from '../core/flow/flow-spec';
import { parseAnyModelText } from '../core/flow/model-file';
import { STEPS_HIDDEN, isStepsPresetRequest, stepsPresetFile } from '../core/flow/steps-fit';
import { pagePresets, type ManifestPresetLoader } from './presets';

/** The numbers a preset file records (`training`), as the fit reports them. */
type FitNumbers = Pick<StepsModel, 'trainedSteps' | 'nllBefore' | 'nllAfter' | 'nllData' | 'trainMs'>;

function fitNumbers(training: Record<string, number | string> | undefined): FitNumbers | null {
  if (!training) return null;
  const { steps, nllBefore, nllAfter, nllData, trainMs } = training;
  const values = [steps, nllBefore, nllAfter, nllData, trainMs];
  if (!values.every((v) => typeof v === 'number' && Number.isFinite(v))) return null;
  return {
    trainedSteps: steps as number,
    nllBefore: nllBefore as number,
    nllAfter: nllAfter as number,
    nllData: nllData as number,
    trainMs: trainMs as number,
  };
}

/** The preset's weights and numbers when its file answers the request exactly, else null. */
async function presetFor(
  kind: FlowFamily,
  request: StepsModelRequest,
  loader: ManifestPresetLoader,
): Promise<{ weights: FlowWeights | CouplingWeights; fit: FitNumbers } | null> {
  if (request.budgetMs !== undefined || !isStepsPresetRequest({ ...request, kind })) return null;
  const text = await loader.loadFile(stepsPresetFile(kind, request.dim)).catch(() => null);
  if (text === null) return null;
  try {
    const model = parseAnyModelText(text);
    const { dim, layers, seed, hidden } = model.weights.config;
    const fit = fitNumbers(model.meta.training);
    const matches =
      model.flow === kind &&
      dim === request.dim &&
      layers === request.layers &&
      seed === request.seed &&
      hidden.join() === STEPS_HIDDEN.join();
    return matches && fit ? { weights: model.weights, fit } : null;
  } catch {
    return null; // an unreadable file: fitted live instead
  }
}

/** The MAF or IAF preset for the request (kind default 'maf'), or null: fit it live. */
export async function loadStepsPreset(
  request: StepsModelRequest,
  loader: ManifestPresetLoader = pagePresets,
): Promise<StepsModel | null> {
  const kind: FlowKind = request.kind ?? 'maf';
  const preset = await presetFor(kind, request, loader);
  return preset && { kind, weights: preset.weights as FlowWeights, ...preset.fit };
}

/** The coupling preset for the request (its kind ignored), or null: fit it live. */
export async function loadStepsCouplingPreset(
  request: StepsModelRequest,
  loader: ManifestPresetLoader = pagePresets,
): Promise<StepsCouplingModel | null> {
  const preset = await presetFor('coupling', request, loader);
  return preset && { kind: 'coupling', weights: preset.weights as CouplingWeights, ...preset.fit };
}
