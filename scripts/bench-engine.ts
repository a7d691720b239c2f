/**
 * `npm run bench:engine`: the flow engine's speed in Node on every backend reachable there
 * (WASM, CPU). Prints ms per training step (default model: 5 layers, 2×64 hidden, batch 512)
 * and per 16,384-point density evaluation, for MAF and IAF, as a markdown table.
 * A benchmark, not a test: it asserts nothing. Browser backends: see `npm run bench`.
 */
import { tf } from '../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import { TfFlow } from '../src/compute/flow/tf-flow';
import { FlowTrainer } from '../src/compute/flow/trainer';
import { DEFAULT_FLOW_CONFIG } from '../src/core/flow/config';
import { initFlowWeights } from '../src/core/flow/init';
import { datasetSource } from '../src/core/datasets';
import { createRng } from '../src/core/rng';

tf.env().set('PROD', true);
const TRAIN_STEPS = Number(process.env.BENCH_STEPS ?? 30);
const DENSITY_POINTS = 16_384;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function bench(backend: string, kind: 'maf' | 'iaf'): Promise<[number, number]> {
  const flow = new TfFlow(initFlowWeights(DEFAULT_FLOW_CONFIG));
  const source = datasetSource('8gaussians', null);
  const trainer = new FlowTrainer(flow, kind, { kind: 'maximum-likelihood', sampleBatch: (n, r) => source.sample(n, r) }, {
    learningRate: 1e-3,
    batchSize: 512,
    clipNorm: 10,
    seed: 1,
  });
  for (let i = 0; i < 3; i++) trainer.step();
  await trainer.status();
  const stepTimes: number[] = [];
  const steps = backend === 'cpu' ? Math.max(5, TRAIN_STEPS / 3) : TRAIN_STEPS;
  for (let i = 0; i < steps; i++) {
    const t0 = performance.now();
    trainer.step();
    await trainer.status(); // one sync per step here, so each time is a complete step
    stepTimes.push(performance.now() - t0);
  }
  const pts = tf.tensor2d(source.sample(DENSITY_POINTS, createRng(2)).data, [DENSITY_POINTS, 2]);
  const densityTimes: number[] = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    const lp = tf.tidy(() => flow.logProb(pts, kind));
    await lp.data();
    lp.dispose();
    densityTimes.push(performance.now() - t0);
  }
  pts.dispose();
  trainer.dispose();
  flow.dispose();
  return [median(stepTimes), median(densityTimes.slice(1))];
}

const rows: string[] = ['| backend | flow | ms / training step | ms / 16,384-point density |', '| --- | --- | ---: | ---: |'];
for (const backend of ['wasm', 'cpu']) {
  if (!(await tf.setBackend(backend).catch(() => false))) {
    rows.push(`| ${backend} | — | unavailable | unavailable |`);
    continue;
  }
  for (const kind of ['maf', 'iaf'] as const) {
    const [step, density] = await bench(backend, kind);
    rows.push(`| ${backend} | ${kind.toUpperCase()} | ${step.toFixed(1)} | ${density.toFixed(1)} |`);
    console.error(`# ${backend} ${kind} done`);
  }
}
console.log(`Flow Lab engine benchmark (Node ${process.version}, ${new Date().toISOString().slice(0, 10)})\n`);
console.log(rows.join('\n'));
