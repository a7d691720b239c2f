import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import { costApi, costOptions } from '../../../../src/compute/cost/cost-api';
import type { CostProgress } from '../../../../src/compute/cost/protocol';

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});

const SMALL = { layers: 2, hidden: 8, batch: 8, repeats: 1 };

describe('cost API', () => {
  it('reports every measurement as progress and returns the rows, exact pass counts and no leaks', async () => {
    const before = tf.memory().numTensors;
    const progress: CostProgress[] = [];
    const result = await costApi.costRun({ dims: [8, 2, 4, 4], ...SMALL }, (p) => progress.push(p));
    expect(tf.memory().numTensors).toBe(before);
    expect(result.status).toBe('done');
    expect(result.backend).toBe('cpu');
    expect(result.rows).toHaveLength(21);
    expect(result.csv.trim().split('\n')).toHaveLength(22);
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(progress.every((p) => p.total === 21)).toBe(true);
    expect([...new Set(result.rows.map((r) => r.dim))]).toEqual([2, 4, 8]);
    for (const r of result.rows) {
      const perLayer = r.operation === 'maf-sample' || r.operation === 'iaf-density' ? r.dim : 1;
      expect(r.passes).toBe(2 * perLayer);
    }
  });

  it('stops at the next measurement boundary when cancelled, and runs again afterwards', async () => {
    const before = tf.memory().numTensors;
    const progress: CostProgress[] = [];
    const result = await costApi.costRun({ dims: [2, 4, 8], ...SMALL }, (p) => {
      progress.push(p);
      if (p.done === 4) void costApi.costCancel();
    });
    // A D's seven measurements arrive together (their timed rounds interleave), so the cancel
    // sent at the fourth stops the run after the first D.
    expect(result.status).toBe('cancelled');
    expect(result.rows).toHaveLength(7);
    expect(progress).toHaveLength(7);
    expect(tf.memory().numTensors).toBe(before);
    await costApi.costCancel(); // idle: nothing to cancel
    const again = await costApi.costRun({ dims: [2], ...SMALL }, () => undefined);
    expect(again.status).toBe('done');
    expect(again.rows).toHaveLength(7);
  });

  it('a new run cancels the one still going', async () => {
    const before = tf.memory().numTensors;
    const first = costApi.costRun({ dims: [2, 4, 8, 16], ...SMALL }, () => undefined);
    const second = await costApi.costRun({ dims: [2], ...SMALL }, () => undefined);
    const firstResult = await first;
    expect(firstResult.status).toBe('cancelled');
    expect(firstResult.rows.length).toBeLessThan(28);
    expect(second.status).toBe('done');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects dimensions outside 2 … 64 and bad sizes with a message', () => {
    expect(() => costOptions({ dims: [] })).toThrow(/at least one/);
    expect(() => costOptions({ dims: [1, 4] })).toThrow(/from 2 to 64, not 1/);
    expect(() => costOptions({ dims: [65] })).toThrow(/not 65/);
    expect(() => costOptions({ dims: [2.5] })).toThrow(/not 2.5/);
    expect(() => costOptions({ dims: [2], batch: 0 })).toThrow(/batch/);
    expect(costOptions({ dims: [64, 2, 2] })).toMatchObject({ dims: [2, 64], layers: 2, hidden: 64, batch: 256, repeats: 7 });
  });
});
