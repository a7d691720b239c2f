import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { heartbeatTiming, startHeartbeat } from '../../../src/app/heartbeat';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('heartbeat', () => {
  it('stays quiet while pings are answered, however long the worker runs', async () => {
    const onHung = vi.fn();
    const ping = vi.fn(() => new Promise<void>((resolve) => setTimeout(resolve, 900)));
    const stop = startHeartbeat(ping, onHung, { intervalMs: 1_000, hungAfterMs: 5_000 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onHung).not.toHaveBeenCalled();
    expect(ping.mock.calls.length).toBeGreaterThan(20);
    stop();
  });

  it('reports a worker that leaves a ping unanswered for the limit, once, and sends no more pings', async () => {
    const onHung = vi.fn();
    let answer = true;
    const ping = vi.fn(() => (answer ? Promise.resolve() : new Promise<void>(() => undefined)));
    const stop = startHeartbeat(ping, onHung, { intervalMs: 1_000, hungAfterMs: 5_000 });
    await vi.advanceTimersByTimeAsync(3_000);
    answer = false; // the worker hangs
    await vi.advanceTimersByTimeAsync(4_500);
    expect(onHung).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(onHung).toHaveBeenCalledTimes(1);
    expect(onHung.mock.calls[0][0]).toBeGreaterThanOrEqual(5_000);
    const pings = ping.mock.calls.length;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(onHung).toHaveBeenCalledTimes(1);
    expect(ping.mock.calls.length).toBe(pings);
    stop();
  });

  it('a rejected ping (a closed port) counts as an answer; stop() ends the pings', async () => {
    const onHung = vi.fn();
    const ping = vi.fn(() => Promise.reject(new Error('closed')));
    const stop = startHeartbeat(ping, onHung, { intervalMs: 1_000, hungAfterMs: 2_000 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onHung).not.toHaveBeenCalled();
    stop();
    const pings = ping.mock.calls.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ping.mock.calls.length).toBe(pings);
  });

  it('keeps the production timing (2 s pings, 15 s limit) unless a test sets valid numbers', () => {
    expect(heartbeatTiming(undefined)).toEqual({ intervalMs: 2_000, hungAfterMs: 15_000 });
    expect(heartbeatTiming({ intervalMs: 250, hungAfterMs: 4_000 })).toEqual({ intervalMs: 250, hungAfterMs: 4_000 });
    expect(heartbeatTiming({ hungAfterMs: 4_000 })).toEqual({ intervalMs: 2_000, hungAfterMs: 4_000 });
    const garbage = { intervalMs: Number.NaN, hungAfterMs: '1' } as unknown as { intervalMs: number; hungAfterMs: number };
    expect(heartbeatTiming(garbage)).toEqual({ intervalMs: 2_000, hungAfterMs: 15_000 });
    expect(heartbeatTiming({ intervalMs: 0, hungAfterMs: 99 })).toEqual({ intervalMs: 2_000, hungAfterMs: 15_000 });
  });
});
