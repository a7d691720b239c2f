/**
 * `npm run presets:students`: trains the committed pretrained students
 * (public/presets/<dataset>-student.json) that the distillation panel opens with. Each is
 * exactly what the panel's "Train from scratch" runs on its default options (seed 1, batch 512,
 * the lab's default learning rate, KL(student ‖ teacher) alone with the default schedule of
 * core/flow/distill-schedule.ts, no teacher sample drawn), through the same DistillSession,
 * for DEFAULT_SCHEDULE_STEPS steps, against the committed MAF teacher. It records the result
 * (KL ± standard error, held-out NLLs, modes covered, wall time) in the file and in the
 * manifest's `students` list (public/presets/index.json). Run after `npm run presets`, since a
 * retrained teacher needs a retrained student.
 *   STUDENTS=8gaussians npm run presets:students    trains only those.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tf } from '../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import { DistillSession } from '../src/compute/distill/session';
import { DEFAULT_SCHEDULE_STEPS } from '../src/core/flow/distill-schedule';
import { serializeModel } from '../src/core/flow/model-file';
import { DEFAULT_LEARNING_RATE } from '../src/core/flow/lr-schedule';

const OUT = 'public/presets';
/** Data sets with a pretrained student (8gaussians: the panel's opening view). */
const ALL = ['8gaussians'];
const CHUNK = 250;

interface StudentEntry {
  file: string;
  dataset: string;
  kind: 'iaf';
  teacher: string;
  training: Record<string, number | string>;
}

tf.env().set('PROD', true);
if (!(await tf.setBackend('wasm'))) throw new Error('the WASM backend did not start');
const only = process.env.STUDENTS?.split(',');
const manifestPath = `${OUT}/index.json`;
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { presets: unknown[]; students?: StudentEntry[] };
const students = new Map((manifest.students ?? []).map((e) => [e.dataset, e]));

for (const dataset of only ?? ALL) {
  const teacherFile = `${dataset}-maf.json`;
  const session = new DistillSession();
  const options = { seed: 1, learningRate: DEFAULT_LEARNING_RATE, batchSize: 512 };
  await session.configure({
    teacherText: readFileSync(`${OUT}/${teacherFile}`, 'utf8'),
    studentText: null,
    startFrom: 'scratch',
    dataset,
    direction: 'student-teacher',
    warmStart: false,
    ...options,
  });
  const t0 = performance.now();
  let frame = await session.frame(64);
  while (frame.step < DEFAULT_SCHEDULE_STEPS) {
    frame = await session.step(Math.min(CHUNK, DEFAULT_SCHEDULE_STEPS - frame.step));
    const n = frame.klMeans.length - 1;
    console.log(
      `${dataset} step ${frame.step}: KL(s‖t) ${frame.klMeans[n].toFixed(3)} ± ${frame.klErrors[n].toFixed(3)} nats, ` +
        `NLL ${frame.nllValues[n].toFixed(3)} (teacher ${frame.teacherNll.toFixed(3)}), modes ${frame.modes?.coveredCount ?? '–'}, ` +
        `${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
  }
  const seconds = (performance.now() - t0) / 1000;
  frame = await session.frame(128);
  const n = frame.klMeans.length - 1;
  const training = {
    steps: frame.step,
    objective: 'KL(student‖teacher), annealed (core/flow/distill-schedule.ts); no teacher sample drawn',
    batch: options.batchSize,
    lr: options.learningRate,
    seed: options.seed,
    kl: Number(frame.klMeans[n].toFixed(4)),
    klStandardError: Number(frame.klErrors[n].toFixed(4)),
    nll: Number(frame.nllValues[n].toFixed(4)),
    teacherNll: Number(frame.teacherNll.toFixed(4)),
    modesCovered: frame.modes ? `${frame.modes.coveredCount} of ${frame.modes.centres.length / 2}` : 'not measured',
    seconds: Number(seconds.toFixed(1)),
  };
  const file = `${dataset}-student.json`;
  const doc = serializeModel(await session.studentWeights(), { kind: 'iaf', dataset, training });
  writeFileSync(`${OUT}/${file}`, JSON.stringify(doc) + '\n');
  students.set(dataset, { file, dataset, kind: 'iaf', teacher: teacherFile, training });
  session.dispose();
  console.log(`${file}: ${JSON.stringify(training)}`);
}
manifest.students = [...students.values()];
writeFileSync(manifestPath, JSON.stringify(manifest, null, 1) + '\n');
console.log(`wrote ${manifestPath} with ${manifest.students.length} pretrained students`);
