/**
 * CPU time of the distillation step, two setups interleaved (`npm run bench:distill-step`).
 * In interleaved rounds (scripts/bench/interleaved.ts), so the ratio of two setups carries over
 * to a quiet machine: quiet ms/step (B) ≈ ratio(B / A) × quiet ms/step (A).
 * One step = the panel's default KL(s‖t) step (the batch's z, student IAF sample + own density,
 * teacher MAF density, backward, Adam) at batch `batchSize`, tfjs WASM in Node. Times are process CPU
 * time (process.cpuUsage, user + system, all threads) per step, one readback per round.
 */
import { readFileSync } from 'node:fs';
import { tf } from '../../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import { Distiller } from '../../src/compute/distill/distiller';
import { parseModelText } from '../../src/core/flow/model-file';
import { distillSchedule, initStudentWeights, type DistillPhase, type StudentNoise } from '../../src/core/flow/distill-schedule';
import type { FlowConfig } from '../../src/core/flow/config';
import { architectureText } from './distill';
import { interleavedRounds, type RoundTimes } from './interleaved';
import { median } from '../../src/core/stats';

export interface StepSetup {
  name: string;
  teacherFile: string;
  /** The student's depth and widths (default: studentConfig of the teacher). */
  student?: Pick<FlowConfig, 'layers' | 'hidden'>;
  phases?: DistillPhase[];
  /** How a step draws its z (default: DEFAULT_STUDENT_NOISE). */
  noise?: StudentNoise;
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

function build(setup: StepSetup, batchSize: number, learningRate: number): { distiller: Distiller; teacher: string; student: string } {
  const teacher = parseModelText(readFileSync(setup.teacherFile, 'utf8'));
  const studentWeights = initStudentWeights({ ...teacher.weights.config, ...(setup.student ?? {}) }, 1);
  const phases = setup.phases ?? distillSchedule('student-teacher', false, learningRate);
  const distiller = new Distiller(teacher.weights, studentWeights, phases, { batchSize, clipNorm: 10, seed: 2, ...(setup.noise ? { noise: setup.noise } : {}) });
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
  let times: RoundTimes[];
  try {
    times = await interleavedRounds(
      built.map((b) => b.distiller),
      o,
    );
  } finally {
    built.forEach((b) => b.distiller.dispose());
  }
  return built.map((b, i) => ({
    name: setups[i].name,
    teacher: b.teacher,
    student: b.student,
    cpuMs: times[i]!.cpuMs,
    wallMs: times[i]!.wallMs,
    medianCpuMs: median(times[i]!.cpuMs),
    medianWallMs: median(times[i]!.wallMs),
  }));
}
