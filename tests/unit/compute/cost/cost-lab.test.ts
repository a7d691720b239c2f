import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../../src/compute/tf';
import { COST_OPERATIONS, costCsv, runCostLab, type CostMeasurement } from '../../../../src/compute/cost/cost-lab';

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});

describe('cost lab', () => {
  it('measures seven operations per D (two of a coupling flow) with D passes per layer exactly where the math says', async () => {
    const rows: CostMeasurement[] = [];
    const before = tf.memory().numTensors;
    const result = await runCostLab({ dims: [2, 4, 8], layers: 3, hidden: 8, batch: 16, repeats: 1 }, (m) => rows.push(m), () => false);
    expect(result).toBe('done');
    expect(tf.memory().numTensors).toBe(before);
    expect(rows).toHaveLength(21);
    for (const r of rows) {
      // Only MAF sampling and IAF density of external data are sequential; coupling is one pass both ways.
      const sequential = r.operation === 'maf-sample' || r.operation === 'iaf-density';
      expect(r.passes).toBe(3 * (sequential ? r.dim : 1));
      expect(r.ms).toBeGreaterThan(0);
      expect(r.runs).toBe(1);
    }
    expect(new Set(rows.map((r) => r.operation))).toEqual(new Set(COST_OPERATIONS.map((o) => o.id)));
    expect(rows.filter((r) => r.operation.startsWith('coupling-')).map((r) => [r.operation, r.dim, r.passes])).toEqual([
      ['coupling-density', 2, 3],
      ['coupling-sample', 2, 3],
      ['coupling-density', 4, 3],
      ['coupling-sample', 4, 3],
      ['coupling-density', 8, 3],
      ['coupling-sample', 8, 3],
    ]);
    for (const r of rows) expect(Number.isFinite(r.ms)).toBe(true);
    expect(costCsv(rows).split('\n')[0]).toBe('dim,operation,passes,ms');
  });

  it('stops cleanly when cancelled mid-run', async () => {
    const rows: CostMeasurement[] = [];
    const before = tf.memory().numTensors;
    // A D's seven measurements arrive together (their timed rounds interleave); the check
    // between rounds then stops the run before D = 4 is reported.
    const result = await runCostLab({ dims: [2, 4], layers: 1, hidden: 8, batch: 8, repeats: 2 }, (m) => rows.push(m), () => rows.length >= 3);
    expect(result).toBe('cancelled');
    expect(rows).toHaveLength(7);
    expect(new Set(rows.map((r) => r.dim))).toEqual(new Set([2]));
    expect(tf.memory().numTensors).toBe(before);
  });
});
