/**
 * Distillation time to target, on tfjs WASM in Node (`npm run bench:distill`, and a row of
 * `npm run bench`). Runs the panel's default distillation (the committed 8gaussians MAF teacher,
 * a fresh IAF student, KL(student‖teacher) on the schedule of core/flow/distill-schedule.ts with
 * its default noise, no teacher sample drawn) and every `check` steps measures, off the clock:
 *   KL(s‖t) ± se       Monte Carlo on 4,096 student samples (what the student minimises)
 *   NLL gap            student − teacher held-out NLL on 2,048 data points (the metric;
 *                      one thin tail of the mode-seeking student can make it huge)
 *   median gap         median over the same points of log p_t(x) − log q_s(x) (outlier-robust)
 * and the training seconds (checks excluded) and steps at which each first came within `target`.
 * `phases` replaces the default schedule (for tuning; bench-distill.ts builds it from env knobs).
 */
import { readFileSync } from 'node:fs';
import { tf } from '../../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import { Distiller } from '../../src/compute/distill/distiller';
import { parseModelText } from '../../src/core/flow/model-file';
import { DEFAULT_STUDENT_NOISE, distillSchedule, initStudentWeights, type DistillPhase, type StudentNoise } from '../../src/core/flow/distill-schedule';
import { datasetSource } from '../../src/core/datasets';
import { DEFAULT_LEARNING_RATE } from '../../src/core/flow/lr-schedule';
import { createRng } from '../../src/core/rng';
import { timeToTarget, type Check, type Reached } from './time-to-target';

export { reachedText, targetText } from './time-to-target';

const HELD_OUT = 2048;
const KL_SAMPLES = 4096;

export interface DistillOptions {
  steps: number;
  check: number;
  target: number;
  seed: number;
  /** The user's learning rate η (the schedule scales it per phase). */
  learningRate: number;
  batchSize: number;
  phases?: DistillPhase[];
  /** The teacher's model file (default: the committed 8gaussians MAF preset, TEACHER_FILE). */
  teacherFile?: string;
  /** The student's depth and widths instead of studentConfig's (tuning only). */
  studentLayers?: number;
  studentHidden?: number[];
  /** How a step draws its z (default: DEFAULT_STUDENT_NOISE, the panel's). */
  noise?: StudentNoise;
  /** Stop at the first check with KL(s‖t) + se ≤ target (the bench: time to target is all it needs). */
  stopAtTarget?: boolean;
  /** Called with each check's row as it is measured (progress). */
  onCheck?: (row: DistillCheck) => void;
}

export interface DistillCheck {
  step: number;
  seconds: number;
  /** CPU time of this process per training step since the previous check (ms; all threads). */
  cpuMsPerStep: number;
  /** CPU seconds of training so far (checks excluded): the load-robust clock of the budget. */
  cpuSeconds: number;
  kl: number;
  klSe: number;
  nllGap: number;
  medianGap: number;
  beta: number;
}

export interface DistillFigures {
  /** Steps run (fewer than asked when stopped at the target). */
  steps: number;
  seed: number;
  learningRate: number;
  batchSize: number;
  noise: StudentNoise;
  target: number;
  teacherNll: number;
  /** The teacher's file and both architectures, e.g. "MAF 12 × [32, 32]". */
  teacherFile: string;
  teacherArchitecture: string;
  studentArchitecture: string;
  checks: DistillCheck[];
  /** First check with KL(s‖t) + se ≤ target (the bench's budget figure). */
  klReached: Reached | null;
  /** That check's full row (KL ± se there, CPU seconds to it); null when not reached. */
  klTarget: DistillCheck | null;
  /** First check with |student − teacher held-out NLL| ≤ target. */
  nllReached: Reached | null;
  /** First check with |median per-point gap| ≤ target. */
  medianReached: Reached | null;
  /** Training seconds over all steps, and median CPU ms per step over the checks. */
  trainSeconds: number;
  cpuMsPerStep: number;
}

/** The teacher `npm run bench` distils: the committed 8gaussians MAF preset. */
export const TEACHER_FILE = 'public/presets/8gaussians-maf.json';

export const DISTILL_DEFAULTS = { steps: 3000, check: 100, target: 0.15, seed: 1, learningRate: DEFAULT_LEARNING_RATE, batchSize: 512 } as const;

export async function measureDistill(o: DistillOptions): Promise<DistillFigures> {
  tf.env().set('PROD', true);
  if (!(await tf.setBackend('wasm'))) throw new Error('the WASM backend did not start');
  const teacherFile = o.teacherFile ?? TEACHER_FILE;
  const teacher = parseModelText(readFileSync(teacherFile, 'utf8'));
  const phases = o.phases ?? distillSchedule('student-teacher', false, o.learningRate);
  // initStudentWeights derives the student from the teacher's config; the tuning override
  // hands it a config of the asked depth and widths (≥ STUDENT_LAYERS deep either way).
  const studentBase = {
    ...teacher.weights.config,
    ...(o.studentLayers ? { layers: o.studentLayers } : {}),
    ...(o.studentHidden ? { hidden: o.studentHidden } : {}),
  };
  const studentWeights = initStudentWeights(studentBase, o.seed);
  const distiller = new Distiller(teacher.weights, studentWeights, phases, {
    batchSize: o.batchSize,
    clipNorm: 10,
    seed: o.seed + 1,
    noise: o.noise ?? DEFAULT_STUDENT_NOISE,
  });
  const heldOut = datasetSource('8gaussians', null).sample(HELD_OUT, createRng(o.seed + 2)).data;
  const teacherNll = await distiller.teacherNll(heldOut);

  /** Per-point log p_t − log q_s on the held-out data: its mean is the NLL gap, its median the robust one. */
  const gaps = async (): Promise<{ mean: number; median: number }> => {
    const diff = tf.tidy(() => {
      const x = tf.tensor2d(heldOut, [HELD_OUT, 2]);
      return tf.sub(distiller.teacher.logProb(x, 'maf'), distiller.student.logProb(x, 'iaf'));
    });
    const values = Float64Array.from((await diff.data()) as Float32Array);
    diff.dispose();
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    values.sort();
    return { mean, median: values[values.length >> 1] };
  };

  const checks: DistillCheck[] = [];
  let trainMs = 0;
  let cpuMs = 0;
  try {
    for (let done = 0; done < o.steps; ) {
      const n = Math.min(o.check, o.steps - done);
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      for (let s = 0; s < n; s++) distiller.step();
      await distiller.status(); // one readback: the steps have run
      trainMs += performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      done += n;
      cpuMs += (cpu.user + cpu.system) / 1000;
      const kl = await distiller.estimateKl('student-teacher', KL_SAMPLES, o.seed + 4);
      const g = await gaps();
      const row: DistillCheck = {
        step: done,
        seconds: trainMs / 1000,
        cpuMsPerStep: (cpu.user + cpu.system) / 1000 / n,
        cpuSeconds: cpuMs / 1000,
        kl: kl.mean,
        klSe: kl.standardError,
        nllGap: g.mean,
        medianGap: g.median,
        beta: distiller.teacherWeight,
      };
      checks.push(row);
      o.onCheck?.(row);
      if (o.stopAtTarget && row.kl + row.klSe <= o.target) break;
    }
  } finally {
    distiller.dispose();
  }
  const at = (distance: (c: DistillCheck) => number): Check[] => checks.map((c) => ({ step: c.step, seconds: c.seconds, distance: distance(c) }));
  const klReached = timeToTarget(at((c) => c.kl + c.klSe), o.target);
  const cpuSorted = checks.map((c) => c.cpuMsPerStep).sort((a, b) => a - b);
  return {
    steps: checks.at(-1)?.step ?? 0,
    seed: o.seed,
    learningRate: o.learningRate,
    batchSize: o.batchSize,
    noise: o.noise ?? DEFAULT_STUDENT_NOISE,
    target: o.target,
    teacherNll,
    teacherFile,
    teacherArchitecture: architectureText('MAF', teacher.weights.config),
    studentArchitecture: architectureText('IAF', studentWeights.config),
    checks,
    klReached,
    klTarget: klReached ? (checks.find((c) => c.step === klReached.step) ?? null) : null,
    nllReached: timeToTarget(at((c) => Math.abs(c.nllGap)), o.target),
    medianReached: timeToTarget(at((c) => Math.abs(c.medianGap)), o.target),
    trainSeconds: trainMs / 1000,
    cpuMsPerStep: cpuSorted.length ? cpuSorted[cpuSorted.length >> 1] : Number.NaN,
  };
}

/** "MAF 12 × [32, 32]": a flow's depth and MADE widths. */
export function architectureText(kind: string, config: { layers: number; hidden: readonly number[] }): string {
  return `${kind} ${config.layers} × [${config.hidden.join(', ')}]`;
}

/** One check as a markdown table row. */
export function distillRow(c: DistillCheck): string {
  return `| ${c.step} | ${c.seconds.toFixed(1)} | ${c.cpuSeconds.toFixed(1)} | ${c.cpuMsPerStep.toFixed(1)} | ${c.kl.toFixed(3)} ± ${c.klSe.toFixed(3)} | ${c.nllGap.toFixed(3)} | ${c.medianGap.toFixed(3)} | ${c.beta.toFixed(2)} |`;
}

export const DISTILL_TABLE_HEAD = [
  '| step | train s (wall) | train s (CPU) | CPU ms / step | KL(s‖t) ± se (nats) | NLL gap (nats) | median gap (nats) | β |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
