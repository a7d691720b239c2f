import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOW_CONFIG } from '../../../../src/core/flow/config';
import { distillSchedule, phaseAt, STUDENT_LAYERS, studentConfig, WARM_START_STEPS } from '../../../../src/core/flow/distill-schedule';

describe('distillation schedule', () => {
  it('is one endless phase for KL(t‖s), or KL(s‖t) without a warm start, at the user’s rate', () => {
    for (const [direction, warm] of [
      ['teacher-student', true],
      ['teacher-student', false],
      ['student-teacher', false],
    ] as const) {
      expect(distillSchedule(direction, warm, 2e-3)).toEqual([{ direction, steps: Infinity, learningRate: 2e-3 }]);
    }
  });

  it('warm-starts KL(s‖t) with KL(t‖s) phases, then ends on KL(s‖t) for good', () => {
    const phases = distillSchedule('student-teacher', true, 1e-3);
    const warm = phases.slice(0, -1);
    expect(warm.length).toBeGreaterThan(0);
    expect(warm.every((p) => p.direction === 'teacher-student' && Number.isFinite(p.steps))).toBe(true);
    expect(warm.reduce((s, p) => s + p.steps, 0)).toBe(WARM_START_STEPS);
    const last = phases[phases.length - 1];
    expect(last.direction).toBe('student-teacher');
    expect(last.steps).toBe(Infinity);
    // The polish runs well below the warm start's rates.
    expect(last.learningRate).toBeLessThan(Math.min(...warm.map((p) => p.learningRate)) / 10);
  });

  it('maps steps to phases at the boundaries', () => {
    const phases = distillSchedule('student-teacher', true, 1e-3);
    expect(phaseAt(phases, 0)).toBe(0);
    expect(phaseAt(phases, phases[0].steps - 1)).toBe(0);
    expect(phaseAt(phases, phases[0].steps)).toBe(1);
    expect(phaseAt(phases, WARM_START_STEPS - 1)).toBe(phases.length - 2);
    expect(phaseAt(phases, WARM_START_STEPS)).toBe(phases.length - 1);
    expect(phaseAt(phases, 1e9)).toBe(phases.length - 1);
  });

  it('gives the student the teacher’s widths, at least STUDENT_LAYERS deep, and its own seed', () => {
    const teacher = { ...DEFAULT_FLOW_CONFIG, layers: 5, seed: 1 };
    const student = studentConfig(teacher, 9);
    expect(student).toEqual({ ...teacher, layers: STUDENT_LAYERS, seed: 9 });
    expect(student.hidden).not.toBe(teacher.hidden);
    expect(studentConfig({ ...teacher, layers: 12 }, 9).layers).toBe(12);
  });
});
