import { describe, expect, it } from 'vitest';
import { maskedConvJacobian } from '../../../src/core/conv/masked-conv';
import { randomMaskedConv } from '../../../src/core/conv/params';
import { createRng } from '../../../src/core/rng';
import {
  jacobianColorScale,
  jacobianEntryAt,
  jacobianLayout,
  jacobianPixels,
  summariseJacobian,
} from '../../../src/viz/conv-jacobian';

const params = randomMaskedConv(createRng(9));
const J = maskedConvJacobian(params, 4, 4);
const D = 48;
const flat = Float64Array.from(J.flat());

describe('Jacobian heatmap', () => {
  it('summarises the masked layer’s 48×48 Jacobian as lower triangular with d_c on the diagonal', () => {
    const summary = summariseJacobian(flat, D);
    expect(summary.size).toBe(D);
    expect(summary.nonZeroAbove).toBe(0);
    expect(summary.nonZeroBelow).toBeGreaterThan(0);
    const d = Array.from(params.logDiagonal, Math.exp);
    expect(summary.minDiagonal).toBeCloseTo(Math.min(...d), 12);
    expect(summary.maxDiagonal).toBeCloseTo(Math.max(...d), 12);
    expect(summary.maxAbs).toBe(Math.max(...Array.from(flat, Math.abs)));
    const below = flat.filter((_, i) => i % D < Math.floor(i / D));
    expect(summary.maxAbsBelow).toBe(Math.max(...Array.from(below, Math.abs)));
    // Colours follow the off-diagonal entries, which are small beside the diagonal here.
    expect(jacobianColorScale(summary)).toBe(summary.maxAbsBelow);
    expect(summary.maxAbsBelow).toBeLessThan(summary.minDiagonal);
    expect(jacobianColorScale(summariseJacobian([2, 0, 0, 3], 2))).toBe(3);
  });

  it('counts entries above the diagonal of a full matrix', () => {
    const full = new Float64Array(9).fill(1);
    expect(summariseJacobian(full, 3)).toMatchObject({ nonZeroAbove: 3, nonZeroBelow: 3 });
    expect(() => summariseJacobian(full, 4)).toThrow(/expected 4²/);
  });

  it('paints exact zeros white and colours every non-zero entry', () => {
    const summary = summariseJacobian(flat, D);
    const pixels = jacobianPixels(flat, D, summary.maxAbs);
    expect(pixels.length).toBe(D * D * 4);
    for (let i = 0; i < D * D; i++) {
      const rgb = Array.from(pixels.subarray(4 * i, 4 * i + 3));
      expect(pixels[4 * i + 3]).toBe(255);
      if (flat[i] === 0) expect(rgb).toEqual([255, 255, 255]);
      else expect(rgb).not.toEqual([255, 255, 255]);
    }
    // The diagonal is positive: red dominates.
    for (let k = 0; k < D; k++) {
      const p = 4 * (k * D + k);
      expect(pixels[p]).toBeGreaterThan(pixels[p + 2]);
    }
  });

  it('finds the entry under a point: the centre of every cell maps back to it', () => {
    const side = 400;
    const { cell, offset, extent } = jacobianLayout(D, side);
    expect(extent).toBeLessThanOrEqual(side);
    expect(cell).toBe(8);
    for (const [row, col] of [
      [0, 0],
      [47, 0],
      [12, 30],
      [47, 47],
    ]) {
      const x = offset + (col + 0.5) * cell;
      const y = offset + (row + 0.5) * cell;
      expect(jacobianEntryAt(x, y, D, side)).toEqual({ row, col });
    }
    expect(jacobianEntryAt(offset - 1, offset + 1, D, side)).toBeNull();
    expect(jacobianEntryAt(offset + extent + 1, offset + 1, D, side)).toBeNull();
  });
});
