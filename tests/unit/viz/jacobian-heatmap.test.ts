import { describe, expect, it } from 'vitest';
import { cellColor, jacobianCells } from '../../../src/viz/jacobian-heatmap';
import { parseColor } from '../../../src/viz/color-map';

describe('Jacobian heatmap cells', () => {
  // A layer with the reversed order [2, 1, 0]: out_i depends on in_j for j ≥ i (upper triangular in variable indices).
  const J = [
    [1.5, 0.2, 0.3],
    [0, 0.8, 0.4],
    [0, 0, 2],
  ];

  it('reorders rows and columns into the layer order, so structural zeros sit above the diagonal', () => {
    const cells = jacobianCells(J, [2, 1, 0]);
    expect(cells).toHaveLength(9);
    for (const c of cells) {
      expect(c.value).toBe(J[c.outVariable][c.inVariable]);
      expect(c.kind).toBe(
        c.col > c.row ? 'structural-zero' : c.col === c.row ? 'diagonal' : 'below',
      );
      if (c.kind === 'structural-zero') expect(c.value).toBe(0);
    }
    expect(cells.filter((c) => c.kind === 'diagonal').map((c) => c.value)).toEqual([2, 0.8, 1.5]);
  });

  it('colours on a diverging scale: blue positive, red negative, clamped to ±limit', () => {
    const mid = parseColor(cellColor(0, 2));
    const [r1, , b1] = parseColor(cellColor(1.5, 2));
    const [r2, , b2] = parseColor(cellColor(-1.5, 2));
    expect(b1).toBeGreaterThan(r1); // positive: blue
    expect(r2).toBeGreaterThan(b2); // negative: red
    expect(parseColor(cellColor(5, 0))).toEqual(mid);
    expect(cellColor(10, 2)).toBe(cellColor(2, 2));
  });
});
