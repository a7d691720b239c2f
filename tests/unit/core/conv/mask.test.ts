import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import {
  diagonalIndex,
  diagonalSelector,
  earlierMask,
  earlierTaps,
  kernelIndex,
  maskKind,
  maskKinds,
  type KernelShape,
} from '../../../../src/core/conv/mask';
import { effectiveKernel, randomMaskedConv } from '../../../../src/core/conv/params';
import { isEarlierCell } from '../../../../src/core/conv/image';

/**
 * Independent statement of the rule: the input at offset (dy, dx), channel c' comes after the
 * output cell (0, 0, c) in raster-then-channel order.
 */
function looksLater(dy: number, dx: number, cin: number, cout: number): boolean {
  return dy > 0 || (dy === 0 && dx > 0) || (dy === 0 && dx === 0 && cin > cout);
}

const shapes: KernelShape[] = [
  { kernelSize: 3, channels: 3 },
  { kernelSize: 5, channels: 3 },
  { kernelSize: 3, channels: 1 },
];

describe('masked kernel', () => {
  for (const shape of shapes) {
    const { kernelSize: k, channels: C } = shape;
    it(`${k}×${k}, C=${C}: every weight that would look at a later pixel or channel is exactly 0`, () => {
      const params = randomMaskedConv(createRng(k * 10 + C), { ...shape, weightScale: 1 });
      const K = effectiveKernel(params);
      const p = (k - 1) / 2;
      let later = 0;
      for (let a = 0; a < k; a++)
        for (let b = 0; b < k; b++)
          for (let cin = 0; cin < C; cin++)
            for (let cout = 0; cout < C; cout++) {
              const i = kernelIndex(shape, a, b, cin, cout);
              if (looksLater(a - p, b - p, cin, cout)) {
                later++;
                expect(K[i]).toBe(0);
                expect(params.weights[i]).not.toBe(0); // the mask, not the draw, made it zero
              } else if (a === p && b === p && cin === cout) {
                expect(K[i]).toBeGreaterThan(0);
                expect(K[i]).toBeCloseTo(Math.exp(params.logDiagonal[cin]), 12);
              } else {
                expect(K[i]).toBe(params.weights[i]);
              }
            }
      // Later inputs: the (k²−1)/2 later pixels × C² plus C(C−1)/2 later channels at the centre.
      expect(later).toBe(((k * k - 1) / 2) * C * C + (C * (C - 1)) / 2);
    });
  }

  it('3×3 RGB: 39 earlier weights, 3 diagonal, 39 masked; masks and kinds agree', () => {
    const shape = shapes[0];
    const kinds = maskKinds(shape);
    const count = (kind: string) => kinds.filter((x) => x === kind).length;
    expect([count('earlier'), count('diagonal'), count('masked')]).toEqual([39, 3, 39]);
    const mask = earlierMask(shape);
    const sel = diagonalSelector(shape);
    kinds.forEach((kind, i) => {
      expect(mask[i]).toBe(kind === 'earlier' ? 1 : 0);
      expect(sel[i]).toBe(kind === 'diagonal' ? 1 : 0);
    });
    for (let c = 0; c < 3; c++) expect(maskKind(shape, 1, 1, c, c)).toBe('diagonal');
    expect(diagonalIndex(shape, 2)).toBe(kernelIndex(shape, 1, 1, 2, 2));
  });

  it('every tap points at an earlier cell', () => {
    for (const shape of shapes) {
      const taps = earlierTaps(shape);
      expect(taps.length).toBe(earlierMask(shape).reduce((s, v) => s + v, 0));
      for (const t of taps) {
        const input = { row: t.dy, col: t.dx, channel: t.cin };
        expect(isEarlierCell(input, { row: 0, col: 0, channel: t.cout })).toBe(true);
      }
    }
  });
});
