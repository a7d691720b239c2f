import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOW_CONFIG } from '../../../../src/core/flow/config';
import { ReferenceFlow } from '../../../../src/core/flow/reference-flow';
import { createRng } from '../../../../src/core/rng';
import {
  ANNEAL_STEPS,
  BETA_START,
  initStudentWeights,
  STUDENT_INITIAL_SCALE,
  DEFAULT_SCHEDULE_STEPS,
  distillSchedule,
  phaseAt,
  scheduleAt,
  STUDENT_LAYERS,
  studentConfig,
  WARM_START_STEPS,
} from '../../../../src/core/flow/distill-schedule';

describe('distillation schedule', () => {
  it('is one endless phase at the user’s rate for KL(t‖s), warm start or not', () => {
    for (const warm of [true, false]) {
      expect(distillSchedule('teacher-student', warm, 2e-3)).toEqual([{ direction: 'teacher-student', steps: Infinity, learningRate: 2e-3 }]);
    }
  });

  it('by default minimises KL(s‖t) alone: β anneals from BETA_START to 1, then the rate decays and holds', () => {
    const phases = distillSchedule('student-teacher', false, 1e-3);
    expect(phases.every((p) => p.direction === 'student-teacher')).toBe(true);
    expect(phases[phases.length - 1].steps).toBe(Infinity);
    expect(scheduleAt(phases, 0).teacherWeight).toBeCloseTo(BETA_START, 12);
    expect(scheduleAt(phases, ANNEAL_STEPS - 1).teacherWeight).toBeCloseTo(1, 12);
    // β never decreases and never exceeds 1; after the annealing it is exactly 1.
    let last = 0;
    for (let s = 0; s < DEFAULT_SCHEDULE_STEPS + 100; s += 7) {
      const { teacherWeight } = scheduleAt(phases, s);
      expect(teacherWeight).toBeGreaterThanOrEqual(last - 1e-12);
      expect(teacherWeight).toBeLessThanOrEqual(1);
      last = teacherWeight;
    }
    expect(scheduleAt(phases, ANNEAL_STEPS + 5).teacherWeight).toBe(1);
    // The rate decays geometrically to its end value, then holds it for good.
    const start = scheduleAt(phases, ANNEAL_STEPS).learningRate;
    const end = scheduleAt(phases, DEFAULT_SCHEDULE_STEPS - 1).learningRate;
    expect(end).toBeLessThan(start / 10);
    expect(scheduleAt(phases, DEFAULT_SCHEDULE_STEPS + 10_000).learningRate).toBeCloseTo(end, 15);
    // Geometric: the rate halfway through the decay is the geometric mean of its ends (±1 step).
    const mid = scheduleAt(phases, ANNEAL_STEPS + Math.round((DEFAULT_SCHEDULE_STEPS - ANNEAL_STEPS - 1) / 2)).learningRate;
    expect(Math.abs(mid / Math.sqrt(start * end) - 1)).toBeLessThan(0.01);
  });

  it('warm-starts KL(s‖t) with KL(t‖s) phases only when asked, then ends on KL(s‖t) for good', () => {
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

  it('starts a fresh student broad: its samples spread STUDENT_INITIAL_SCALE times the noise (float64 reference)', () => {
    const weights = initStudentWeights({ ...DEFAULT_FLOW_CONFIG, layers: 5, seed: 1 }, 7);
    expect(weights.layers.length).toBe(STUDENT_LAYERS);
    const flow = new ReferenceFlow(weights, 'iaf');
    const rng = createRng(2);
    const n = 2000;
    let sum = 0;
    let squares = 0;
    for (let j = 0; j < n; j++) {
      const x = flow.parallel([rng.normal(), rng.normal()]).out; // IAF sampling z → x
      sum += x[0] + x[1];
      squares += x[0] ** 2 + x[1] ** 2;
    }
    const sd = Math.sqrt(squares / (2 * n) - (sum / (2 * n)) ** 2);
    expect(Math.abs(sd / STUDENT_INITIAL_SCALE - 1)).toBeLessThan(0.15);
  });
});
