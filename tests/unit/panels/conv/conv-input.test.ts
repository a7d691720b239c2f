import { describe, expect, it } from 'vitest';
import { cellIndex, maxAbsImageDiff } from '../../../../src/core/conv/image';
import { PROCEDURAL_IMAGE_NAMES, proceduralImage } from '../../../../src/core/conv/procedural';
import { createRng } from '../../../../src/core/rng';
import {
  convInputImage,
  cropImage,
  partialReconstruction,
  rescaledImage,
} from '../../../../src/panels/conv/conv-input';

describe('the panel’s images', () => {
  it('gives the built-in images (noise from the seed) and a white blank', () => {
    for (const name of PROCEDURAL_IMAGE_NAMES) {
      const image = convInputImage(name, 8, 3);
      expect(maxAbsImageDiff(image, proceduralImage(name, 8, createRng(3)))).toBe(0);
    }
    const blank = convInputImage('blank', 16, 0);
    expect(blank.data.length).toBe(16 * 16 * 3);
    expect(blank.data.every((v) => v === 1)).toBe(true);
  });

  it('crops the top-left corner with every channel', () => {
    const image = proceduralImage('noise', 8, createRng(2));
    const crop = cropImage(image, 4);
    expect([crop.height, crop.width, crop.channels]).toEqual([4, 4, 3]);
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++)
        for (let c = 0; c < 3; c++)
          expect(crop.data[cellIndex(i, j, c, 4)]).toBe(image.data[cellIndex(i, j, c, 8)]);
  });

  it('shows cells 0 … k − 1 recovered after k steps and the rest unknown', () => {
    const image = proceduralImage('disc', 4, createRng(0));
    for (const k of [0, 1, 20, 48]) {
      const partial = partialReconstruction(image, k);
      partial.data.forEach((v, m) => {
        if (m < k) expect(v).toBe(image.data[m]);
        else expect(v).toBeNaN();
      });
    }
    expect(image.data.some(Number.isNaN)).toBe(false);
  });

  it('rescales [lo, hi] onto [0, 1]', () => {
    const image = proceduralImage('gradient', 4, createRng(0));
    const scaled = rescaledImage(image, -1, 3);
    scaled.data.forEach((v, m) => expect(v).toBeCloseTo((image.data[m] + 1) / 4, 12));
  });
});
