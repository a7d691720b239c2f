/**
 * The step-by-step panel's model: a small K-layer flow (two hidden layers of 32) fitted by
 * maximum likelihood to the D-dimensional correlated Gaussian mixture
 * (core/toy/correlated-mixture.ts), L = −(1/n) Σ log p(x_j), as the kind asked for:
 *   MAF: log p(x) in one parallel pass per layer (x → z is T).
 *   IAF: log q(x) sequentially, D passes per layer (x → z is T⁻¹): the slow direction, but
 *        affordable at D ≤ 8 for a small model, and it makes the IAF's samples a fit of the
 *        data rather than the MAF's weights read the other way round.
 * A short fit (300 steps of 256) is enough to make every μ and α the panel shows those of a
 * real, fitted density. The coupling stepper's model (steps-coupling.ts) is fitted by the same
 * fitStepsFlow.
 */
import { tf } from '../tf';
import { DEFAULT_FLOW_CONFIG, type FlowConfig, type FlowKind, type FlowWeights } from '../../core/flow/config';
import type { FlowModel } from '../../core/flow/flow-spec';
import { initFlowWeights } from '../../core/flow/init';
import { createRng } from '../../core/rng';
import {
  correlatedMixture,
  correlatedMixtureLogDensities,
  sampleCorrelatedMixture,
} from '../../core/toy/correlated-mixture';
import { flowFromModel, type AnyTfFlow } from '../flow/build-flow';
import { FlowTrainer } from '../flow/trainer';
import {
  STEPS_BATCH,
  STEPS_CLIP_NORM,
  STEPS_HELD_OUT,
  STEPS_HIDDEN,
  STEPS_LEARNING_RATE,
  STEPS_MAX_DIM,
  STEPS_MIN_DIM,
  STEPS_TRAIN_STEPS,
  stepsHeldOutSeed,
} from '../../core/flow/steps-fit';
import type { StepsModel, StepsModelRequest } from './protocol';
import { yieldToMessages } from '../session/yield';

export const DEFAULT_TRAIN_STEPS = STEPS_TRAIN_STEPS;
/**
 * Software WebGPU compiles the training kernels for over a minute before its first step: the
 * fit stops early there. An IAF step runs D passes per layer, so it gets a longer budget.
 */
export const DEFAULT_BUDGET_MS = 6000;
const DEFAULT_IAF_BUDGET_MS = 30000;

export const defaultBudgetMs = (kind: FlowKind): number =>
  kind === 'iaf' ? DEFAULT_IAF_BUDGET_MS : DEFAULT_BUDGET_MS;
/** Steps between budget checks and yields to the worker's message queue (a software GPU takes ~1 s a step). */
const CHUNK = 5;

export function stepsFlowConfig(request: StepsModelRequest): FlowConfig {
  const { dim, layers, seed } = request;
  if (!Number.isInteger(dim) || dim < STEPS_MIN_DIM || dim > STEPS_MAX_DIM)
    throw new Error(`dim must be an integer in ${STEPS_MIN_DIM}..${STEPS_MAX_DIM}, got ${dim}`);
  return { ...DEFAULT_FLOW_CONFIG, dim, layers, hidden: [...STEPS_HIDDEN], seed };
}

/** Mean NLL of the flow on points [n, D], read back once. */
async function meanNll(flow: AnyTfFlow, points: tf.Tensor2D): Promise<number> {
  const nll = tf.tidy(() => tf.neg(tf.mean(flow.logProb(points))));
  const value = (await nll.data())[0];
  nll.dispose();
  return value;
}

/** What a fit reports besides the weights (StepsModel and StepsCouplingModel share it). */
export interface StepsFit {
  model: FlowModel;
  trainedSteps: number;
  nllBefore: number;
  nllAfter: number;
  nllData: number;
  trainMs: number;
}

/** A fit stopped because a newer request replaced it (steps-api.ts); nothing of it is kept. */
export class FitSuperseded extends Error {
  constructor() {
    super('this fit was replaced by a newer request');
    this.name = 'FitSuperseded';
  }
}

/** Whether the fit is still wanted; checked between chunks of steps. */
export type StillWanted = () => boolean;
const alwaysWanted: StillWanted = () => true;

/**
 * Fits a fresh flow of any family (MAF, IAF, coupling) to the D-dimensional mixture by maximum
 * likelihood within the step and time budget; disposes the flow (and every tensor it makes).
 * Throws FitSuperseded at the next chunk once `stillWanted()` turns false.
 */
export async function fitStepsFlow(
  flow: AnyTfFlow,
  seed: number,
  steps: number,
  budgetMs: number,
  stillWanted: StillWanted = alwaysWanted,
): Promise<StepsFit> {
  const dim = flow.config.dim;
  const trainer = new FlowTrainer(
    flow,
    flow.trainerKind,
    { kind: 'maximum-likelihood', sampleBatch: (n, rng) => sampleCorrelatedMixture(dim, n, rng) },
    { learningRate: STEPS_LEARNING_RATE, batchSize: STEPS_BATCH, clipNorm: STEPS_CLIP_NORM, seed },
  );
  const heldOutPoints = sampleCorrelatedMixture(dim, STEPS_HELD_OUT, createRng(stepsHeldOutSeed(seed)));
  const dataLogDensity = correlatedMixtureLogDensities(correlatedMixture(dim), heldOutPoints);
  const nllData = -dataLogDensity.reduce((s, v) => s + v, 0) / STEPS_HELD_OUT;
  const heldOut = tf.tensor2d(heldOutPoints.data, [STEPS_HELD_OUT, dim]);
  try {
    const nllBefore = await meanNll(flow, heldOut);
    const start = performance.now();
    let trainedSteps = 0;
    while (trainedSteps < steps && performance.now() - start < budgetMs) {
      if (!stillWanted()) throw new FitSuperseded();
      const chunk = Math.min(CHUNK, steps - trainedSteps);
      for (let s = 0; s < chunk; s++) trainer.step();
      trainedSteps += chunk;
      await trainer.status(); // waits for the device, so the budget measures real work
      await yieldToMessages();
    }
    const trainMs = performance.now() - start;
    const nllAfter = await meanNll(flow, heldOut);
    const model = await flow.readModel();
    return { model, trainedSteps, nllBefore, nllAfter, nllData, trainMs };
  } finally {
    heldOut.dispose();
    trainer.dispose();
    flow.dispose();
  }
}

/** Builds, trains and reads back the MAF or IAF model. */
export async function trainStepsModel(request: StepsModelRequest, stillWanted?: StillWanted): Promise<StepsModel> {
  const config = stepsFlowConfig(request);
  const kind = request.kind ?? 'maf';
  const flow = flowFromModel({ flow: kind, weights: initFlowWeights(config) });
  const { model, ...fit } = await fitStepsFlow(
    flow,
    config.seed,
    request.trainSteps ?? DEFAULT_TRAIN_STEPS,
    request.budgetMs ?? defaultBudgetMs(kind),
    stillWanted,
  );
  return { kind, weights: model.weights as FlowWeights, ...fit };
}
