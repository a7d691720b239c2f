import { describe, expect, it } from 'vitest';
import { cancelDraw, scheduleDraw } from '../../../src/viz/draw-queue';

/** Resolves after the queue has had `tasks` macrotasks to run in. */
const tasks = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('draw queue', () => {
  it('runs each canvas’s latest request once, in request order, one per task, never synchronously', async () => {
    const a = {};
    const b = {};
    const c = {};
    const log: string[] = [];
    // Microtasks run between tasks: a draw that sees the previous draw's microtask done ran in a later task.
    let microtasks = 0;
    const seen: number[] = [];
    const draw = (name: string) => () => {
      log.push(name);
      seen.push(microtasks);
      queueMicrotask(() => microtasks++);
    };
    scheduleDraw(a, draw('a1'));
    scheduleDraw(b, draw('b1'));
    scheduleDraw(a, draw('a2')); // replaces a1 and moves behind b
    scheduleDraw(c, draw('c1'));
    cancelDraw(c);
    expect(log).toEqual([]);
    await tasks(5);
    expect(log).toEqual(['b1', 'a2']);
    expect(seen).toEqual([0, 1]);
  });

  it('keeps running after a request is added while the queue drains', async () => {
    const log: number[] = [];
    const keys = [{}, {}, {}];
    keys.forEach((k, i) => scheduleDraw(k, () => {
      log.push(i);
      if (i === 0) scheduleDraw(keys[0], () => log.push(10));
    }));
    await tasks(8);
    expect(log).toEqual([0, 1, 2, 10]);
  });
});
