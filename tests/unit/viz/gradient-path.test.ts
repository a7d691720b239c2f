import { describe, expect, it } from 'vitest';
import { gradientPathScene, type GradientPathData } from '../../../src/viz/gradient-path';

const DATA: GradientPathData = {
  direction: 'student-teacher',
  studentLayers: 8,
  teacherLayers: 5,
  dim: 2,
  loss: 0.123456,
  gradientNorm: 2.5,
  teacherWeight: 1,
  training: false,
};

describe('gradient-path scene', () => {
  it('KL(s‖t): z → student → x → teacher log p and log q → loss; gradients to the student only', () => {
    const scene = gradientPathScene(DATA);
    const ids = scene.boxes.map((b) => b.id);
    expect(ids).toEqual(['noise', 'student', 'sample', 'teacher', 'logq', 'loss']);
    expect(scene.boxes.find((b) => b.id === 'student')!.kind).toBe('trainable');
    expect(scene.boxes.find((b) => b.id === 'teacher')!.kind).toBe('frozen');
    expect(scene.boxes.filter((b) => b.kind === 'trainable').length).toBe(1);
    const backward = scene.arrows.filter((a) => a.kind === 'backward').map((a) => a.id);
    // The backward path ends at the student and never enters the teacher's parameters.
    expect(backward).toContain('x-student');
    expect(backward.some((id) => id.endsWith('-teacher') && id !== 'loss-teacher')).toBe(false);
    const text = scene.boxes.flatMap((b) => b.lines).join(' | ');
    expect(text).toContain('8 passes: 1 per layer');
    expect(text).toContain('log p_t(x): 5 passes, parallel');
    expect(text).toContain('L = 0.123 nats');
    expect(text).toContain('= 2.500');
    expect(scene.summary).toMatch(/teacher gets none/);
  });

  it('shows β while the teacher weight is annealed, and dashes before the first step', () => {
    const scene = gradientPathScene({ ...DATA, teacherWeight: 0.4, loss: Number.NaN, gradientNorm: Number.NaN });
    const text = scene.boxes.flatMap((b) => b.lines).join(' | ');
    expect(text).toContain('0.40·log p_t');
    expect(text).toContain('L = – nats');
    expect(text).not.toMatch(/NaN/);
  });

  it('KL(t‖s): teacher sampling D·L_t passes, student density D·L_s, gradient to the student alone', () => {
    const scene = gradientPathScene({ ...DATA, direction: 'teacher-student', dim: 2 });
    const text = scene.boxes.flatMap((b) => b.lines).join(' | ');
    expect(text).toContain('sampling: D·5 = 10 passes');
    expect(text).toContain('log q_s(x): D·8 = 16 passes');
    expect(scene.arrows.filter((a) => a.kind === 'backward').map((a) => a.id)).toEqual(['loss-student']);
  });

  it('keeps every box inside the drawing', () => {
    for (const direction of ['student-teacher', 'teacher-student'] as const) {
      const scene = gradientPathScene({ ...DATA, direction });
      for (const b of scene.boxes) {
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width).toBeLessThanOrEqual(scene.width);
        expect(b.y + b.height).toBeLessThanOrEqual(scene.height);
      }
    }
  });
});
