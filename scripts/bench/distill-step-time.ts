/**
 * CPU time of the distillation step, two setups interleaved (`npm run bench:distill-step`).
 * A shared machine's load moves every absolute figure; alternating rounds of the two setups in
 * one process makes both see the same load, so their ratio carries over to a quiet machine:
 *   quiet ms/step (B) ≈ ratio(B / A) × quiet ms/step (A).
 * One step = the panel's default KL(s‖t) step (student IAF sample + own density, teacher MAF
 * density, backward, Adam) at batch `batchSize`, tfjs WASM in Node. Times are process CPU
 * time (process.cpuUsage, user + system, all threads) per step, one readback per round.
 */
import { readFileSync } from 'node:fs';
import { tf } from '../../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import { Distiller } from '../../src/compute/distill/distiller';
import { parseModelText } from '../../src/core/flow/model-file';
import { distillSchedule, initStudentWeights, type DistillPhase } from '../../src/core/flow/distill-schedule';
import type { FlowConfig } from '../../src/core/flow/config';
import { architectureText } from './distill';

export interface StepSetup {
  name: string;
  teacherFile: string;
  /** The student's depth and widths (default: studentConfig of the teacher). */
  student?: Pick<FlowConfig, 'layers' | 'hidden'>;
  phases?: DistillPhase[];
}

export interface StepTiming {
  name: string;
  teacher: string;
  student: string;
  /** Per round: CPU ms per step and wall ms per step. */
  cpuMs: number[];
  wallMs: number[];
  medianCpuMs: number;
  medianWallMs: number;
}

export const median = (values: readonly number[]): number => {
  const v = [...values].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

function build(setup: StepSetup, batchSize: number, learningRate: number): { distiller: Distiller; teacher: string; student: string } {
  const teacher = parseModelText(readFileSync(setup.teacherFile, 'utf8'));
  const studentWeights = initStudentWeights({ ...teacher.weights.config, ...(setup.student ?? {}) }, 1);
  const phases = setup.phases ?? distillSchedule('student-teacher', false, learningRate);
  const distiller = new Distiller(teacher.weights, studentWeights, phases, { batchSize, clipNorm: 10, seed: 2 });
  return {
    distiller,
    teacher: architectureText('MAF', teacher.weights.config),
    student: architectureText('IAF', studentWeights.config),
  };
}

/** `rounds` alternating rounds of `stepsPerRound` steps of each setup, after `warmup` steps of each. */
export async function interleavedStepTimes(
  setups: readonly StepSetup[],
  o: { rounds: number; stepsPerRound: number; warmup: number; batchSize: number; learningRate: number },
): Promise<StepTiming[]> {
  tf.env().set('PROD', true);
  if (!(await tf.setBackend('wasm'))) throw new Error('the WASM backend did not start');
  const built = setups.map((s) => build(s, o.batchSize, o.learningRate));
  const cpu = built.map((): number[] => []);
  const wall = built.map((): number[] => []);
  try {
    for (const b of built) {
      for (let s = 0; s < o.warmup; s++) b.distiller.step();
      await b.distiller.status();
    }
    for (let r = 0; r < o.rounds; r++) {
      // Alternate which setup goes first, so neither always follows the other.
      const order = r % 2 ? [...built.keys()].reverse() : [...built.keys()];
      for (const i of order) {
        const d = built[i].distiller;
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        for (let s = 0; s < o.stepsPerRound; s++) d.step();
        await d.status();
        const c = process.cpuUsage(c0);
        wall[i].push((performance.now() - t0) / o.stepsPerRound);
        cpu[i].push((c.user + c.system) / 1000 / o.stepsPerRound);
      }
    }
  } finally {
    built.forEach((b) => b.distiller.dispose());
  }
  return built.map((b, i) => ({
    name: setups[i].name,
    teacher: b.teacher,
    student: b.student,
    cpuMs: cpu[i],
    wallMs: wall[i],
    medianCpuMs: median(cpu[i]),
    medianWallMs: median(wall[i]),
  }));
}
