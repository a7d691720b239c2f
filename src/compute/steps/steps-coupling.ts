/**
 * The step-by-step panel's coupling flow: K affine coupling layers (two hidden layers of 32)
 * fitted by maximum likelihood to the D-dimensional correlated Gaussian mixture, as the
 * autoregressive stepper model (steps-model.ts). Its density is one pass per layer, so a
 * step costs what a MAF step costs.
 */
import { couplingConfig } from '../../core/flow/flow-spec';
import type { CouplingConfig, CouplingWeights } from '../../core/flow/coupling-config';
import { buildFlow } from '../flow/build-flow';
import { STEPS_HIDDEN } from '../../core/flow/steps-fit';
import { DEFAULT_BUDGET_MS, DEFAULT_TRAIN_STEPS, fitStepsFlow, stepsFlowConfig, type StillWanted } from './steps-model';
import type { StepsCouplingModel, StepsModelRequest } from './protocol';

function stepsCouplingConfig(request: StepsModelRequest): CouplingConfig {
  const { dim, layers, seed } = stepsFlowConfig(request); // validates D
  return couplingConfig({ flow: 'coupling', dim, layers, hidden: [...STEPS_HIDDEN], seed });
}

/** Builds, trains and reads back the coupling model; every tensor it makes is disposed. */
export async function trainStepsCouplingModel(
  request: StepsModelRequest,
  stillWanted?: StillWanted,
): Promise<StepsCouplingModel> {
  const config = stepsCouplingConfig(request);
  const flow = buildFlow({ flow: 'coupling', dim: config.dim, layers: config.layers, hidden: config.hidden, seed: config.seed });
  const { model, ...fit } = await fitStepsFlow(
    flow,
    config.seed,
    request.trainSteps ?? DEFAULT_TRAIN_STEPS,
    request.budgetMs ?? DEFAULT_BUDGET_MS,
    stillWanted,
  );
  return { kind: 'coupling', weights: model.weights as CouplingWeights, ...fit };
}
