/**
 * The distillation session behind the worker's DistillApi, on the committed 8gaussians MAF
 * preset (tfjs WASM in Node, as distiller.test.ts): frames, training by either direction,
 * timing, no tensor leaks, and a teacher that stays bit-identical.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import { DistillSession } from '../../../../src/compute/distill/session';
import { distillConfig, TEACHER, useWasmBackend } from './fixtures';
import type { DistillConfig, DistillFrame } from '../../../../src/compute/distill/protocol';
import type { FlowWeights } from '../../../../src/core/flow/config';
import { STUDENT_INITIAL_SCALE, STUDENT_LAYERS } from '../../../../src/core/flow/distill-schedule';
import { normalCdf } from '../../../../src/core/toy/normal';

const CONFIG: DistillConfig = distillConfig();

useWasmBackend();

/** Every weight and mask value of a flow, flattened in a fixed order. */
function flatWeights(w: FlowWeights): number[] {
  return w.layers.flatMap((l) => [...l.hidden.flatMap((h) => [...h.w, ...h.b]), ...l.output.w, ...l.output.b]);
}

/** ∫ p over the grid's box by the midpoint rule. */
function mass(frame: DistillFrame, logDensity: Float32Array): number {
  const g = frame.grid;
  const cell = ((g.x1 - g.x0) / g.nx) * ((g.y1 - g.y0) / g.ny);
  return logDensity.reduce((s, v) => s + Math.exp(v), 0) * cell;
}

describe('DistillSession', () => {
  it('distils KL(s‖t): complete frames, a falling KL, no leaks, an unchanged teacher', async () => {
    const session = new DistillSession();
    const info = await session.configure(CONFIG);
    const teacherLayers = (JSON.parse(TEACHER) as { config: { layers: number } }).config.layers;
    expect(info.layers).toBe(teacherLayers);
    expect(info.studentLayers).toBe(Math.max(teacherLayers, STUDENT_LAYERS)); // the teacher's depth, at least STUDENT_LAYERS
    expect(info.teacherNll).toBeGreaterThan(info.entropyFloor!);
    expect(info.teacherNll).toBeLessThan(info.entropyFloor! + 0.3);
    const teacherBefore = flatWeights(await session.teacherWeights());
    const first = await session.frame(48);
    expect(first.step).toBe(0);
    expect(first.klMeans.length).toBe(1);
    expect(first.klErrors[0]).toBeGreaterThan(0);
    expect(first.teacherLogDensity.length).toBe(48 * 48);
    expect(first.studentLogDensity.length).toBe(48 * 48);
    expect(first.teacherSamples.length).toBe(2000);
    expect(first.studentSamples.length).toBe(2000);
    // Both densities are normalised over a box that holds the mass.
    expect(mass(first, first.teacherLogDensity)).toBeGreaterThan(0.95);
    expect(mass(first, first.teacherLogDensity)).toBeLessThan(1.02);
    // The fresh student starts broad, ≈ N(0, s²I) with s = STUDENT_INITIAL_SCALE: its mass in the
    // box [−4, 4]² is (2Φ(4/s) − 1)² (≈ 0.67 for s = 3), not all of it.
    const boxMass = (2 * normalCdf(4 / STUDENT_INITIAL_SCALE) - 1) ** 2;
    expect(Math.abs(mass(first, first.studentLogDensity) - boxMass)).toBeLessThan(0.03);

    await session.step(1); // the trainer keeps its latest loss tensor from here on
    const baseline = tf.memory().numTensors;
    const after = await session.step(60);
    await session.timing(64);
    expect(tf.memory().numTensors).toBe(baseline);
    expect(after.step).toBe(61);
    expect(after.klSteps[after.klSteps.length - 1]).toBe(61);
    expect(after.klMeans.length).toBe(3);
    const initialKl = after.klMeans[0];
    const finalKl = after.klMeans[after.klMeans.length - 1];
    expect(finalKl).toBeLessThan(0.7 * initialKl);
    // The lecture's default: no teacher sample drawn for training; the student gets a gradient.
    expect(after.teacherSamplesDrawn).toBe(0);
    expect(after.gradientNorm).toBeGreaterThan(0);
    expect(Number.isFinite(after.loss)).toBe(true);
    expect(after.teacherWeight).toBeGreaterThan(0);
    expect(after.teacherWeight).toBeLessThan(1); // still annealing at step 61
    // Mode coverage is measured against the teacher's 8 modes.
    expect(after.modes!.centres.length).toBe(16);
    expect(after.modes!.coveredCount).toBeGreaterThanOrEqual(0);
    expect(after.modes!.coveredCount).toBeLessThanOrEqual(8);
    expect(after.nllValues.every((v) => Number.isFinite(v))).toBe(true);
    expect(after.teacherNll).toBe(info.teacherNll);
    // Training pulls the student's mass in onto the teacher's modes, inside the box.
    expect(mass(after, after.studentLogDensity)).toBeGreaterThan(mass(first, first.studentLogDensity) + 0.1);
    expect(flatWeights(await session.teacherWeights())).toEqual(teacherBefore);
    session.dispose();
  }, 120_000);

  it('trains through start/stop with frames from the callback, and reconfigures mid-run', async () => {
    const session = new DistillSession();
    await session.configure(CONFIG);
    const frames: DistillFrame[] = [];
    // Train until the callback has delivered three frames (a readiness wait, not a sleep).
    let enough = () => {};
    const threeFrames = new Promise<void>((resolve) => (enough = resolve));
    const loop = session.start((f) => {
      frames.push(f);
      if (frames.length >= 3) enough();
    });
    await threeFrames;
    session.stop();
    await loop;
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.every((f) => f.training)).toBe(true);
    const last = frames[frames.length - 1];
    expect(last.step).toBeGreaterThan(0);
    expect(last.klMeans.length).toBe(frames.length + 1);
    const paused = await session.frame(32);
    expect(paused.training).toBe(false);
    expect(paused.step).toBeGreaterThanOrEqual(last.step);

    // A configure while training stops the loop between slices and starts a fresh student.
    const again = session.start(() => undefined);
    const info = await session.configure({ ...CONFIG, direction: 'teacher-student' });
    await again;
    expect(info.direction).toBe('teacher-student');
    const fresh = await session.frame(32);
    expect(fresh.step).toBe(0);
    expect(fresh.direction).toBe('teacher-student');
    session.dispose();
  }, 120_000);

  it('distils KL(t‖s) from teacher samples and lowers that KL', async () => {
    const session = new DistillSession();
    await session.configure({ ...CONFIG, direction: 'teacher-student' });
    const frame = await session.step(40);
    expect(frame.klMeans[1]).toBeLessThan(0.8 * frame.klMeans[0]);
    session.dispose();
  }, 120_000);

  it('times teacher against student sampling with D passes per layer against one', async () => {
    const session = new DistillSession();
    await session.configure(CONFIG);
    const t = await session.timing(256);
    expect(t.backend).toBe('wasm');
    const teacherLayers = (JSON.parse(TEACHER) as { config: { layers: number } }).config.layers;
    expect(t.teacherPasses).toBe(teacherLayers * 2); // D passes per layer
    expect(t.studentPasses).toBe(Math.max(teacherLayers, STUDENT_LAYERS)); // one pass per layer
    expect(t.teacherMs).toBeGreaterThan(0);
    expect(t.studentMs).toBeGreaterThan(0);
    expect(t.speedup).toBeCloseTo(t.teacherMs / t.studentMs, 10);
    session.dispose();
  }, 60_000);

  it('opens on the committed pretrained student (default options only) with the figures its manifest records', async () => {
    const manifest = JSON.parse(readFileSync('public/presets/index.json', 'utf8')) as {
      students: { file: string; dataset: string; training: { steps: number; kl: number; klStandardError: number; modesCovered: string } }[];
    };
    const entry = manifest.students.find((s) => s.dataset === '8gaussians')!;
    const studentText = readFileSync(`public/presets/${entry.file}`, 'utf8');
    const preset = { ...CONFIG, studentText, startFrom: 'preset' as const, seed: 1, learningRate: 1e-3, batchSize: 512 };
    const session = new DistillSession();
    const info = await session.configure(preset);
    expect(info.studentOrigin).toBe('preset');
    expect(info.presetAvailable).toBe(true);
    expect(info.startStep).toBe(entry.training.steps);
    const frame = await session.frame(128);
    expect(frame.step).toBe(entry.training.steps);
    expect(frame.teacherWeight).toBe(1); // past the annealing
    const n = frame.klMeans.length - 1;
    // The same student, estimator and noise seed as the preset script: the same KL, ≥ 0 within its error.
    expect(Math.abs(frame.klMeans[n] - entry.training.kl)).toBeLessThan(1e-3);
    expect(frame.klMeans[n] + 2 * frame.klErrors[n]).toBeGreaterThanOrEqual(0);
    expect(`${frame.modes!.coveredCount} of ${frame.modes!.centres.length / 2}`).toBe(entry.training.modesCovered);
    // From scratch: a fresh student at step 0; back to the preset; a warm start never uses it.
    expect((await session.reset('scratch')).studentOrigin).toBe('fresh');
    expect((await session.frame(32)).step).toBe(0);
    expect((await session.reset('preset')).studentOrigin).toBe('preset');
    const warm = await session.configure({ ...preset, warmStart: true });
    expect(warm.studentOrigin).toBe('fresh');
    expect(warm.presetAvailable).toBe(false);
    session.dispose();
  }, 120_000);

  it('rejects a teacher that is not a 2-D MAF, naming the problem, and keeps nothing half-built', async () => {
    const session = new DistillSession();
    const before = tf.memory().numTensors;
    const iaf = readFileSync('public/presets/8gaussians-iaf.json', 'utf8');
    await expect(session.configure({ ...CONFIG, teacherText: iaf })).rejects.toThrow(/must be a MAF/);
    await expect(session.configure({ ...CONFIG, dataset: 'u1' })).rejects.toThrow(/toy data set/);
    await expect(session.configure({ ...CONFIG, teacherText: '{}' })).rejects.toThrow();
    expect(tf.memory().numTensors).toBe(before);
    await expect(session.frame()).rejects.toThrow(/no models/);
  });
});
