/**
 * `npm run bench:step-cost`: what one training step of the default affine flow costs against
 * the old default (5 layers, MADE 2×64), MAF and IAF by maximum likelihood on 8gaussians,
 * batch 512, tfjs WASM in Node, in interleaved rounds (scripts/bench/interleaved.ts). Prints the median wall and CPU ms/step of each
 * model over the rounds and the ratios new / old. A benchmark: it asserts nothing.
 *   STEP_ROUNDS=15  STEP_PER_ROUND=20 (MAF; the IAF runs half as many)  STEP_FLOWS=maf,iaf
 */
import { tf } from '../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import { TfFlow } from '../src/compute/flow/tf-flow';
import { FlowTrainer } from '../src/compute/flow/trainer';
import { DEFAULT_FLOW_CONFIG, type FlowKind } from '../src/core/flow/config';
import { initFlowWeights } from '../src/core/flow/init';
import { datasetSource } from '../src/core/datasets';
import { LAB_SCHEDULE } from '../src/core/flow/lr-schedule';
import { interleavedRounds } from './bench/interleaved';
import { median } from '../src/core/stats';

const env = process.env;
const ROUNDS = Number(env.STEP_ROUNDS ?? 15);
const PER_ROUND = Number(env.STEP_PER_ROUND ?? 20);
const FLOWS = (env.STEP_FLOWS ?? 'maf,iaf').split(',') as FlowKind[];
const WARMUP_STEPS = 20;

interface Arm {
  name: string;
  layers: number;
  hidden: number;
}
const OLD: Arm = { name: 'old default', layers: 5, hidden: 64 };
const NEW: Arm = {
  name: 'new default',
  layers: DEFAULT_FLOW_CONFIG.layers,
  hidden: DEFAULT_FLOW_CONFIG.hidden[0],
};

function trainerFor(kind: FlowKind, arm: Arm) {
  const source = datasetSource('8gaussians', null);
  const model = new TfFlow(
    initFlowWeights({
      ...DEFAULT_FLOW_CONFIG,
      layers: arm.layers,
      hidden: [arm.hidden, arm.hidden],
    }),
  );
  const trainer = new FlowTrainer(
    model,
    kind,
    { kind: 'maximum-likelihood', sampleBatch: (n, r) => source.sample(n, r) },
    {
      learningRate: 3e-3,
      schedule: LAB_SCHEDULE,
      batchSize: 512,
      clipNorm: 10,
      seed: 1,
    },
  );
  return { trainer, dispose: () => (trainer.dispose(), model.dispose()) };
}

tf.env().set('PROD', true);
if (!(await tf.setBackend('wasm'))) throw new Error('the WASM backend did not start');
const rows = [
  '| flow | model | median wall ms / step | median CPU ms / step | rounds × steps |',
  '| --- | --- | ---: | ---: | --- |',
];
const ratios: string[] = [];
for (const kind of FLOWS) {
  const steps = kind === 'iaf' ? Math.max(1, Math.round(PER_ROUND / 2)) : PER_ROUND;
  const arms = [OLD, NEW].map((arm) => ({ arm, ...trainerFor(kind, arm) }));
  const times = await interleavedRounds(
    arms.map((a) => a.trainer),
    { rounds: ROUNDS, stepsPerRound: steps, warmup: WARMUP_STEPS },
    (r, t) =>
      console.error(
        `${kind} round ${r + 1}/${ROUNDS}: ${arms.map((a, i) => `${a.arm.name} ${t[i]!.wallMs.at(-1)!.toFixed(1)} ms`).join(', ')}`,
      ),
  );
  const med = times.map((t) => ({ wall: median(t.wallMs), cpu: median(t.cpuMs) }));
  arms.forEach((a, i) =>
    rows.push(
      `| ${kind.toUpperCase()} | ${a.arm.name}: ${a.arm.layers} layers, 2×${a.arm.hidden} | ${med[i]!.wall.toFixed(1)} | ${med[i]!.cpu.toFixed(1)} | ${ROUNDS} × ${steps} |`,
    ),
  );
  ratios.push(
    `${kind.toUpperCase()} new / old: wall ${(med[1]!.wall / med[0]!.wall).toFixed(2)}, CPU ${(med[1]!.cpu / med[0]!.cpu).toFixed(2)}`,
  );
  arms.forEach((a) => a.dispose());
}
console.log(`\n8gaussians, batch 512, tfjs WASM (Node ${process.version}), interleaved rounds\n`);
console.log(rows.join('\n'));
console.log(`\n${ratios.join('\n')}`);
