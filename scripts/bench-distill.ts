/**
 * `npm run bench:distill`: time from "Train from scratch" to a student close to the teacher, on
 * tfjs WASM in Node (the measuring part is scripts/bench/distill.ts, which `npm run bench` also
 * runs). Prints each check's row and the training seconds at which each distance first came
 * within TARGET nats. A benchmark: it asserts nothing.
 *   DISTILL_STEPS=3000 DISTILL_CHECK=100 DISTILL_TARGET=0.15 DISTILL_SEED=1
 *   DISTILL_LR=… DISTILL_BATCH=512      (the panel's learning rate η, default the lab's, and batch)
 *   DISTILL_STOP=1                      stop at the first check within the target
 *   DISTILL_TEACHER=path.json           another MAF teacher (default: the committed 8gaussians preset)
 *   DISTILL_STUDENT_LAYERS=12 DISTILL_STUDENT_HIDDEN=32,32   another student architecture
 *   DISTILL_NOISE=lattice|independent   how a step draws its z (default: the panel's, a shifted lattice)
 * Schedule overrides, for tuning (any of them replaces the default schedule by: anneal β from
 * DISTILL_BETA to 1 over DISTILL_ANNEAL steps at DISTILL_PEAK·u, then a geometric or cosine
 * (DISTILL_SHAPE) decay to DISTILL_END·u over DISTILL_DECAY steps, then hold; u is the schedule's
 * unit rate, 1e-3 at the lab's default η: distillUnitRate in core/flow/distill-schedule.ts):
 *   DISTILL_ANNEAL DISTILL_DECAY DISTILL_PEAK DISTILL_END DISTILL_SHAPE=geometric|cosine DISTILL_BETA
 */
import { BETA_START, distillSchedule, distillUnitRate, type DecayShape, type DistillPhase, type StudentNoise } from '../src/core/flow/distill-schedule';
import {
  DISTILL_DEFAULTS,
  DISTILL_TABLE_HEAD,
  distillRow,
  measureDistill,
  reachedText,
  targetText,
  TEACHER_FILE,
} from './bench/distill';

const env = process.env;

function noiseKind(v: string): StudentNoise {
  if (v !== 'lattice' && v !== 'independent') throw new Error(`DISTILL_NOISE must be lattice or independent, not ${v}`);
  return v;
}
const options = {
  steps: Number(env.DISTILL_STEPS ?? DISTILL_DEFAULTS.steps),
  check: Number(env.DISTILL_CHECK ?? DISTILL_DEFAULTS.check),
  target: Number(env.DISTILL_TARGET ?? DISTILL_DEFAULTS.target),
  seed: Number(env.DISTILL_SEED ?? DISTILL_DEFAULTS.seed),
  learningRate: Number(env.DISTILL_LR ?? DISTILL_DEFAULTS.learningRate),
  batchSize: Number(env.DISTILL_BATCH ?? DISTILL_DEFAULTS.batchSize),
  stopAtTarget: env.DISTILL_STOP === '1',
  teacherFile: env.DISTILL_TEACHER ?? TEACHER_FILE,
  ...(env.DISTILL_NOISE ? { noise: noiseKind(env.DISTILL_NOISE) } : {}),
  ...(env.DISTILL_STUDENT_LAYERS ? { studentLayers: Number(env.DISTILL_STUDENT_LAYERS) } : {}),
  ...(env.DISTILL_STUDENT_HIDDEN ? { studentHidden: env.DISTILL_STUDENT_HIDDEN.split(',').map(Number) } : {}),
};

const KNOBS = ['DISTILL_ANNEAL', 'DISTILL_DECAY', 'DISTILL_PEAK', 'DISTILL_END', 'DISTILL_SHAPE', 'DISTILL_BETA'];

/** The default schedule with any knob set replacing its value (the default's own phases when none is). */
function tunedPhases(): DistillPhase[] | undefined {
  if (!KNOBS.some((k) => env[k])) return undefined;
  const [anneal, decay] = distillSchedule('student-teacher', false, options.learningRate);
  const unit = distillUnitRate(options.learningRate);
  const peak = env.DISTILL_PEAK ? Number(env.DISTILL_PEAK) * unit : anneal.learningRate;
  const end = env.DISTILL_END ? Number(env.DISTILL_END) * unit : (decay.learningRateEnd ?? peak);
  const shape = (env.DISTILL_SHAPE ?? decay.decay ?? 'geometric') as DecayShape;
  if (shape !== 'geometric' && shape !== 'cosine') throw new Error(`DISTILL_SHAPE must be geometric or cosine, not ${shape}`);
  return [
    {
      direction: 'student-teacher',
      steps: Number(env.DISTILL_ANNEAL ?? anneal.steps),
      learningRate: peak,
      teacherWeight: [Number(env.DISTILL_BETA ?? BETA_START), 1],
    },
    { direction: 'student-teacher', steps: Number(env.DISTILL_DECAY ?? decay.steps), learningRate: peak, learningRateEnd: end, decay: shape },
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
const rate = (x: number) => Number(x.toPrecision(3));
const schedule = phases
  ? `tuned schedule (β ${phases[0].teacherWeight?.[0]} → 1 over ${phases[0].steps} steps at ${rate(phases[0].learningRate)}, ${phases[1].decay} decay to ${rate(phases[2].learningRate)} over ${phases[1].steps})`
  : 'default schedule';
console.log(
  `\n8gaussians distillation from scratch: teacher ${r.teacherArchitecture} (${r.teacherFile}), held-out NLL ${r.teacherNll.toFixed(3)} nats; student ${r.studentArchitecture}, ${schedule}, η ${r.learningRate}, batch ${r.batchSize}, ${r.noise} noise, seed ${r.seed}, tfjs WASM (Node ${process.version})\n`,
);
console.log([...DISTILL_TABLE_HEAD, ...r.checks.map(distillRow)].join('\n'));
console.log(
  `\ntime to within ${r.target} nats (training time, checks excluded; median CPU ${r.cpuMsPerStep.toFixed(1)} ms/step):`,
);
console.log(`  KL(s‖t) + se ≤ ${r.target}:            ${targetText(r)}`);
console.log(
  `  |student − teacher held-out NLL| ≤ ${r.target}: ${reachedText(r.nllReached, r.steps)}`,
);
console.log(`  |median per-point gap| ≤ ${r.target}:  ${reachedText(r.medianReached, r.steps)}`);
