/**
 * `npm run bench:fits`: how close the default MAF and IAF get to the data in the lab's budget
 * (the measuring part is scripts/bench/fits.ts, which `npm run bench` also runs, one seed).
 * Trains each (the default: 12 layers, MADE 2×32; batch 512, tfjs WASM in Node) by maximum likelihood on
 * 8gaussians for 3,000 steps with the app's learning-rate schedule (core/flow/lr-schedule.ts),
 * seeds 1..3, and prints the KL gap = held-out NLL − H (H = 2.8319 nats, 10,000 fresh points)
 * as mean ± sd over the seeds, with ms/step. A benchmark: it asserts nothing.
 *   FITS_COMPARE=1   also runs a constant lr 1e-3 on the same architecture (the schedule's before → after row)
 *   FITS_FLOWS=maf   FITS_SEEDS=1,2   FITS_STEPS=1000   FITS_LR=3e-3   FITS_SCHEDULE=constant
 *   FITS_WARMUP=100  FITS_FINAL=0.05  FITS_DECAY=3000  (schedule overrides, for tuning)
 *   FITS_LAYERS=5  FITS_HIDDEN=64  (architecture, for tuning)
 */
import type { FlowKind } from '../src/core/flow/config';
import { DEFAULT_FLOW_CONFIG } from '../src/core/flow/config';
import {
  DEFAULT_LEARNING_RATE,
  cosineSchedule,
  constantSchedule,
  describeSchedule,
  type LrSchedule,
} from '../src/core/flow/lr-schedule';
import {
  ENTROPY_8GAUSSIANS,
  FITS_TEST_POINTS,
  disposeFitData,
  meanSd,
  measureFit,
  type FitFigures,
} from './bench/fits';

const env = process.env;
const STEPS = Number(env.FITS_STEPS ?? 3000);
const SEEDS = (env.FITS_SEEDS ?? '1,2,3').split(',').map(Number);
const FLOWS = (env.FITS_FLOWS ?? 'maf,iaf').split(',') as FlowKind[];
const LAYERS = Number(env.FITS_LAYERS ?? DEFAULT_FLOW_CONFIG.layers);
const HIDDEN = Number(env.FITS_HIDDEN ?? DEFAULT_FLOW_CONFIG.hidden[0]);

const peak = Number(env.FITS_LR ?? DEFAULT_LEARNING_RATE);
const tuned: LrSchedule =
  env.FITS_SCHEDULE === 'constant'
    ? constantSchedule(peak)
    : cosineSchedule(peak, {
        ...(env.FITS_WARMUP ? { warmupSteps: Number(env.FITS_WARMUP) } : {}),
        ...(env.FITS_FINAL ? { finalFraction: Number(env.FITS_FINAL) } : {}),
        ...(env.FITS_DECAY ? { decaySteps: Number(env.FITS_DECAY) } : {}),
      });
const schedules: { name: string; schedule: LrSchedule }[] = [
  ...(env.FITS_COMPARE === '1' ? [{ name: 'before', schedule: constantSchedule(1e-3) }] : []),
  {
    name:
      env.FITS_LR || env.FITS_SCHEDULE || env.FITS_FINAL || env.FITS_WARMUP ? 'tuning' : 'default',
    schedule: tuned,
  },
];

const rows = [
  '| flow | schedule | KL gap (nats), mean ± sd | per seed | ms / step | skipped |',
  '| --- | --- | ---: | --- | ---: | ---: |',
];
for (const kind of FLOWS) {
  for (const { name, schedule } of schedules) {
    const runs: FitFigures[] = [];
    for (const seed of SEEDS) {
      const r = await measureFit({
        kind,
        steps: STEPS,
        seed,
        schedule,
        layers: LAYERS,
        hidden: HIDDEN,
      });
      console.error(
        `${kind} ${name} seed ${seed}: KL gap ${r.gap.toFixed(3)} nats, ${r.msPerStep.toFixed(1)} ms/step`,
      );
      runs.push(r);
    }
    const gap = meanSd(runs.map((r) => r.gap));
    const ms = meanSd(runs.map((r) => r.msPerStep));
    const skipped = runs.reduce((a, r) => a + r.skipped, 0);
    rows.push(
      `| ${kind.toUpperCase()} | ${name}: ${describeSchedule(schedule)} | ${gap.m.toFixed(3)} ± ${gap.sd.toFixed(3)} | ${runs.map((r) => r.gap.toFixed(3)).join(', ')} | ${ms.m.toFixed(1)} | ${skipped} |`,
    );
  }
}
disposeFitData();
console.log(
  `\n8gaussians, ${STEPS} steps, ${LAYERS} layers, MADE 2×${HIDDEN}, batch 512, seeds ${SEEDS.join(', ')}, tfjs WASM (Node ${process.version});`,
);
console.log(
  `KL gap = NLL on ${FITS_TEST_POINTS.toLocaleString('en-US')} held-out points − ${ENTROPY_8GAUSSIANS} nats\n`,
);
console.log(rows.join('\n'));
