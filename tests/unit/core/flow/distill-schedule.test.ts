import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOW_CONFIG } from '../../../../src/core/flow/config';
import { ReferenceFlow } from '../../../../src/core/flow/reference-flow';
import { DEFAULT_LEARNING_RATE } from '../../../../src/core/flow/lr-schedule';
import { createRng } from '../../../../src/core/rng';
import {
  ANNEAL_STEPS,
  BETA_START,
  initStudentWeights,
  STUDENT_INITIAL_SCALE,
  DEFAULT_SCHEDULE_STEPS,
  DEFAULT_DECAY,
  DISTILL_BASE_RATE,
  decayedRate,
  distillSchedule,
  distillUnitRate,
  phaseAt,
  scheduleAt,
  STUDENT_LAYERS,
  studentConfig,
  WARM_START_STEPS,
} from '../../../../src/core/flow/distill-schedule';

describe('learning-rate decay shapes', () => {
  const start = 3e-3;
  const end = 1.5e-4;

  it('start at the first rate and end at the last, clamped outside [0, 1]', () => {
    for (const shape of ['geometric', 'cosine'] as const) {
      expect(decayedRate(shape, start, end, 0)).toBeCloseTo(start, 15);
      expect(decayedRate(shape, start, end, 1)).toBeCloseTo(end, 15);
      expect(decayedRate(shape, start, end, -0.5)).toBeCloseTo(start, 15);
      expect(decayedRate(shape, start, end, 7)).toBeCloseTo(end, 15);
    }
  });

  it('fall monotonically and stay between their ends', () => {
    for (const shape of ['geometric', 'cosine'] as const) {
      let last = Infinity;
      for (let k = 0; k <= 200; k++) {
        const rate = decayedRate(shape, start, end, k / 200);
        expect(rate).toBeLessThanOrEqual(last);
        expect(rate).toBeGreaterThanOrEqual(end * (1 - 1e-12));
        expect(rate).toBeLessThanOrEqual(start * (1 + 1e-12));
        last = rate;
      }
    }
  });

  it('cosine: the arithmetic mean of its ends halfway, ¼ of the way down at t = 1/3, flat at both ends', () => {
    expect(decayedRate('cosine', start, end, 0.5)).toBeCloseTo((start + end) / 2, 15);
    // ½(1 + cos(π/3)) = 3/4 of the span is left at t = 1/3.
    expect(decayedRate('cosine', start, end, 1 / 3)).toBeCloseTo(end + 0.75 * (start - end), 15);
    // Slope ∝ sin(πt): near the ends a step of 1e-3 moves the rate by ≈ 0 at first order.
    const h = 1e-3;
    const slopeStart = (start - decayedRate('cosine', start, end, h)) / h;
    const slopeMiddle = (decayedRate('cosine', start, end, 0.5 - h / 2) - decayedRate('cosine', start, end, 0.5 + h / 2)) / h;
    expect(slopeStart).toBeLessThan(0.01 * slopeMiddle);
    expect(slopeMiddle).toBeCloseTo((Math.PI / 2) * (start - end), 6);
  });

  it('geometric: the geometric mean of its ends halfway (a constant ratio per step)', () => {
    expect(decayedRate('geometric', start, end, 0.5)).toBeCloseTo(Math.sqrt(start * end), 15);
    const r1 = decayedRate('geometric', start, end, 0.2) / decayedRate('geometric', start, end, 0.1);
    const r2 = decayedRate('geometric', start, end, 0.9) / decayedRate('geometric', start, end, 0.8);
    expect(r1).toBeCloseTo(r2, 12);
  });
});

describe('distillation schedule', () => {
  it('sets its rates for the lab’s default η and scales them with the user’s η', () => {
    expect(distillUnitRate(DEFAULT_LEARNING_RATE)).toBeCloseTo(DISTILL_BASE_RATE, 15);
    expect(distillUnitRate(2 * DEFAULT_LEARNING_RATE)).toBeCloseTo(2 * DISTILL_BASE_RATE, 15);
    const base = distillSchedule('student-teacher', false, DEFAULT_LEARNING_RATE);
    const doubled = distillSchedule('student-teacher', false, 2 * DEFAULT_LEARNING_RATE);
    for (const s of [0, ANNEAL_STEPS, DEFAULT_SCHEDULE_STEPS - 1, DEFAULT_SCHEDULE_STEPS + 50]) {
      expect(scheduleAt(doubled, s).learningRate / scheduleAt(base, s).learningRate).toBeCloseTo(2, 12);
    }
  });

  it('is one endless phase at the unit rate of the user’s η for KL(t‖s), warm start or not', () => {
    for (const warm of [true, false]) {
      const eta = 2 * DEFAULT_LEARNING_RATE;
      expect(distillSchedule('teacher-student', warm, eta)).toEqual([{ direction: 'teacher-student', steps: Infinity, learningRate: distillUnitRate(eta) }]);
    }
  });

  it('by default minimises KL(s‖t) alone: β anneals from BETA_START to 1, then the rate decays and holds', () => {
    const phases = distillSchedule('student-teacher', false, DEFAULT_LEARNING_RATE);
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
    // The rate holds through the annealing, decays to its end value, then holds it for good.
    expect(scheduleAt(phases, ANNEAL_STEPS - 1).learningRate).toBe(scheduleAt(phases, 0).learningRate);
    const start = scheduleAt(phases, ANNEAL_STEPS).learningRate;
    const end = scheduleAt(phases, DEFAULT_SCHEDULE_STEPS - 1).learningRate;
    expect(start).toBe(scheduleAt(phases, 0).learningRate);
    expect(end).toBeLessThan(start / 10);
    expect(scheduleAt(phases, DEFAULT_SCHEDULE_STEPS + 10_000).learningRate).toBeCloseTo(end, 15);
    let previousRate = Infinity;
    for (let s = ANNEAL_STEPS; s < DEFAULT_SCHEDULE_STEPS; s += 13) {
      const { learningRate } = scheduleAt(phases, s);
      expect(learningRate).toBeLessThanOrEqual(previousRate);
      previousRate = learningRate;
    }
    // The decay's shape: halfway through, the rate is the mean of its ends that the shape names (±1 step).
    const mid = scheduleAt(phases, ANNEAL_STEPS + Math.round((DEFAULT_SCHEDULE_STEPS - ANNEAL_STEPS - 1) / 2)).learningRate;
    const expected = DEFAULT_DECAY === 'cosine' ? (start + end) / 2 : Math.sqrt(start * end);
    expect(Math.abs(mid / expected - 1)).toBeLessThan(0.01);
  });

  it('warm-starts KL(s‖t) with KL(t‖s) phases only when asked, then ends on KL(s‖t) for good', () => {
    const phases = distillSchedule('student-teacher', true, DEFAULT_LEARNING_RATE);
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
    const phases = distillSchedule('student-teacher', true, DEFAULT_LEARNING_RATE);
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
