import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../src/compute/tf';
import { medianTimes } from '../../../src/compute/timing';

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});

/** Busy-waits ms (a stand-in for a first-call kernel compile). */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('medianTimes (warm-up, then the median of timed runs)', () => {
  it('runs every operation warm-up + timed times, round-robin, and leaks nothing', async () => {
    const calls: string[] = [];
    const op = (name: string) => () => {
      calls.push(name);
      return tf.ones([4]);
    };
    const before = tf.memory().numTensors;
    const medians = await medianTimes([op('a'), op('b')], { warmupRounds: 2, rounds: 3 });
    expect(medians).toHaveLength(2);
    expect(calls).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaves a slow first call (a compile) out of the reported time', async () => {
    let first = true;
    const compiling = () => {
      if (first) spin(300);
      first = false;
      return tf.ones([4]);
    };
    const [ms] = (await medianTimes([compiling], { warmupRounds: 1, rounds: 5 })) ?? [NaN];
    expect(ms).toBeLessThan(150);
    // With no warm-up round asked for, one is still run.
    first = true;
    const [again] = (await medianTimes([compiling], { warmupRounds: 0, rounds: 1 })) ?? [NaN];
    expect(again).toBeLessThan(150);
  });

  it('stops between rounds when cancelled', async () => {
    let rounds = 0;
    const result = await medianTimes([() => (rounds++, tf.ones([1]))], { warmupRounds: 1, rounds: 10 }, () => rounds >= 2);
    expect(result).toBeNull();
    expect(rounds).toBe(2);
  });
});
