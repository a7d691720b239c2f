import { describe, expect, it } from 'vitest';
import { cellAt, isEarlierCell } from '../../../src/core/conv/image';
import { receptiveFieldDepths, rgbGeometry } from '../../../src/core/conv/receptive-field';
import { gradientImage } from '../../../src/core/conv/procedural';
import {
  cellColor,
  countMarks,
  displayRange,
  fieldMarks,
  isHighlighted,
  normalise,
  pixelColor,
  pixelSize,
} from '../../../src/viz/conv-cells';

const H = 5;
const W = 6;
const C = 3;
const D = H * W * C;
const geometry = rgbGeometry(H, W);

function marksFor(k: number, layers: number) {
  const at = cellAt(k, W, C);
  const depths = receptiveFieldDepths(at.row, at.col, at.channel, layers, geometry);
  const unbounded = receptiveFieldDepths(at.row, at.col, at.channel, D, geometry);
  return fieldMarks(depths, k, unbounded);
}

describe('receptive-field marks of the cell grids', () => {
  it('one layer highlights exactly the earlier cells of the 3×3 window, plus the cell itself', () => {
    for (let k = 0; k < D; k++) {
      const out = cellAt(k, W, C);
      const marks = marksFor(k, 1);
      for (let m = 0; m < D; m++) {
        const inp = cellAt(m, W, C);
        const inWindow = Math.abs(inp.row - out.row) <= 1 && Math.abs(inp.col - out.col) <= 1;
        const expected = m === k || (inWindow && isEarlierCell(inp, out));
        expect(isHighlighted(marks[m]), `output ${k}, input ${m}`).toBe(expected);
      }
      expect(marks[k]).toBe('self');
    }
  });

  it('the blind spot is the wedge up and to the right (col − j > i − row) that no stack reaches', () => {
    for (let k = 0; k < D; k++) {
      const out = cellAt(k, W, C);
      const marks = marksFor(k, 2);
      marks.forEach((mark, m) => {
        const inp = cellAt(m, W, C);
        const wedge = inp.col - out.col > out.row - inp.row;
        if (m > k) expect(mark).toBe('later');
        else if (m < k) expect(mark === 'blind', `output ${k}, input ${m}`).toBe(wedge);
      });
    }
  });

  it('more layers grow the field (never shrink it) and leave the blind spot as it is', () => {
    const k = (3 * W + 2) * C + 1;
    let previous = marksFor(k, 1);
    for (let layers = 2; layers <= 6; layers++) {
      const marks = marksFor(k, layers);
      marks.forEach((mark, m) => {
        if (isHighlighted(previous[m])) expect(isHighlighted(mark)).toBe(true);
        expect(mark === 'blind').toBe(previous[m] === 'blind');
      });
      const counts = countMarks(marks);
      expect(counts.self + counts.field + counts.reachable + counts.blind).toBe(k + 1);
      expect(counts.later).toBe(D - k - 1);
      previous = marks;
    }
    // Enough layers reach every earlier cell outside the blind spot.
    expect(countMarks(marksFor(k, D)).reachable).toBe(0);
  });

  it('without the unbounded depths, earlier cells outside the field are unmarked', () => {
    const depths = receptiveFieldDepths(2, 2, 0, 1, geometry);
    const marks = fieldMarks(depths, (2 * W + 2) * C);
    expect(marks.includes('blind')).toBe(false);
    expect(marks.includes('reachable')).toBe(false);
    expect(marks[0]).toBe('none');
  });
});

describe('cell colours and ranges', () => {
  it('keeps [0, 1] for images, else spans the finite values; NaN is ignored', () => {
    expect(displayRange(gradientImage(4).data)).toEqual({ lo: 0, hi: 1 });
    expect(displayRange([-0.5, 2, Number.NaN])).toEqual({ lo: -0.5, hi: 2 });
    expect(displayRange([3, 3])).toEqual({ lo: 2.5, hi: 3.5 });
    expect(displayRange([Number.NaN])).toEqual({ lo: 0, hi: 1 });
  });

  it('normalises into [0, 1] and keeps NaN as "not known"', () => {
    const range = { lo: -1, hi: 3 };
    expect(normalise(-1, range)).toBe(0);
    expect(normalise(1, range)).toBe(0.5);
    expect(normalise(9, range)).toBe(1);
    expect(normalise(Number.NaN, range)).toBeNaN();
  });

  it('lights only the cell’s own channel, and greys unknown cells', () => {
    expect(cellColor(0, 1)).toBe('rgb(255, 0, 0)');
    expect(cellColor(1, 0.5)).toBe('rgb(0, 128, 0)');
    expect(cellColor(2, 0)).toBe('rgb(0, 0, 0)');
    expect(cellColor(2, Number.NaN)).toBe('rgb(200, 200, 200)');
    const image = gradientImage(3);
    expect(pixelColor(image, 0, 2)).toBe('rgb(255, 0, 128)');
  });

  it('sizes pixels to fit the side and split into whole channel stripes', () => {
    for (const side of [4, 8, 16, 32]) {
      const pixel = pixelSize(side);
      expect(pixel % 3).toBe(0);
      expect(pixel).toBeGreaterThanOrEqual(12);
      if (side <= 28) expect(pixel * side).toBeLessThanOrEqual(336);
    }
  });
});
