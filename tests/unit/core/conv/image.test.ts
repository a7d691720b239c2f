import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import { cellAt, cellIndex, createImage, isEarlierCell } from '../../../../src/core/conv/image';
import {
  PROCEDURAL_IMAGE_NAMES,
  paint,
  proceduralImage,
} from '../../../../src/core/conv/procedural';

describe('images', () => {
  it('flat index = raster-then-channel order, and cellAt inverts cellIndex', () => {
    const W = 5;
    const cells = Array.from({ length: 4 * W * 3 }, (_, k) => cellAt(k, W));
    cells.forEach((cell, k) => {
      expect(cellIndex(cell.row, cell.col, cell.channel, W)).toBe(k);
      if (k > 0) expect(isEarlierCell(cells[k - 1], cell)).toBe(true);
      expect(isEarlierCell(cell, cell)).toBe(false);
    });
  });

  for (const size of [8, 16]) {
    it(`built-in ${size}×${size} images have shape [${size}, ${size}, 3] and values in [0, 1]`, () => {
      for (const name of PROCEDURAL_IMAGE_NAMES) {
        const image = proceduralImage(name, size, createRng(1));
        expect([image.height, image.width, image.channels]).toEqual([size, size, 3]);
        expect(image.data.length).toBe(size * size * 3);
        for (const v of image.data) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
        // Not a flat colour: every image has some structure to invert.
        expect(new Set(image.data).size).toBeGreaterThan(1);
      }
    });
  }

  it('noise is reproducible from the seed', () => {
    const a = proceduralImage('noise', 8, createRng(7));
    const b = proceduralImage('noise', 8, createRng(7));
    const c = proceduralImage('noise', 8, createRng(8));
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    expect(Array.from(a.data)).not.toEqual(Array.from(c.data));
  });

  it('paint sets exactly the pixels within the radius and leaves the input alone', () => {
    const image = createImage(8, 8);
    const out = paint(image, 3, 4, [1, 0.5, 0.25], 1.5);
    expect(image.data.every((v) => v === 0)).toBe(true);
    for (let i = 0; i < 8; i++) {
      for (let j = 0; j < 8; j++) {
        const inside = (j - 3) ** 2 + (i - 4) ** 2 <= 1.5 ** 2;
        const px = Array.from(out.data.slice((i * 8 + j) * 3, (i * 8 + j + 1) * 3));
        expect(px).toEqual(inside ? [1, 0.5, 0.25] : [0, 0, 0]);
      }
    }
    const dot = paint(image, 0, 0, [1, 1, 1], 0);
    expect(Array.from(dot.data).reduce((s, v) => s + v, 0)).toBe(3);
  });
});
