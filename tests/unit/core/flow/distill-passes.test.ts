import { describe, expect, it } from 'vitest';
import { distillPassCounts } from '../../../../src/core/flow/distill-passes';

describe('passes in the distillation, from the real layer counts', () => {
  it('KL(s‖t): sampling D·L_t against L_s; a step costs L_s + L_t and draws no teacher sample', () => {
    const p = distillPassCounts('student-teacher', 2, 5, 8);
    expect(p).toEqual({ teacherSampling: 10, studentSampling: 8, stepStudent: 8, stepTeacher: 5, stepSamplesTeacher: false });
    // One second of 24 kHz audio: the teacher's sampling grows with D, the student's does not.
    const audio = distillPassCounts('student-teacher', 24_000, 5, 8);
    expect(audio.teacherSampling).toBe(120_000);
    expect(audio.studentSampling).toBe(8);
    expect(audio.stepStudent + audio.stepTeacher).toBe(13);
  });

  it('KL(t‖s) (the warm start): a step samples the teacher (D·L_t) and scores them with the student (D·L_s)', () => {
    const p = distillPassCounts('teacher-student', 2, 5, 8);
    expect(p.stepTeacher).toBe(10);
    expect(p.stepStudent).toBe(16);
    expect(p.stepSamplesTeacher).toBe(true);
    expect(distillPassCounts('teacher-student', 100, 5, 8).stepStudent).toBe(800);
  });
});
