import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RunLoop } from '../../../../src/compute/session/run-loop';
import { workCounts } from '../../../../src/compute/session/work-counter';

/** A stand-in model whose read-back resolves only when the test says so (a pending GPU read). */
class FakeModel {
  disposed = false;
  steps = 0;
  private pending: (() => void) | null = null;
  step(): void {
    if (this.disposed) throw new Error('step on a disposed model');
    this.steps++;
  }
  readBack(): Promise<void> {
    return new Promise((resolve) => {
      this.pending = () => {
        if (this.disposed) throw new Error('read-back of a disposed model');
        resolve();
      };
    });
  }
  finishReadBack(): void {
    const f = this.pending;
    this.pending = null;
    f?.();
  }
  get reading(): boolean {
    return this.pending !== null;
  }
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('RunLoop', () => {
  it('holds a rebuild command until the slice awaiting its read-back has finished', async () => {
    const runner = new RunLoop('test-race');
    let model = new FakeModel();
    const done = runner.loop(async () => {
      model.step();
      await model.readBack();
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(model.reading).toBe(true);
    // A configure arrives while the read-back is pending: it must not run yet.
    const old = model;
    let rebuilt = false;
    const configured = runner.command(() => {
      runner.stop();
      old.disposed = true;
      model = new FakeModel();
      rebuilt = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(rebuilt).toBe(false);
    expect(old.disposed).toBe(false);
    old.finishReadBack();
    await configured;
    await vi.advanceTimersByTimeAsync(10);
    await done; // the old run saw it was stale and ended without another slice
    expect(rebuilt).toBe(true);
    expect(old.steps).toBe(1);
    expect(model.steps).toBe(0);
    expect(runner.training).toBe(false);
  });

  it('runs commands in call order, between slices, and a stale run never takes another slice', async () => {
    const runner = new RunLoop('test-order');
    const log: string[] = [];
    let slices = 0;
    const first = runner.loop(async () => {
      slices++;
      log.push(`slice ${slices}`);
    });
    await vi.advanceTimersByTimeAsync(0);
    void runner.command(() => log.push('a'));
    void runner.command(() => log.push('b'));
    await vi.advanceTimersByTimeAsync(0);
    runner.stop();
    // A new run starts at once; the first one must end, not run alongside it.
    const second = runner.loop(async () => {
      log.push('second');
      runner.stop();
    });
    await vi.advanceTimersByTimeAsync(10);
    await Promise.all([first, second]);
    expect(log.indexOf('a')).toBeLessThan(log.indexOf('b'));
    expect(log.filter((l) => l === 'second')).toHaveLength(1);
    const afterStop = log.slice(log.indexOf('second'));
    expect(afterStop.some((l) => l.startsWith('slice'))).toBe(false);
  });

  it('keeps going after a failed command, and a second loop() call while one runs does nothing', async () => {
    const runner = new RunLoop('test-errors');
    await expect(runner.command(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await runner.command(() => 42)).toBe(42);
    let slices = 0;
    const a = runner.loop(async () => {
      slices++;
      if (slices === 3) runner.stop();
    });
    const b = runner.loop(async () => {
      throw new Error('must not run');
    });
    await vi.advanceTimersByTimeAsync(10);
    await Promise.all([a, b]);
    expect(slices).toBe(3);
  });

  it('counts each command and slice under its session name', async () => {
    const before = workCounts()['test-count'] ?? 0;
    const runner = new RunLoop('test-count');
    await runner.command(() => undefined);
    let n = 0;
    const loop = runner.loop(async () => {
      if (++n === 2) runner.stop();
    });
    await vi.advanceTimersByTimeAsync(10);
    await loop;
    expect(workCounts()['test-count']).toBe(before + 3);
  });
});
