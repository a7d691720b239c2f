/**
 * Distillation on 8gaussians: the teacher is the committed MAF preset (trained by
 * `npm run presets`), the student a fresh IAF of the same architecture. Runs on tfjs WASM in
 * Node (see default-maf-nll.test.ts for why).
 *
 * Not asserted, because it does not hold yet: issue #7 also asks for the student's held-out
 * NLL within 0.15 nats of the teacher's. Minimising KL(s‖t) from a fresh student is
 * mode-seeking and thins out some of the eight modes: measured here 9.7 nats against the
 * teacher's 2.98 (tempering the target, a KL(t‖s) warm-up and a broad initial student were
 * tried; the best, the warm-up, reached 3.4). The test prints both figures.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import { Distiller } from '../../../../src/compute/distill/distiller';
import { parseModelText, serializeModel } from '../../../../src/core/flow/model-file';
import { initFlowWeights } from '../../../../src/core/flow/init';
import { datasetSource } from '../../../../src/core/datasets';
import { createRng } from '../../../../src/core/rng';

beforeAll(async () => {
  tf.env().set('PROD', true);
  expect(await tf.setBackend('wasm')).toBe(true);
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('Parallel-WaveNet distillation', () => {
  it('lowers KL(student‖teacher) by ≥ 80% and leaves the teacher bit-identical', async () => {
    const teacherModel = parseModelText(readFileSync('public/presets/8gaussians-maf.json', 'utf8'));
    const teacherBefore = JSON.stringify(serializeModel(teacherModel.weights, teacherModel.meta));
    const student = initFlowWeights({ ...teacherModel.weights.config, seed: 2 });
    const d = new Distiller(teacherModel.weights, student, 'student-teacher', { learningRate: 1e-3, batchSize: 512, clipNorm: 10, seed: 3 });
    const initial = await d.estimateKl('student-teacher', 4096, 9);
    for (let s = 0; s < Number(process.env.DISTILL_STEPS ?? 2500); s++) d.step();
    const final = await d.estimateKl('student-teacher', 4096, 9);
    const heldOut = datasetSource('8gaussians', null).sample(5000, createRng(77)).data;
    const studentNll = await d.studentNll(heldOut);
    const teacherNll = await d.teacherNll(heldOut);
    console.log(
      `KL(s‖t): ${initial.mean.toFixed(3)} ± ${initial.standardError.toFixed(3)} → ${final.mean.toFixed(4)} ± ${final.standardError.toFixed(4)} nats; ` +
        `NLL student ${studentNll.toFixed(4)}, teacher ${teacherNll.toFixed(4)}`,
    );
    expect(final.mean).toBeLessThanOrEqual(0.2 * initial.mean);
    expect(Number.isFinite(studentNll) && Number.isFinite(teacherNll)).toBe(true);
    const teacherAfter = JSON.stringify(serializeModel(await d.teacher.readWeights(), teacherModel.meta));
    expect(teacherAfter).toBe(teacherBefore);
    d.dispose();
  }, 900_000);
});
