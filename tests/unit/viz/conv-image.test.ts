import { describe, expect, it } from 'vitest';
import { createImage, imageFromData } from '../../../src/core/conv/image';
import { imageLayout, imagePixels, imagePointAt } from '../../../src/viz/conv-image';

describe('RGB picture drawing', () => {
  it('writes clamped channels as bytes, and a checker for unknown (all-NaN) pixels', () => {
    const image = imageFromData(
      Float64Array.from([0, 0.5, 1, -1, 2, 0.25, NaN, NaN, NaN, NaN, 1, NaN]),
      2,
      2,
    );
    const px = imagePixels(image);
    expect(Array.from(px.subarray(0, 4))).toEqual([0, 128, 255, 255]);
    expect(Array.from(px.subarray(4, 8))).toEqual([0, 255, 64, 255]);
    expect(Array.from(px.subarray(8, 12))).toEqual([240, 240, 240, 255]);
    expect(Array.from(px.subarray(12, 16))).toEqual([0, 255, 0, 255]);
  });

  it('maps pixel centres of the box back to whole image positions, clamped at the edges', () => {
    const image = createImage(8, 8);
    const { pixel, left, top } = imageLayout(image, 200, 160);
    expect(pixel).toBe(20);
    expect(left).toBe(20);
    expect(top).toBe(0);
    for (const [row, col] of [
      [0, 0],
      [3, 5],
      [7, 7],
    ]) {
      const at = imagePointAt(
        image,
        200,
        160,
        left + (col + 0.5) * pixel,
        top + (row + 0.5) * pixel,
      );
      expect(at).toEqual({ x: col, y: row });
    }
    expect(imagePointAt(image, 200, 160, 0, 500)).toEqual({ x: 0, y: 7 });
  });
});
