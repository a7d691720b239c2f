/**
 * Network passes in the distillation (a pass: one evaluation of one layer's MADE network),
 * from the real layer counts L_t (teacher, MAF) and L_s (student, IAF) and the dimension D
 * (core/flow/schedule.ts gives the per-layer costs):
 *   sampling:  teacher D·L_t (sequential), student L_s (parallel)
 *   a KL(s‖t) training step:  student sample + its own log q_s: L_s (log q_s is free: z is
 *     known); teacher density of the samples: L_t (parallel). No teacher sample.
 *   a KL(t‖s) step (the warm start): teacher samples D·L_t; the student's density of external
 *     data D·L_s (sequential).
 * Forward passes only; backpropagation retraces the same networks once more.
 */
import { totalPasses } from './schedule';
import type { KlDirection } from './distill-schedule';

export interface DistillPassCounts {
  teacherSampling: number;
  studentSampling: number;
  /** Passes of the student's networks in one training step. */
  stepStudent: number;
  /** Passes of the teacher's networks in one training step. */
  stepTeacher: number;
  /** Whether a training step draws teacher samples. */
  stepSamplesTeacher: boolean;
}

export function distillPassCounts(direction: KlDirection, dim: number, teacherLayers: number, studentLayers: number): DistillPassCounts {
  const reverse = direction === 'student-teacher';
  return {
    teacherSampling: totalPasses('maf', 'sample', dim, teacherLayers),
    studentSampling: totalPasses('iaf', 'sample', dim, studentLayers),
    stepStudent: reverse ? totalPasses('iaf', 'ownSampleDensity', dim, studentLayers) : totalPasses('iaf', 'density', dim, studentLayers),
    stepTeacher: reverse ? totalPasses('maf', 'density', dim, teacherLayers) : totalPasses('maf', 'sample', dim, teacherLayers),
    stepSamplesTeacher: !reverse,
  };
}
