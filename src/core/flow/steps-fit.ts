/**
 * The step-by-step panel's fit, as numbers shared by the worker that runs it
 * (compute/steps/steps-model.ts), the script that runs it in advance (scripts/
 * train-steps-presets.ts) and the page that opens on its result (state/steps-presets.ts):
 * a K-layer flow with two hidden layers of 32, fitted by maximum likelihood to the
 * D-dimensional correlated Gaussian mixture (core/toy/correlated-mixture.ts) for 300 Adam
 * steps of 256 points at learning rate 3·10⁻³, scored on 1,024 held-out points.
 *
 * A stepper preset is that fit for the panel's opening request: one layer (the stack toggle
 * off), the URL's default seed, the default step count; one per kind (MAF, IAF, coupling)
 * and D = 2 … 8, in public/presets/steps-<kind>-d<D>.json.
 */
import type { FlowFamily } from './flow-spec';

export const STEPS_HIDDEN: readonly number[] = [32, 32];
export const STEPS_TRAIN_STEPS = 300;
export const STEPS_BATCH = 256;
export const STEPS_LEARNING_RATE = 3e-3;
export const STEPS_CLIP_NORM = 10;
export const STEPS_HELD_OUT = 1024;
export const STEPS_MIN_DIM = 2;
export const STEPS_MAX_DIM = 8;

/** The seed of the held-out points of a fit with seed `seed` (not the training batches' seed). */
export const stepsHeldOutSeed = (seed: number): number => seed + 104729;

/** The request a stepper preset is filed under: one layer, seed 1 (the URL's default), 300 steps. */
export const STEPS_PRESET_LAYERS = 1;
export const STEPS_PRESET_SEED = 1;
export const STEPS_PRESET_KINDS: readonly FlowFamily[] = ['maf', 'iaf', 'coupling'];

/** The preset's file name (in public/presets/) for a kind and D. */
export const stepsPresetFile = (kind: FlowFamily, dim: number): string => `steps-${kind}-d${dim}.json`;

/** What a stepper request names (compute/steps/protocol.ts's StepsModelRequest, kind resolved). */
export interface StepsFitRequest {
  kind: FlowFamily;
  dim: number;
  layers: number;
  seed: number;
  trainSteps?: number;
}

/** True when a preset answers the request: its defaults exactly (any other request is fitted live). */
export function isStepsPresetRequest(request: StepsFitRequest): boolean {
  return (
    STEPS_PRESET_KINDS.includes(request.kind) &&
    Number.isInteger(request.dim) &&
    request.dim >= STEPS_MIN_DIM &&
    request.dim <= STEPS_MAX_DIM &&
    request.layers === STEPS_PRESET_LAYERS &&
    request.seed === STEPS_PRESET_SEED &&
    (request.trainSteps ?? STEPS_TRAIN_STEPS) === STEPS_TRAIN_STEPS
  );
}
