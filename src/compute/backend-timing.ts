/**
 * Times the default model's training step on each usable backend (software renderers apart), for the measured backend
 * choice (backend-measure.ts). Runs in a short-lived second worker that the page starts after
 * its first frame, so the page's own worker keeps its backend and tensors untouched.
 * Each backend: a model and trainer built there, 2 warm-up steps (shader compiles, operator
 * caches), then steps with one loss read back each (a complete step), at least one and more
 * until its share of the budget (warm-up included) is spent or 5 are timed; the median is reported.
 */
import { tf } from './tf';
import { BACKEND_LABELS, type BackendName } from './backend';
import type { BackendTiming } from './backend-measure';
import { browserProbe } from './backend-probe';
import { TfFlow } from './flow/tf-flow';
import { FlowTrainer } from './flow/trainer';
import { DEFAULT_FLOW_CONFIG } from '../core/flow/config';
import { initFlowWeights } from '../core/flow/init';
import { datasetSource } from '../core/datasets';

const CANDIDATES: BackendName[] = ['webgpu', 'webgl', 'wasm'];

async function timeSteps(budgetMs: number): Promise<number> {
  const model = new TfFlow(initFlowWeights(DEFAULT_FLOW_CONFIG));
  const source = datasetSource('8gaussians', null);
  const trainer = new FlowTrainer(model, 'maf', { kind: 'maximum-likelihood', sampleBatch: (n, r) => source.sample(n, r) }, { learningRate: 1e-3, batchSize: 512, clipNorm: 10, seed: 1 });
  try {
    const start = performance.now();
    for (let i = 0; i < 2; i++) {
      trainer.step();
      await trainer.status();
    }
    const times: number[] = [];
    while (times.length === 0 || (times.length < 5 && performance.now() - start < budgetMs)) {
      const t0 = performance.now();
      trainer.step();
      await trainer.status();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)]!;
  } finally {
    trainer.dispose();
    model.dispose();
  }
}

/** Measures every usable candidate within about `budgetMs` in all (a backend over its share says so). */
export async function measureBackends(budgetMs: number): Promise<BackendTiming[]> {
  const usable: BackendName[] = [];
  const timings: BackendTiming[] = [];
  for (const name of CANDIDATES) {
    // A software renderer (SwiftShader, …) is slower than WASM for these models (backend.ts), and
    // timing it would cost seconds of shader compiles: it is not measured.
    const inspection = await browserProbe.inspect(name);
    if (inspection.usable && !inspection.softwareRenderer) usable.push(name);
  }
  const share = budgetMs / Math.max(1, usable.length);
  for (const name of usable) {
    const failure = await browserProbe.activate(name);
    if (failure !== null) {
      timings.push({ backend: name, msPerStep: null, note: 'did not start' });
      continue;
    }
    const ms = await timeSteps(share).catch(() => null);
    timings.push(ms === null ? { backend: name, msPerStep: null, note: 'failed while training' } : { backend: name, msPerStep: ms });
  }
  tf.disposeVariables();
  return timings.length > 0 ? timings : [{ backend: 'wasm', msPerStep: null, note: `no ${BACKEND_LABELS.wasm}` }];
}
