/** Shared by the distillation tests: a session config on the committed teacher, and the WASM backend for a file. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import type { DistillConfig } from '../../../../src/compute/distill/protocol';

/** The committed 12-layer teacher (the panel's). */
export const TEACHER = readFileSync('public/presets/8gaussians-maf.json', 'utf8');

/** KL(s‖t) from scratch on the committed teacher, seed 5, η 3e-3; `overrides` replace fields. */
export function distillConfig(overrides: Partial<DistillConfig> = {}): DistillConfig {
  return {
    teacherText: TEACHER,
    dataset: '8gaussians',
    direction: 'student-teacher',
    warmStart: false,
    studentText: null,
    startFrom: 'scratch',
    seed: 5,
    learningRate: 3e-3,
    batchSize: 256,
    ...overrides,
  };
}

/** Runs the file's tests on the WASM backend (PROD: no tfjs debug checks), back to CPU after. */
export function useWasmBackend(): void {
  beforeAll(async () => {
    tf.env().set('PROD', true);
    expect(await tf.setBackend('wasm')).toBe(true);
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });
}
