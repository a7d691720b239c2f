/**
 * `npm run presets`: trains the committed preset models (public/presets/<dataset>-<flow>.json)
 * with the command-line tool, two at a time, and writes public/presets/index.json, the
 * manifest the app reads to know which presets exist, then the density previews (preset-previews.ts). Each preset uses the app's default
 * architecture (affine: 12 layers, 2×32; spline: 2 layers, 2×64) and its default peak rate
 * (DEFAULT_LEARNING_RATE), so "Train" continues from it. Takes about an hour on 2 idle cores.
 *   PRESETS=8gaussians-maf,moons-iaf npm run presets    retrains only those.
 *   PRESET_WORKERS=1 npm run presets                     one training process at a time (default 2).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DATASET_IDS } from '../src/core/datasets';
import { entropyFloor, type DensityName } from '../src/core/toy/true-density';
import { DEFAULT_LEARNING_RATE } from '../src/core/flow/lr-schedule';

interface Job {
  dataset: string;
  flow: 'maf' | 'iaf' | 'coupling';
  steps: number;
  lr: number;
  /** File name without .json (default `<dataset>-<flow>`). */
  name?: string;
  /** Further CLI flags (architecture, transform). */
  extra?: string[];
}

const OUT = 'public/presets';
const energy = (d: string) => /^u[1-4]$/.test(d);
// Every toy set as MAF and IAF (maximum likelihood); the energy targets as IAF (reverse KL,
// its natural regime). 8gaussians gets the longest run: it is the lab's opening view.
const ALL: Job[] = DATASET_IDS.filter((d) => d !== 'drawn').flatMap((dataset): Job[] => {
  const long = dataset === '8gaussians' ? 2 : 1;
  if (energy(dataset)) return [{ dataset, flow: 'iaf', steps: 1500, lr: DEFAULT_LEARNING_RATE }];
  return [
    { dataset, flow: 'maf', steps: 3000 * long, lr: DEFAULT_LEARNING_RATE },
    { dataset, flow: 'iaf', steps: 1500 * long, lr: DEFAULT_LEARNING_RATE },
  ];
});

// ── Coupling flows and spline transforms (issue 20) ─────────────────────────────────────────
// The spline presets have 2 layers of 2×64 (K = 8 bins on [−4, 4]; the lab's default
// architecture for a spline, state/url-defaults.ts) and were trained at η = 1e-3, which fit
// every toy set closer than the affine layers: <dataset>-maf-spline.json,
// <dataset>-iaf-spline.json (the IAF by sequential maximum likelihood, so that the comparison
// view and `?flow=iaf&transform=spline` open fitted instead of training the slowest row live),
// <dataset>-coupling-spline.json; the affine coupling flow in the lab's default architecture
// (12 layers, 2×32): <dataset>-coupling.json. Every toy set has a job; the manifest lists the
// files that exist (docs/teaching.md says which were trained).
const SPLINE = ['--transform', 'spline', '--layers', '2', '--hidden', '64'];
const TOY_SETS = DATASET_IDS.filter((d) => d !== 'drawn' && !energy(d));
const COUPLING_AND_SPLINE: Job[] = [
  ...TOY_SETS.map((dataset): Job => ({ dataset, flow: 'maf', steps: 2000, lr: 1e-3, name: `${dataset}-maf-spline`, extra: SPLINE })),
  ...TOY_SETS.map((dataset): Job => ({ dataset, flow: 'iaf', steps: 2000, lr: 1e-3, name: `${dataset}-iaf-spline`, extra: SPLINE })),
  ...TOY_SETS.map((dataset): Job => ({ dataset, flow: 'coupling', steps: 2000, lr: 1e-3, name: `${dataset}-coupling-spline`, extra: SPLINE })),
  ...TOY_SETS.map((dataset): Job => ({ dataset, flow: 'coupling', steps: 3000, lr: DEFAULT_LEARNING_RATE })),
];
ALL.push(...COUPLING_AND_SPLINE);
// ─────────────────────────────────────────────────────────────────────────────────────────────

const nameOf = (j: Job) => j.name ?? `${j.dataset}-${j.flow}`;
const only = process.env.PRESETS?.split(',');
const jobs = only ? ALL.filter((j) => only.includes(nameOf(j))) : ALL;

function run(job: Job): Promise<void> {
  const name = nameOf(job);
  const args = [
    '--import',
    'tsx',
    '--import',
    './scripts/node-register.mjs',
    'scripts/cli/main.ts',
    'train',
  ];
  args.push(
    '--flow',
    job.flow,
    '--dataset',
    job.dataset,
    '--steps',
    String(job.steps),
    '--lr',
    String(job.lr),
  );
  args.push(...(job.extra ?? []), '--log-every', '500', '--out', `${OUT}/${name}.json`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.on('exit', (code) => {
      const final = log.split('\n').find((l) => l.startsWith('final')) ?? '';
      console.log(`${name}: ${final}`);
      if (code === 0) resolve();
      else reject(new Error(`${name} failed with exit code ${code}`));
    });
  });
}

const queue = [...jobs];
const workers = Math.max(1, Number(process.env.PRESET_WORKERS ?? 2));
await Promise.all(
  Array.from({ length: workers }, async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await run(job);
  }),
);

const files = ALL.map(nameOf).filter((n) => existsSync(`${OUT}/${n}.json`));
const manifest = files.map((name) => {
  const doc = JSON.parse(readFileSync(`${OUT}/${name}.json`, 'utf8'));
  // transform and layers tell the app which presets fit its architecture (spline presets: 2 layers).
  const transform =
    doc.config.transform === 'spline' ? { transform: 'spline', layers: doc.config.layers } : {};
  // KL(p ‖ model) = NLL − H(p) where the entropy floor is known (8gaussians, checkerboard;
  // REFERENCE.md); the energy presets are judged by reverse KL (training.kl) instead.
  const floor = energy(doc.dataset) ? null : entropyFloor(doc.dataset as DensityName);
  const klGap = floor !== null && typeof doc.training?.nll === 'number' ? { klGap: Number((doc.training.nll - floor).toFixed(4)) } : {};
  return {
    file: `${name}.json`,
    dataset: doc.dataset,
    kind: doc.kind,
    ...transform,
    training: doc.training,
    ...klGap,
  };
});
// The pretrained distillation students (scripts/train-student-presets.ts) and the stepper's
// presets (scripts/train-steps-presets.ts) keep their entries.
const previous = existsSync(`${OUT}/index.json`)
  ? (JSON.parse(readFileSync(`${OUT}/index.json`, 'utf8')) as { students?: unknown; steps?: unknown })
  : {};
writeFileSync(
  `${OUT}/index.json`,
  JSON.stringify({ presets: manifest, students: previous.students ?? [], steps: previous.steps ?? [] }, null, 1) + '\n',
);
console.log(`wrote ${OUT}/index.json with ${manifest.length} presets`);
// The density previews the lab draws before its worker starts (and their manifest entries).
execFileSync(
  process.execPath,
  ['--import', 'tsx', '--import', './scripts/node-register.mjs', 'scripts/preset-previews.ts'],
  { stdio: 'inherit' },
);
console.log(
  'a retrained MAF teacher needs its pretrained student retrained: npm run presets:students',
);
