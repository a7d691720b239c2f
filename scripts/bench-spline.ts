/**
 * "Can we have both?" — engine figures: the affine MAF of 5 layers (the default before issue 17
 * item 5; the default now is 12 layers of 2×32, `affine-maf-default`), spline MAFs of one and two
 * layers and an affine coupling flow, all with hidden 2×64 (5-layer spline MAF and spline coupling flow on request)
 * trained on 8gaussians with the same budget
 * (3,000 steps, batch 512, Adam 1e-3, seed 1, tfjs WASM in Node), printing held-out NLL,
 * KL gap (NLL − H, H = 2.8319 nats) and ms per training step. A benchmark: it asserts nothing.
 *
 *   node --import tsx --import ./scripts/node-register.mjs scripts/bench-spline.ts
 *   SPLINE_STEPS=300 SPLINE_ONLY=spline-maf …   (shorter runs, one model)
 *   SPLINE_TIMING=1 …   only the step times, the models interleaved in rounds of 10 steps so that
 *                       a shared machine's changing load falls on all of them alike (median ms/step)
 */
import { tf } from '../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import { TfFlow } from '../src/compute/flow/tf-flow';
import { TfCouplingFlow } from '../src/compute/flow/tf-coupling';
import { FlowTrainer, type TrainableFlow } from '../src/compute/flow/trainer';
import { DEFAULT_FLOW_CONFIG, type FlowConfig } from '../src/core/flow/config';
import { DEFAULT_COUPLING_CONFIG, initCouplingWeights, type CouplingConfig } from '../src/core/flow/coupling-config';
import { initFlowWeights } from '../src/core/flow/init';
import { datasetSource } from '../src/core/datasets';
import { createRng } from '../src/core/rng';

const STEPS = Number(process.env.SPLINE_STEPS ?? 3000);
const TIMING_ONLY = process.env.SPLINE_TIMING === '1';
const ONLY = process.env.SPLINE_ONLY?.split(',');
const ENTROPY = 2.8319;
const TEST_POINTS = 10_000;

interface Candidate {
  id: string;
  label: string;
  build: () => { flow: TrainableFlow & { dispose(): void }; passes: string };
  /** Run only when named in SPLINE_ONLY (about three times the affine MAF's step time). */
  slow?: boolean;
}

// The table's common architecture: 5 layers of 2×64 unless a row says otherwise.
const TABLE = { layers: 5, hidden: [64, 64] };
const maf = (config: Partial<FlowConfig>) => () => ({
  flow: new TfFlow(initFlowWeights({ ...DEFAULT_FLOW_CONFIG, ...TABLE, ...config })),
  passes: 'density 1, sample D per layer',
});
const coupling = (config: Partial<CouplingConfig>) => () => ({
  flow: new TfCouplingFlow(initCouplingWeights({ ...DEFAULT_COUPLING_CONFIG, ...TABLE, ...config })),
  passes: 'density 1, sample 1 per layer',
});

const CANDIDATES: Candidate[] = [
  { id: 'affine-maf', label: 'affine MAF, 5 layers, 2×64', build: maf({}) },
  { id: 'affine-maf-default', label: 'affine MAF, 12 layers, 2×32 (the default)', build: maf({ layers: DEFAULT_FLOW_CONFIG.layers, hidden: DEFAULT_FLOW_CONFIG.hidden }), slow: true },
  { id: 'spline-maf-1', label: 'spline MAF, 1 layer, 2×64, K = 8, Bs = 4', build: maf({ transform: 'spline', layers: 1 }) },
  { id: 'spline-maf-2', label: 'spline MAF, 2 layers, 2×64, K = 8, Bs = 4', build: maf({ transform: 'spline', layers: 2 }) },
  { id: 'affine-coupling', label: 'affine coupling, 5 layers, 2×64', build: coupling({}) },
  { id: 'spline-coupling-2', label: 'spline coupling, 2 layers, 2×64, K = 8, Bs = 4', build: coupling({ transform: 'spline', layers: 2 }), slow: true },
  { id: 'spline-maf', label: 'spline MAF, 5 layers, 2×64, K = 8, Bs = 4', build: maf({ transform: 'spline' }), slow: true },
  { id: 'spline-coupling', label: 'spline coupling, 5 layers, 2×64, K = 8, Bs = 4', build: coupling({ transform: 'spline' }), slow: true },
];

tf.env().set('PROD', true);
if (!(await tf.setBackend('wasm'))) throw new Error('the WASM backend did not start');
const source = datasetSource('8gaussians', null);
const test = tf.tensor2d(source.sample(TEST_POINTS, createRng(12345)).data, [TEST_POINTS, 2]);

const selected = CANDIDATES.filter((c) => (ONLY ? ONLY.includes(c.id) : !c.slow));
const trainerFor = (flow: TrainableFlow) =>
  new FlowTrainer(flow, 'maf', { kind: 'maximum-likelihood', sampleBatch: (n, r) => source.sample(n, r) }, {
    learningRate: 1e-3,
    batchSize: 512,
    clipNorm: 10,
    seed: 1,
  });

if (TIMING_ONLY) {
  const runs = selected.map((c) => ({ c, ...c.build() })).map((r) => ({ ...r, trainer: trainerFor(r.flow), times: [] as number[] }));
  for (const r of runs) for (let s = 0; s < 5; s++) r.trainer.step();
  for (let round = 0; round < 12; round++) {
    for (const r of runs) {
      await r.trainer.status();
      const t0 = performance.now();
      for (let s = 0; s < 10; s++) r.trainer.step();
      await r.trainer.status();
      r.times.push((performance.now() - t0) / 10);
    }
  }
  console.log('| model | ms / step (median of 12 interleaved rounds of 10) |\n| --- | ---: |');
  for (const r of runs) {
    const sorted = [...r.times].sort((a, b) => a - b);
    console.log(`| ${r.c.label} | ${sorted[sorted.length >> 1].toFixed(1)} |`);
    r.trainer.dispose();
    r.flow.dispose();
  }
  test.dispose();
  process.exit(0);
}

const rows = [
  `| model | held-out NLL (nats) | KL gap (nats) | ms / step | skipped steps | passes |`,
  '| --- | ---: | ---: | ---: | ---: | --- |',
];
for (const c of selected) {
  const { flow, passes } = c.build();
  const trainer = trainerFor(flow);
  for (let s = 0; s < 5; s++) trainer.step(); // warm-up: kernels compiled, buffers allocated
  await trainer.status();
  const t0 = performance.now();
  for (let s = 5; s < STEPS; s++) {
    trainer.step();
    if (s % 100 === 99) await trainer.status(); // one readback per 100 steps, as a drawn frame would
  }
  const { skipped } = await trainer.status();
  const msPerStep = (performance.now() - t0) / (STEPS - 5);
  const mean = tf.tidy(() => tf.mean(flow.logProb(test, 'maf')));
  const nll = -(await mean.data())[0];
  mean.dispose();
  const row = `| ${c.label} | ${nll.toFixed(3)} | ${(nll - ENTROPY).toFixed(3)} | ${msPerStep.toFixed(1)} | ${skipped} | ${passes} |`;
  console.error(row);
  rows.push(row);
  trainer.dispose();
  flow.dispose();
}
test.dispose();
console.log(`\n8gaussians, ${STEPS} steps, batch 512, Adam 1e-3, seed 1, tfjs WASM (Node ${process.version}); entropy floor ${ENTROPY} nats, ${TEST_POINTS} held-out points\n`);
console.log(rows.join('\n'));
