import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import { cellIndex, isEarlierCell, type ImageCell } from '../../../../src/core/conv/image';
import { randomMaskedConv } from '../../../../src/core/conv/params';
import { maskedConvJacobian } from '../../../../src/core/conv/masked-conv';
import {
  blindSpot,
  receptiveField,
  receptiveFieldDepths,
  rgbGeometry,
} from '../../../../src/core/conv/receptive-field';

const key = (c: ImageCell, W: number) => cellIndex(c.row, c.col, c.channel, W);

/** Non-zero patterns of J¹…J^maxL (all entries ≥ 0, so nothing cancels): [L − 1][out][in]. */
function reachable(J: number[][], maxL: number): boolean[][][] {
  const D = J.length;
  const patterns: boolean[][][] = [];
  let P = J.map((row) => Float64Array.from(row));
  for (let L = 1; L <= maxL; L++) {
    if (L > 1) {
      P = P.map((row) => {
        const next = new Float64Array(D);
        for (let k = 0; k < D; k++)
          if (row[k] !== 0) for (let c = 0; c < D; c++) next[c] += row[k] * J[k][c];
        return next;
      });
    }
    patterns.push(P.map((row) => Array.from(row, (v) => v !== 0)));
  }
  return patterns;
}

describe('receptive fields of stacked masked layers', () => {
  // Positive weights everywhere: no cancellation, so non-zero Jacobian entries = connectivity.
  const rng = createRng(9);
  const params = randomMaskedConv(rng, { weightScale: 1 });
  params.weights = params.weights.map(() => 0.1 + rng.uniform());

  it('one layer: itself plus exactly the unmasked inputs (non-zeros of its Jacobian row)', () => {
    const H = 5;
    const W = 5;
    const J = maskedConvJacobian(params, H, W);
    for (let k = 0; k < H * W * 3; k++) {
      const cell = { row: Math.floor(k / 15), col: Math.floor(k / 3) % 5, channel: k % 3 };
      const field = receptiveField(cell.row, cell.col, cell.channel, 1, rgbGeometry(H, W)).map(
        (c) => key(c, W),
      );
      const unmasked = J[k].flatMap((v, c) => (v !== 0 ? [c] : []));
      expect(field).toEqual(unmasked);
      expect(field).toContain(k);
    }
  });

  it('L layers: the non-zeros of the L-fold Jacobian product; grows with L and never sees a later cell', () => {
    const H = 6;
    const W = 6;
    const J = maskedConvJacobian(params, H, W);
    const geometry = rgbGeometry(H, W);
    const reach = reachable(J, 4);
    const probes: ImageCell[] = [
      { row: 5, col: 2, channel: 1 },
      { row: 3, col: 3, channel: 0 },
      { row: 4, col: 5, channel: 2 },
    ];
    for (const probe of probes) {
      const k = key(probe, W);
      let previous: number[] = [];
      for (let L = 1; L <= 4; L++) {
        const field = receptiveField(probe.row, probe.col, probe.channel, L, geometry);
        const keys = field.map((c) => key(c, W));
        expect(keys).toEqual(reach[L - 1][k].flatMap((v, c) => (v ? [c] : [])));
        for (const cell of field)
          expect(key(cell, W) === k || isEarlierCell(cell, probe)).toBe(true);
        // Monotone: a deeper stack keeps every dependency of a shallower one.
        for (const c of previous) expect(keys).toContain(c);
        if (L === 2) expect(keys.length).toBeGreaterThan(previous.length);
        previous = keys;
      }
    }
  });

  it('zero layers see only the cell itself; depths are the first layer count that reaches a cell', () => {
    const geometry = rgbGeometry(8, 8);
    expect(receptiveField(4, 4, 2, 0, geometry)).toEqual([{ row: 4, col: 4, channel: 2 }]);
    const depth = receptiveFieldDepths(4, 4, 2, 3, geometry);
    expect(depth[cellIndex(4, 4, 2, 8)]).toBe(0);
    expect(depth[cellIndex(4, 4, 0, 8)]).toBe(1);
    expect(depth[cellIndex(3, 5, 0, 8)]).toBe(1);
    expect(depth[cellIndex(2, 6, 0, 8)]).toBe(2);
    expect(depth[cellIndex(4, 5, 0, 8)]).toBe(-1);
  });

  it('the blind spot: up-and-right cells (i − a, j + b), b > a, stay unseen however deep the stack', () => {
    const geometry = rgbGeometry(16, 16);
    const [i, j] = [10, 5];
    for (const L of [1, 3, 8, 20]) {
      const field = new Set(receptiveField(i, j, 0, L, geometry).map((c) => key(c, 16)));
      const blind = blindSpot(i, j, 0, L, geometry);
      // Field and blind spot split the earlier cells (plus the cell itself) between them.
      expect(field.size + blind.length).toBe(key({ row: i, col: j, channel: 0 }, 16) + 1);
      for (const c of blind) expect(field.has(key(c, 16))).toBe(false);
      for (let a = 1; a <= i; a++)
        for (let b = a + 1; j + b < 16; b++) {
          expect(field.has(cellIndex(i - a, j + b, 0, 16))).toBe(false);
          expect(blind.some((c) => c.row === i - a && c.col === j + b)).toBe(true);
        }
    }
    // A deep stack does reach everything outside the wedge: all of row i to the left, and the
    // cells up and to the right on or left of the diagonal.
    const deep = new Set(receptiveField(i, j, 0, 30, geometry).map((c) => key(c, 16)));
    for (let q = 0; q < j; q++) expect(deep.has(cellIndex(i, q, 2, 16))).toBe(true);
    for (let a = 1; a <= i; a++)
      for (let q = 0; q <= Math.min(15, j + a); q++)
        expect(deep.has(cellIndex(i - a, q, 1, 16))).toBe(true);
  });
});
