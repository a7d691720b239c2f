/**
 * `npm run bench:distill`: time from "Train from scratch" to a student close to the teacher, on
 * tfjs WASM in Node. Runs the panel's default distillation (the committed 8gaussians MAF
 * teacher, a fresh IAF student, KL(student‖teacher) on the schedule of
 * core/flow/distill-schedule.ts, batch 512, no teacher sample drawn) and every CHECK steps
 * measures, off the clock:
 *   KL(s‖t) ± se       Monte Carlo on 4,096 student samples (what the student minimises)
 *   NLL gap            student − teacher held-out NLL on 2,048 data points (the metric;
 *                      one thin tail of the mode-seeking student can make it huge)
 *   median gap         median over the same points of log p_t(x) − log q_s(x) (outlier-robust)
 * and prints the training seconds (checks excluded) at which each first came within TARGET
 * nats. A benchmark: it asserts nothing.
 *   DISTILL_STEPS=1500 DISTILL_CHECK=100 DISTILL_TARGET=0.15 DISTILL_SEED=1
 *   DISTILL_LR=1e-3 DISTILL_BATCH=512   (the panel's learning rate η and batch)
 */
import { readFileSync } from 'node:fs';
import { tf } from '../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import { Distiller } from '../src/compute/distill/distiller';
import { parseModelText } from '../src/core/flow/model-file';
import { distillSchedule, initStudentWeights } from '../src/core/flow/distill-schedule';
import { datasetSource } from '../src/core/datasets';
import { createRng } from '../src/core/rng';

const env = process.env;
const STEPS = Number(env.DISTILL_STEPS ?? 1500);
const CHECK = Number(env.DISTILL_CHECK ?? 100);
const TARGET = Number(env.DISTILL_TARGET ?? 0.15);
const SEED = Number(env.DISTILL_SEED ?? 1);
const LR = Number(env.DISTILL_LR ?? 1e-3);
const BATCH = Number(env.DISTILL_BATCH ?? 512);
const HELD_OUT = 2048;

tf.env().set('PROD', true);
if (!(await tf.setBackend('wasm'))) throw new Error('the WASM backend did not start');
const teacher = parseModelText(readFileSync('public/presets/8gaussians-maf.json', 'utf8'));
const phases = distillSchedule('student-teacher', false, LR);
const distiller = new Distiller(teacher.weights, initStudentWeights(teacher.weights.config, SEED), phases, {
  batchSize: BATCH,
  clipNorm: 10,
  seed: SEED + 1,
});
const heldOut = datasetSource('8gaussians', null).sample(HELD_OUT, createRng(SEED + 2)).data;
const teacherNll = await distiller.teacherNll(heldOut);

/** Per-point log p_t − log q_s on the held-out data: its mean is the NLL gap, its median the robust one. */
async function gaps(): Promise<{ mean: number; median: number }> {
  const diff = tf.tidy(() => {
    const x = tf.tensor2d(heldOut, [HELD_OUT, 2]);
    return tf.sub(distiller.teacher.logProb(x, 'maf'), distiller.student.logProb(x, 'iaf'));
  });
  const values = Float64Array.from((await diff.data()) as Float32Array);
  diff.dispose();
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  values.sort();
  return { mean, median: values[values.length >> 1] };
}

const reached: Record<string, number | null> = { kl: null, nll: null, median: null };
const rows = ['| step | train s | KL(s‖t) ± se (nats) | NLL gap (nats) | median gap (nats) | β |', '| ---: | ---: | ---: | ---: | ---: | ---: |'];
let trainMs = 0;
for (let done = 0; done < STEPS; ) {
  const n = Math.min(CHECK, STEPS - done);
  const t0 = performance.now();
  for (let s = 0; s < n; s++) distiller.step();
  await distiller.status(); // one readback: the steps have run
  trainMs += performance.now() - t0;
  done += n;
  const kl = await distiller.estimateKl('student-teacher', 4096, SEED + 4);
  const g = await gaps();
  const seconds = trainMs / 1000;
  if (reached.kl === null && kl.mean + kl.standardError <= TARGET) reached.kl = seconds;
  if (reached.nll === null && Math.abs(g.mean) <= TARGET) reached.nll = seconds;
  if (reached.median === null && Math.abs(g.median) <= TARGET) reached.median = seconds;
  const row = `| ${done} | ${seconds.toFixed(1)} | ${kl.mean.toFixed(3)} ± ${kl.standardError.toFixed(3)} | ${g.mean.toFixed(3)} | ${g.median.toFixed(3)} | ${distiller.teacherWeight.toFixed(2)} |`;
  console.error(row);
  rows.push(row);
}
distiller.dispose();
const when = (s: number | null) => (s === null ? `not within ${STEPS} steps` : `${s.toFixed(1)} s`);
console.log(`\n8gaussians distillation from scratch: teacher held-out NLL ${teacherNll.toFixed(3)} nats; student ${phases.length}-phase default schedule, η ${LR}, batch ${BATCH}, seed ${SEED}, tfjs WASM (Node ${process.version})\n`);
console.log(rows.join('\n'));
console.log(`\ntime to within ${TARGET} nats (training time, checks excluded):`);
console.log(`  KL(s‖t) + se ≤ ${TARGET}:            ${when(reached.kl)}`);
console.log(`  |student − teacher held-out NLL| ≤ ${TARGET}: ${when(reached.nll)}`);
console.log(`  |median per-point gap| ≤ ${TARGET}:  ${when(reached.median)}`);
