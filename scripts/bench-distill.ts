/**
 * `npm run bench:distill`: time from "Train from scratch" to a student close to the teacher, on
 * tfjs WASM in Node (the measuring part is scripts/bench/distill.ts, which `npm run bench` also
 * runs). Prints each check's row and the training seconds at which each distance first came
 * within TARGET nats. A benchmark: it asserts nothing.
 *   DISTILL_STEPS=1500 DISTILL_CHECK=100 DISTILL_TARGET=0.15 DISTILL_SEED=1
 *   DISTILL_LR=1e-3 DISTILL_BATCH=512   (the panel's learning rate η and batch)
 * Schedule overrides, for tuning (any of them replaces the default schedule by: anneal β from
 * BETA_START to 1 over DISTILL_ANNEAL steps at DISTILL_PEAK·η, then a geometric or cosine decay to
 * DISTILL_END·η over DISTILL_DECAY steps, then hold):
 *   DISTILL_ANNEAL=800 DISTILL_DECAY=700 DISTILL_PEAK=3 DISTILL_END=0.1
 */
import {
  ANNEAL_STEPS,
  BETA_START,
  DEFAULT_SCHEDULE_STEPS,
  type DistillPhase,
} from '../src/core/flow/distill-schedule';
import {
  DISTILL_DEFAULTS,
  DISTILL_TABLE_HEAD,
  distillRow,
  measureDistill,
  reachedText,
} from './bench/distill';

const env = process.env;
const options = {
  steps: Number(env.DISTILL_STEPS ?? DISTILL_DEFAULTS.steps),
  check: Number(env.DISTILL_CHECK ?? DISTILL_DEFAULTS.check),
  target: Number(env.DISTILL_TARGET ?? DISTILL_DEFAULTS.target),
  seed: Number(env.DISTILL_SEED ?? DISTILL_DEFAULTS.seed),
  learningRate: Number(env.DISTILL_LR ?? DISTILL_DEFAULTS.learningRate),
  batchSize: Number(env.DISTILL_BATCH ?? DISTILL_DEFAULTS.batchSize),
};

function tunedPhases(): DistillPhase[] | undefined {
  if (!env.DISTILL_ANNEAL && !env.DISTILL_DECAY && !env.DISTILL_PEAK && !env.DISTILL_END)
    return undefined;
  const anneal = Number(env.DISTILL_ANNEAL ?? ANNEAL_STEPS);
  const decay = Number(env.DISTILL_DECAY ?? DEFAULT_SCHEDULE_STEPS - ANNEAL_STEPS);
  const peak = Number(env.DISTILL_PEAK ?? 3) * options.learningRate;
  const end = Number(env.DISTILL_END ?? 0.1) * options.learningRate;
  return [
    {
      direction: 'student-teacher',
      steps: anneal,
      learningRate: peak,
      teacherWeight: [BETA_START, 1],
    },
    { direction: 'student-teacher', steps: decay, learningRate: peak, learningRateEnd: end },
    { direction: 'student-teacher', steps: Infinity, learningRate: end },
  ];
}

const phases = tunedPhases();
console.error(DISTILL_TABLE_HEAD.join('\n'));
const r = await measureDistill({
  ...options,
  ...(phases ? { phases } : {}),
  onCheck: (c) => console.error(distillRow(c)),
});
const schedule = phases
  ? `tuned schedule (anneal ${phases[0].steps}, decay ${phases[1].steps}, peak ${phases[0].learningRate}, end ${phases[2].learningRate})`
  : 'default schedule';
console.log(
  `\n8gaussians distillation from scratch: teacher held-out NLL ${r.teacherNll.toFixed(3)} nats; student ${schedule}, η ${r.learningRate}, batch ${r.batchSize}, seed ${r.seed}, tfjs WASM (Node ${process.version})\n`,
);
console.log([...DISTILL_TABLE_HEAD, ...r.checks.map(distillRow)].join('\n'));
console.log(
  `\ntime to within ${r.target} nats (training time, checks excluded; median CPU ${r.cpuMsPerStep.toFixed(1)} ms/step):`,
);
console.log(`  KL(s‖t) + se ≤ ${r.target}:            ${reachedText(r.klReached, r.steps)}`);
console.log(
  `  |student − teacher held-out NLL| ≤ ${r.target}: ${reachedText(r.nllReached, r.steps)}`,
);
console.log(`  |median per-point gap| ≤ ${r.target}:  ${reachedText(r.medianReached, r.steps)}`);
