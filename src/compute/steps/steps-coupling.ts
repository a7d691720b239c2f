/**
 * The step-by-step panel's coupling flow: K affine coupling layers (two hidden layers of 32)
 * fitted by maximum likelihood to the D-dimensional correlated Gaussian mixture, as the
 * autoregressive stepper model (steps-model.ts). Its density is one pass per layer, so a
 * step costs what a MAF step costs.
 */
import { tf } from '../tf';
import { couplingConfig } from '../../core/flow/flow-spec';
import type { CouplingConfig, CouplingWeights } from '../../core/flow/coupling-config';
import { createRng } from '../../core/rng';
import {
  correlatedMixture,
  correlatedMixtureLogDensities,
  sampleCorrelatedMixture,
} from '../../core/toy/correlated-mixture';
import { buildFlow, type AnyTfFlow } from '../flow/build-flow';
import { FlowTrainer } from '../flow/trainer';
import { DEFAULT_BUDGET_MS, DEFAULT_TRAIN_STEPS, STEPS_HIDDEN, stepsFlowConfig } from './steps-model';
import type { StepsCouplingModel, StepsModelRequest } from './protocol';

const BATCH = 256;
const LEARNING_RATE = 3e-3;
const HELD_OUT = 1024;
const CHUNK = 5;

function stepsCouplingConfig(request: StepsModelRequest): CouplingConfig {
  const { dim, layers, seed } = stepsFlowConfig(request); // validates D
  return couplingConfig({ flow: 'coupling', dim, layers, hidden: [...STEPS_HIDDEN], seed });
}

async function meanNll(flow: AnyTfFlow, points: tf.Tensor2D): Promise<number> {
  const nll = tf.tidy(() => tf.neg(tf.mean(flow.logProb(points))));
  const value = (await nll.data())[0];
  nll.dispose();
  return value;
}

const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Builds, trains and reads back the coupling model; every tensor it makes is disposed. */
export async function trainStepsCouplingModel(request: StepsModelRequest): Promise<StepsCouplingModel> {
  const config = stepsCouplingConfig(request);
  const steps = request.trainSteps ?? DEFAULT_TRAIN_STEPS;
  const budgetMs = request.budgetMs ?? DEFAULT_BUDGET_MS;
  const flow = buildFlow({ flow: 'coupling', dim: config.dim, layers: config.layers, hidden: config.hidden, seed: config.seed });
  const trainer = new FlowTrainer(
    flow,
    flow.trainerKind,
    { kind: 'maximum-likelihood', sampleBatch: (n, rng) => sampleCorrelatedMixture(config.dim, n, rng) },
    { learningRate: LEARNING_RATE, batchSize: BATCH, clipNorm: 10, seed: config.seed },
  );
  const heldOutPoints = sampleCorrelatedMixture(config.dim, HELD_OUT, createRng(config.seed + 104729));
  const dataLogDensity = correlatedMixtureLogDensities(correlatedMixture(config.dim), heldOutPoints);
  const nllData = -dataLogDensity.reduce((s, v) => s + v, 0) / HELD_OUT;
  const heldOut = tf.tensor2d(heldOutPoints.data, [HELD_OUT, config.dim]);
  try {
    const nllBefore = await meanNll(flow, heldOut);
    const start = performance.now();
    let trained = 0;
    while (trained < steps && performance.now() - start < budgetMs) {
      const chunk = Math.min(CHUNK, steps - trained);
      for (let s = 0; s < chunk; s++) trainer.step();
      trained += chunk;
      await trainer.status();
      await yieldToMessages();
    }
    const trainMs = performance.now() - start;
    const nllAfter = await meanNll(flow, heldOut);
    const weights = (await flow.readModel()).weights as CouplingWeights;
    return { kind: 'coupling', weights, trainedSteps: trained, nllBefore, nllAfter, nllData, trainMs };
  } finally {
    heldOut.dispose();
    trainer.dispose();
    flow.dispose();
  }
}
