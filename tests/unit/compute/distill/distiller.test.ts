/**
 * The distiller's lecture-faithful default on the committed 8gaussians MAF teacher (tfjs WASM
 * in Node): KL(s‖t) alone, annealed, lowers KL(s‖t), never draws a teacher sample, gives the
 * student (only) a gradient, and leaves the teacher bit-identical; phase switches leak nothing;
 * its KL(s‖t) batch is the shifted lattice (core/flow/lattice-noise.ts) unless asked otherwise.
 * The slow convergence check of the warm-start option is distiller-warm.slow.test.ts.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import { Distiller } from '../../../../src/compute/distill/distiller';
import { BETA_START, distillSchedule, initStudentWeights, studentConfig } from '../../../../src/core/flow/distill-schedule';
import { parseModelText, serializeModel } from '../../../../src/core/flow/model-file';
import { initFlowWeights } from '../../../../src/core/flow/init';
import { DEFAULT_LEARNING_RATE } from '../../../../src/core/flow/lr-schedule';
import { normalCdf } from '../../../../src/core/toy/normal';

beforeAll(async () => {
  tf.env().set('PROD', true);
  expect(await tf.setBackend('wasm')).toBe(true);
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

const teacherModel = () => parseModelText(readFileSync('public/presets/8gaussians-maf.json', 'utf8'));

describe('Parallel-WaveNet distillation, the default schedule', () => {
  it('lowers KL(student‖teacher) without ever sampling the teacher, training the student only', async () => {
    const teacher = teacherModel();
    const teacherBefore = JSON.stringify(serializeModel(teacher.weights, teacher.meta));
    const student = initStudentWeights(teacher.weights.config, 2);
    const d = new Distiller(teacher.weights, student, distillSchedule('student-teacher', false, DEFAULT_LEARNING_RATE), { batchSize: 256, clipNorm: 10, seed: 3 });
    // Any teacher sampling (z → x, the MAF's sequential direction) would go through these.
    const teacherSampling = vi.spyOn(d.teacher, 'sequential');
    const teacherToData = vi.spyOn(d.teacher, 'toData');
    expect(d.teacher.variables().every((v) => !v.trainable)).toBe(true);
    expect(d.teacherWeight).toBeCloseTo(BETA_START, 12);
    const initial = await d.estimateKl('student-teacher', 2048, 9);
    teacherToData.mockClear(); // estimates of KL(s‖t) sample the student only; cleared anyway
    teacherSampling.mockClear();
    d.step();
    const baseline = tf.memory().numTensors;
    for (let s = 1; s < 80; s++) d.step();
    expect(tf.memory().numTensors).toBe(baseline);
    expect(teacherSampling).not.toHaveBeenCalled();
    expect(teacherToData).not.toHaveBeenCalled();
    expect(d.teacherSamplesDrawn).toBe(0);
    expect(d.teacherWeight).toBeGreaterThan(BETA_START);
    const status = await d.status();
    expect(status.step).toBe(80);
    expect(status.skipped).toBe(0);
    expect(Number.isFinite(status.loss)).toBe(true);
    expect(status.gradientNorm).toBeGreaterThan(0);
    const final = await d.estimateKl('student-teacher', 2048, 9);
    console.log(`KL(s‖t) ${initial.mean.toFixed(3)} ± ${initial.standardError.toFixed(3)} → ${final.mean.toFixed(3)} ± ${final.standardError.toFixed(3)} nats in 80 steps`);
    expect(final.mean + 2 * final.standardError).toBeLessThan(0.7 * (initial.mean - 2 * initial.standardError));
    expect(final.mean + 2 * final.standardError).toBeGreaterThanOrEqual(0); // a KL: ≥ 0 within its error
    const teacherAfter = JSON.stringify(serializeModel(await d.teacher.readWeights(), teacher.meta));
    expect(teacherAfter).toBe(teacherBefore);
    d.dispose();
  }, 120_000);

  it('the warm-start option lowers KL(teacher‖student) within 50 steps, leaving the teacher bit-identical', async () => {
    // The fast stand-in of distiller-warm.slow.test.ts: its first phase (the KL(t‖s) warm start)
    // must make progress at once; convergence to the teacher is the slow test's job.
    const teacherModel = parseModelText(readFileSync('public/presets/8gaussians-maf.json', 'utf8'));
    const teacherBefore = JSON.stringify(serializeModel(teacherModel.weights, teacherModel.meta));
    const student = initFlowWeights(studentConfig(teacherModel.weights.config, 2));
    const phases = distillSchedule('student-teacher', true, DEFAULT_LEARNING_RATE);
    const d = new Distiller(teacherModel.weights, student, phases, { batchSize: 256, clipNorm: 10, seed: 3 });
    const initial = await d.estimateKl('teacher-student', 2048, 9);
    d.step();
    const tensors = tf.memory().numTensors;
    for (let s = 1; s < 50; s++) d.step();
    expect(tf.memory().numTensors).toBe(tensors);
    expect(d.currentDirection).toBe('teacher-student');
    const final = await d.estimateKl('teacher-student', 2048, 9);
    console.log(
      `KL(t‖s) in 50 steps: ${initial.mean.toFixed(3)} ± ${initial.standardError.toFixed(3)} → ${final.mean.toFixed(3)} ± ${final.standardError.toFixed(3)} nats`,
    );
    expect(final.mean).toBeLessThan(initial.mean - 4 * (initial.standardError + final.standardError));
    expect(final.mean).toBeLessThan(0.7 * initial.mean);
    const status = await d.status();
    expect(status.step).toBe(50);
    expect(status.skipped).toBe(0);
    const teacherAfter = JSON.stringify(serializeModel(await d.teacher.readWeights(), teacherModel.meta));
    expect(teacherAfter).toBe(teacherBefore);
    d.dispose();
  }, 120_000);

  it('counts the teacher samples a warm start draws (batch size per KL(t‖s) step)', async () => {
    const teacher = teacherModel();
    const d = new Distiller(teacher.weights, initFlowWeights({ ...teacher.weights.config, seed: 4 }), distillSchedule('student-teacher', true, DEFAULT_LEARNING_RATE), {
      batchSize: 32,
      clipNorm: 10,
      seed: 1,
    });
    expect(d.currentDirection).toBe('teacher-student');
    d.step();
    d.step();
    expect(d.teacherSamplesDrawn).toBe(64);
    d.dispose();
  }, 60_000);

  it('switches objective at a phase boundary without leaking tensors, counting every step', async () => {
    const teacher = teacherModel();
    const student = initFlowWeights({ ...teacher.weights.config, seed: 4 });
    const phases = [
      { direction: 'teacher-student' as const, steps: 3, learningRate: 1e-3 },
      { direction: 'student-teacher' as const, steps: Infinity, learningRate: 1e-4 },
    ];
    const d = new Distiller(teacher.weights, student, phases, { batchSize: 64, clipNorm: 10, seed: 1 });
    expect(d.direction).toBe('student-teacher');
    expect(d.currentDirection).toBe('teacher-student');
    d.step();
    const baseline = tf.memory().numTensors;
    d.step();
    d.step();
    expect(d.currentDirection).toBe('student-teacher');
    d.step(); // the new phase's first step builds its optimiser state
    const afterSwitch = tf.memory().numTensors;
    d.step();
    d.step();
    expect(tf.memory().numTensors).toBe(afterSwitch);
    // One optimiser's state (m, v, t, skipped, last loss and gradient norm) replaced by another of
    // the same size; the finished phases' rejected-step count is a device scalar replaced in place.
    expect(afterSwitch).toBe(baseline);
    const status = await d.status();
    expect(status.step).toBe(6);
    expect(status.skipped).toBe(0);
    expect(Number.isFinite(status.loss)).toBe(true);
    expect(d.teacherSamplesDrawn).toBe(3 * 64);
    d.dispose();
  }, 120_000);

  it('draws a KL(s‖t) batch from the shifted lattice by default (one z per stratum), independent z on request', async () => {
    const teacher = teacherModel();
    const n = 256;
    /** Distinct strata ⌊n·Φ(z)⌋ of each coordinate over the batch the student's sample pass saw. */
    const strataOfBatch = (noise?: 'independent'): number[] => {
      const d = new Distiller(teacher.weights, initStudentWeights(teacher.weights.config, 2), distillSchedule('student-teacher', false, DEFAULT_LEARNING_RATE), {
        batchSize: n,
        clipNorm: 10,
        seed: 3,
        ...(noise ? { noise } : {}),
      });
      const seen: Float32Array[] = [];
      const sample = d.student.sampleWithLogProb.bind(d.student);
      vi.spyOn(d.student, 'sampleWithLogProb').mockImplementation((z, kind) => {
        seen.push(z.dataSync() as Float32Array);
        return sample(z, kind);
      });
      d.step();
      d.dispose();
      expect(seen).toHaveLength(1);
      return [0, 1].map((c) => new Set(Array.from({ length: n }, (_, j) => Math.floor(n * normalCdf(seen[0][2 * j + c])))).size);
    };
    // A lattice batch fills every stratum (float32 rounding may merge two at an edge); n
    // independent draws fill about n(1 − 1/e) ≈ 162 of 256.
    for (const filled of strataOfBatch()) expect(filled).toBeGreaterThanOrEqual(n - 2);
    for (const filled of strataOfBatch('independent')) expect(filled).toBeLessThan(0.8 * n);
  }, 60_000);

  it('starts a pretrained student at its schedule step', () => {
    const teacher = teacherModel();
    const d = new Distiller(teacher.weights, initFlowWeights(studentConfig(teacher.weights.config, 1)), distillSchedule('student-teacher', false, DEFAULT_LEARNING_RATE), { batchSize: 16, clipNorm: 10, seed: 1 }, 5000);
    expect(d.steps).toBe(5000);
    expect(d.teacherWeight).toBe(1);
    d.dispose();
  });
});
