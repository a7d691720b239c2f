import { describe, expect, it } from 'vitest';
import { gradientPathScene, marchDashes, type GradientPathData } from '../../../src/viz/gradient-path';

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

describe('marching dashes of the live gradient path', () => {
  /** An <svg> stand-in with its window: timers under the test's control, a reduced-motion switch. */
  function fakeSvg(reducedMotion: boolean) {
    const timers = new Map<number, () => void>();
    const props = new Map<string, string>();
    const view = {
      matchMedia: (q: string) => ({ matches: reducedMotion && q.includes('reduce') }),
      setInterval: (f: () => void) => (timers.set(timers.size + 1, f), timers.size),
      clearInterval: (id: number) => timers.delete(id),
    };
    const svg = {
      ownerDocument: { defaultView: view },
      style: { setProperty: (k: string, v: string) => props.set(k, v), removeProperty: (k: string) => props.delete(k) },
    } as unknown as SVGSVGElement;
    const tick = () => timers.forEach((f) => f());
    return { svg, props, timers, tick };
  }

  it('steps the dash offset on a timer, backwards along the arrows, and clears it when stopped', () => {
    const { svg, props, timers, tick } = fakeSvg(false);
    const stop = marchDashes(svg);
    expect(timers.size).toBe(1);
    const seen: number[] = [];
    for (let k = 0; k < 6; k++) {
      tick();
      seen.push(Number(props.get('--gp-dash-offset')));
    }
    // Each tick moves the dashes on; the offset stays within one dash period (9 units).
    expect(new Set(seen).size).toBeGreaterThan(3);
    expect(seen.every((v) => v <= 0 && v > -9)).toBe(true);
    stop();
    expect(timers.size).toBe(0);
    expect(props.has('--gp-dash-offset')).toBe(false);
  });

  it('keeps the dashes still with reduced motion', () => {
    const { svg, props, timers } = fakeSvg(true);
    marchDashes(svg)();
    expect(timers.size).toBe(0);
    expect(props.size).toBe(0);
  });
});
