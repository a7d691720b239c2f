/**
 * The distiller's fast checks; its convergence (KL(s‖t) down ≥ 80 %, student NLL within 0.15
 * nats of the teacher's) is distiller.slow.test.ts, run by `npm run test:slow`.
 * Distillation on 8gaussians: the teacher is the committed MAF preset (trained by
 * `npm run presets`), the student a fresh IAF, trained by the
 * panel's default schedule (core/flow/distill-schedule.ts): a KL(t‖s) warm start on teacher
 * samples, then KL(s‖t); the student is an 8-layer IAF (the teacher has 5). Runs on tfjs WASM
 * in Node (see default-maf-nll.slow.test.ts for why).
 * KL(s‖t) alone from a fresh student drops modes (NLL 9.7 after 2,500 steps): that is the
 * panel's "warm start off" demonstration, not the distillation this test checks.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import { Distiller } from '../../../../src/compute/distill/distiller';
import { distillSchedule, studentConfig } from '../../../../src/core/flow/distill-schedule';
import { parseModelText, serializeModel } from '../../../../src/core/flow/model-file';
import { initFlowWeights } from '../../../../src/core/flow/init';

beforeAll(async () => {
  tf.env().set('PROD', true);
  expect(await tf.setBackend('wasm')).toBe(true);
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('Parallel-WaveNet distillation', () => {
  it('the default schedule lowers KL(teacher‖student) within 50 steps, leaving the teacher bit-identical', async () => {
    // The fast stand-in of distiller.slow.test.ts: its first phase (the KL(t‖s) warm start)
    // must make progress at once; convergence to the teacher is the slow test's job.
    const teacherModel = parseModelText(readFileSync('public/presets/8gaussians-maf.json', 'utf8'));
    const teacherBefore = JSON.stringify(serializeModel(teacherModel.weights, teacherModel.meta));
    const student = initFlowWeights(studentConfig(teacherModel.weights.config, 2));
    const phases = distillSchedule('student-teacher', true, 1e-3);
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

  it('switches objective at a phase boundary without leaking tensors, counting every step', async () => {
    const teacherModel = parseModelText(readFileSync('public/presets/8gaussians-maf.json', 'utf8'));
    const student = initFlowWeights({ ...teacherModel.weights.config, seed: 4 });
    const phases = [
      { direction: 'teacher-student' as const, steps: 3, learningRate: 1e-3 },
      { direction: 'student-teacher' as const, steps: Infinity, learningRate: 1e-4 },
    ];
    const d = new Distiller(teacherModel.weights, student, phases, { batchSize: 64, clipNorm: 10, seed: 1 });
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
    // One optimiser's state (m, v, t, skipped, last loss) replaced by another of the same size;
    // the finished phases' rejected-step count is a device scalar replaced in place.
    expect(afterSwitch).toBe(baseline);
    const status = await d.status();
    expect(status.step).toBe(6);
    expect(status.skipped).toBe(0);
    expect(Number.isFinite(status.loss)).toBe(true);
    d.dispose();
  }, 120_000);
});
