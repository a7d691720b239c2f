import { describe, expect, it } from 'vitest';
import {
  checkPointsInView,
  densityGridProblem,
  describeRows,
  float32Problem,
  nonFiniteRows,
} from '../../../src/core/validation';
import { createRng } from '../../../src/core/rng';

const VIEW = { x0: -4, x1: 4, y0: -4, y1: 4 };

describe('shared validation', () => {
  it('float32Problem refuses non-numbers, NaN, ±Infinity and values beyond float32, naming them', () => {
    expect(float32Problem(1.5)).toBeNull();
    expect(float32Problem(3.4028234e38)).toBeNull();
    expect(float32Problem('NaN')).toBe('expected a number, got "NaN" (a string)');
    expect(float32Problem(Number.NaN)).toBe('NaN is not a number');
    expect(float32Problem(JSON.parse('1e999'))).toBe('Infinity is not finite');
    expect(float32Problem(-1e39)).toBe('-1e+39 is outside the float32 range ±3.4028235e38');
  });

  it('names non-finite rows, 1-based', () => {
    const rows = nonFiniteRows([0, 1, Number.NaN, 2, 3, 4, 5, Infinity], 2);
    expect(rows).toEqual([1, 3]);
    expect(describeRows(rows, 4)).toBe('rows 2 and 4 of 4');
    expect(describeRows([0], 9)).toBe('row 1 of 9');
    expect(describeRows([...Array(10).keys()], 20)).toBe(
      'rows 1, 2, 3, 4, 5, 6, 7, 8, … (10 in all) of 20',
    );
  });

  it('keeps points in view, rescales 200 points at ±1e6 by 1e-6 with a notice, refuses a far tight cluster', () => {
    const rng = createRng(2);
    const inView = Float32Array.from({ length: 400 }, () => rng.uniform() * 6 - 3);
    expect(checkPointsInView(inView, VIEW)).toEqual({ kind: 'ok' });
    const far = Float32Array.from(
      { length: 400 },
      () => (rng.uniform() < 0.5 ? -1e6 : 1e6) * (0.5 + rng.uniform() / 2),
    );
    const verdict = checkPointsInView(far, VIEW);
    expect(verdict.kind).toBe('rescale');
    if (verdict.kind !== 'rescale') return;
    expect(verdict.factor).toBe(1e-6);
    expect(verdict.notice).toMatch(
      /^200 points of 200 lie outside the data view \[-4, 4\] × \[-4, 4\], so every coordinate was multiplied by 1e-6/,
    );
    const cluster = Float32Array.from({ length: 400 }, () => 1e6 + rng.normal());
    const refused = checkPointsInView(cluster, VIEW);
    expect(refused.kind).toBe('refuse');
  });

  it('says where a density grid is not finite', () => {
    const grid = { ...VIEW, nx: 4, ny: 4 };
    expect(densityGridProblem(new Float32Array(16), grid)).toBeNull();
    const values = new Float32Array(16);
    values[5] = -Infinity;
    values[6] = Number.NaN;
    expect(densityGridProblem(values, grid)).toBe(
      'its log-density is -Infinity at 2 points of the 4×4 view grid (first at (-1.00, -1.00)): values inside its layers overflow float32 (±3.4028235e38).',
    );
  });
});
