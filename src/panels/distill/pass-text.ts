/**
 * Sentences about network passes, computed from the real layer counts (core/flow/distill-passes.ts).
 */
import { distillPassCounts } from '../../core/flow/distill-passes';
import type { KlDirection } from '../../core/flow/distill-schedule';

/** Audio at 24,000 samples a second: one second of it is D = 24,000 (Parallel WaveNet). */
const AUDIO_DIM = 24_000;

const n = (v: number) => v.toLocaleString('en');

/** "a" or "an" before a count read aloud: an 8-, 11-, 18- or 80-something-layer flow, a 12-layer one. */
export function articleFor(count: number): 'a' | 'an' {
  return /^8/.test(String(count)) || count === 11 || count === 18 ? 'an' : 'a';
}

/** Sampling passes, teacher against student, here and for one second of 24 kHz audio. */
export function samplingPassSentence(dim: number, teacherLayers: number, studentLayers: number): string {
  const here = distillPassCounts('student-teacher', dim, teacherLayers, studentLayers);
  const audio = distillPassCounts('student-teacher', AUDIO_DIM, teacherLayers, studentLayers);
  const ratio = here.teacherSampling / here.studentSampling;
  return (
    `At D = ${n(dim)} the teacher (${articleFor(teacherLayers)} ${teacherLayers}-layer MAF) needs D × ${teacherLayers} = ${n(here.teacherSampling)} network passes ` +
    `to sample and the student (${articleFor(studentLayers)} ${studentLayers}-layer IAF) ${n(here.studentSampling)}, one per layer: ` +
    `${ratio >= 1 ? `${ratio.toFixed(2)} times as many` : `${(1 / ratio).toFixed(2)} times fewer`} for the teacher. ` +
    `For one second of 24 kHz audio (D = ${n(AUDIO_DIM)}) the same stacks would need ${n(audio.teacherSampling)} passes against ${n(audio.studentSampling)}.`
  );
}

/** What one training step of the current objective costs, in passes. */
export function stepPassSentence(direction: KlDirection, dim: number, teacherLayers: number, studentLayers: number): string {
  const p = distillPassCounts(direction, dim, teacherLayers, studentLayers);
  if (!p.stepSamplesTeacher)
    return (
      `One training step: student samples and their log q_s in ${p.stepStudent} passes (one per layer; log q_s is free, z is known), ` +
      `the teacher’s log p_t of them in ${p.stepTeacher} (one parallel pass per layer): ${p.stepStudent + p.stepTeacher} passes, no teacher sample.`
    );
  return (
    `One training step: teacher samples in D × ${teacherLayers} = ${p.stepTeacher} passes, the student’s density of them in ` +
    `D × ${studentLayers} = ${p.stepStudent}: ${p.stepStudent + p.stepTeacher} passes, growing with D.`
  );
}
