/**
 * One row of the comparison view (protocol.ts): a flow of the asked family and transform
 * (compute/flow/build-flow.ts), from the preset when it fits, else trained here by maximum
 * likelihood for `trainSteps` steps; then
 *   held-out NLL  = −(1/n) Σ log p(x_j), x_j fresh data (n = 2,048), with s/√n,
 *   density grid  = log p on the view,
 *   ms per step   = median of timed training steps, each awaited, after untimed warm-up steps
 *                   (the first steps compile kernels); timed after the evaluation, so the
 *                   shown NLL and density are those of the preset or the live fit.
 * Every tensor it makes is disposed.
 */
import { tf } from '../tf';
import { datasetSource } from '../../core/datasets';
import { initFlowModel, type FlowModel } from '../../core/flow/flow-spec';
import { createRng } from '../../core/rng';
import { meanWithStandardError, median } from '../../core/stats';
import { flowFromModel } from '../flow/build-flow';
import { FlowTrainer } from '../flow/trainer';
import { evaluateInChunks, gridPoints } from '../lab/grid';
import { labSpecOf, presetModelFor } from '../lab/lab-flow';
import type { CompareRequest, CompareRow } from './protocol';
import { yieldToMessages } from '../session/yield';

const HELD_OUT = 2048;
const BATCH = 256;
const LEARNING_RATE = 3e-3;
const WARM_UP_STEPS = 3;
const TIMED_STEPS = 7;
const CHUNK = 10;

export async function compareFit(request: CompareRequest): Promise<CompareRow> {
  const params = { ...request, learningRate: LEARNING_RATE, batchSize: BATCH };
  const source = datasetSource(request.dataset, null);
  let model: FlowModel | null = null;
  if (request.presetText) {
    try {
      model = presetModelFor(request.presetText, params);
    } catch {
      model = null; // an unreadable preset: train live instead
    }
  }
  const origin: CompareRow['origin'] = model ? 'preset' : 'trained';
  model ??= initFlowModel(labSpecOf(params));
  const flow = flowFromModel(model);
  const rng = createRng(request.seed + 7);
  const trainer = new FlowTrainer(
    flow,
    flow.trainerKind,
    { kind: 'maximum-likelihood', sampleBatch: (n, r) => source.sample(n, r) },
    { learningRate: LEARNING_RATE, batchSize: BATCH, clipNorm: 10, seed: request.seed },
  );
  try {
    let trainedSteps = 0;
    if (origin === 'trained') {
      while (trainedSteps < request.trainSteps) {
        const chunk = Math.min(CHUNK, request.trainSteps - trainedSteps);
        for (let s = 0; s < chunk; s++) trainer.step();
        trainedSteps += chunk;
        await trainer.status();
        await yieldToMessages();
      }
    }
    const heldOut = source.sample(HELD_OUT, rng.fork()).data;
    const logP = await evaluateInChunks(heldOut, (x) => flow.logProb(x));
    const { mean, standardError } = meanWithStandardError(Array.from(logP, (v) => -v));
    const grid = { ...source.view, nx: request.gridSize, ny: request.gridSize };
    const logDensity = await evaluateInChunks(gridPoints(grid), (x) => flow.logProb(x));
    for (let s = 0; s < WARM_UP_STEPS; s++) trainer.step();
    await trainer.status();
    const times: number[] = [];
    for (let s = 0; s < TIMED_STEPS; s++) {
      const t0 = performance.now();
      trainer.step();
      await trainer.status(); // waits for the device: the step's real cost
      times.push(performance.now() - t0);
    }
    return {
      flow: request.flow,
      transform: request.transform,
      origin,
      trainedSteps,
      heldOutNll: mean,
      heldOutNllSe: standardError,
      heldOutCount: HELD_OUT,
      entropyFloor: source.entropyFloor,
      msPerStep: median(times),
      timedSteps: TIMED_STEPS,
      backend: tf.getBackend(),
      grid,
      logDensity,
    };
  } finally {
    trainer.dispose();
    flow.dispose();
  }
}
