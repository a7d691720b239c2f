/**
 * `npm run bench:distill-step`: CPU ms per distillation step of the panel's default against a
 * reference, interleaved in one process (scripts/bench/distill-step-time.ts), so that the ratio
 * survives a shared machine's load. Reference A: the committed 8gaussians MAF teacher and its
 * default student, with independent draws of z (the noise before item 6; B uses the default's,
 * so B ÷ A includes the shifted lattice's cost). B…: DISTILL_TEACHER (default: the same file) with each student of
 * DISTILL_STEP_STUDENTS (e.g. "12x32,16x32": layers × MADE width; default: studentConfig's).
 * Prints per-setup median CPU and wall ms/step and the median of the per-round ratios to A.
 *   DISTILL_STEP_ROUNDS=12 DISTILL_STEP_STEPS=30 DISTILL_STEP_WARMUP=20 DISTILL_BATCH=512
 * A benchmark: it asserts nothing.
 */
import { DISTILL_DEFAULTS, TEACHER_FILE } from './bench/distill';
import { interleavedStepTimes, type StepSetup } from './bench/distill-step-time';
import { median } from '../src/core/stats';

const env = process.env;
const teacherB = env.DISTILL_TEACHER ?? TEACHER_FILE;
const students = (env.DISTILL_STEP_STUDENTS ?? '').split(',').filter(Boolean);
const setups: StepSetup[] = [
  { name: 'A (reference, independent z)', teacherFile: TEACHER_FILE, noise: 'independent' },
  ...(students.length
    ? students.map((s): StepSetup => {
        const [layers, width] = s.split('x').map(Number);
        return { name: `B ${s}`, teacherFile: teacherB, student: { layers, hidden: [width, width] } };
      })
    : [{ name: 'B', teacherFile: teacherB }]),
];
const o = {
  rounds: Number(env.DISTILL_STEP_ROUNDS ?? 12),
  stepsPerRound: Number(env.DISTILL_STEP_STEPS ?? 30),
  warmup: Number(env.DISTILL_STEP_WARMUP ?? 20),
  batchSize: Number(env.DISTILL_BATCH ?? DISTILL_DEFAULTS.batchSize),
  learningRate: DISTILL_DEFAULTS.learningRate,
};
const t = await interleavedStepTimes(setups, o);
console.log(
  `distillation step, ${o.rounds} interleaved rounds of ${o.stepsPerRound} steps each (after ${o.warmup} warm-up steps), batch ${o.batchSize}, tfjs WASM (Node ${process.version})\n`,
);
console.log('| setup | teacher | student | CPU ms / step (median) | wall ms / step (median) | CPU ratio to A (median of rounds) |');
console.log('| --- | --- | --- | ---: | ---: | ---: |');
for (const s of t) {
  const ratio = median(s.cpuMs.map((c, r) => c / t[0].cpuMs[r]));
  console.log(`| ${s.name} | ${s.teacher} | ${s.student} | ${s.medianCpuMs.toFixed(1)} | ${s.medianWallMs.toFixed(1)} | ${ratio.toFixed(3)} |`);
}
