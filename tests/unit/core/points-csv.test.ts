import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { PointsCsvError, formatPointsCsv, parsePointsCsv } from '../../../src/core/points-csv';

describe('point CSVs', () => {
  it('round-trips float32 points exactly', () => {
    const rng = createRng(3);
    const data = Float32Array.from({ length: 200 }, () => rng.normal() * 10);
    const parsed = parsePointsCsv(formatPointsCsv(data, 2), 2);
    expect(parsed.n).toBe(100);
    expect(parsed.data).toEqual(data);
  });

  it('keeps the largest float32 and takes only an all-text first row for a header', () => {
    expect(Array.from(parsePointsCsv('3.4028234e38,-1e-45\n', 2).data)).toEqual([Math.fround(3.4028234e38), Math.fround(-1e-45)]);
    expect(parsePointsCsv('"x","y"\n1,2\n', 2).n).toBe(1);
  });

  it('skips a header, comments and blank lines', () => {
    const parsed = parsePointsCsv('# drawn\n\nx,y\n1,2\r\n3,4\n', 2);
    expect(Array.from(parsed.data)).toEqual([1, 2, 3, 4]);
  });

  it.each([
    ['x1,x2\n1,2\n3\n', 'f.csv, line 3: expected 2 values, got 1'],
    ['1,2\n3,abc\n', 'f.csv, line 2: "abc" is not a finite number'],
    ['1,2\n3,Infinity\n', 'f.csv, line 2: "Infinity" is not a finite number'],
    ['1,2\n3,\n', 'f.csv, line 2: "" is not a finite number'],
    ['x1,x2\n', 'f.csv: no data rows'],
    ['', 'f.csv: no data rows'],
    [`1,2\n1,${'9'.repeat(400)}x\n`, `f.csv, line 2: "${'9'.repeat(30)}…" is not a finite number`],
    // A first row holding NaN/Inf is data with a non-finite value, never a header.
    ['NaN,1\n2,3\n', 'f.csv, line 1: "NaN" is not a finite number'],
    ['x1,x2\n1,inf\n', 'f.csv, line 2: "inf" is not a finite number'],
    ['-Infinity,0\n2,3\n', 'f.csv, line 1: "-Infinity" is not a finite number'],
    ['# c\nnan,INF\n2,3\n', 'f.csv, line 2: "nan" is not a finite number'],
    ['x,1\n2,3\n', 'f.csv, line 1: "x" is not a finite number'],
    // Finite in float64, not in float32.
    ['1e39,0\n', 'f.csv, line 1: "1e39" is outside the float32 range ±3.4028235e38'],
    ['x,y\n0,1\n0,-3.5e38\n', 'f.csv, line 3: "-3.5e38" is outside the float32 range ±3.4028235e38'],
  ])('refuses %j naming the problem', (text, message) => {
    expect(() => parsePointsCsv(text, 2, 'f.csv')).toThrow(new PointsCsvError(message));
  });
});
