import { describe, expect, it } from 'vitest';
import { interpolateRdBu } from 'd3-scale-chromatic';
import { effectiveKernel, randomMaskedConv } from '../../../src/core/conv/params';
import { kernelIndex, maskKinds } from '../../../src/core/conv/mask';
import { createRng } from '../../../src/core/rng';
import { parseColor } from '../../../src/viz/color-map';
import {
  divergingColor,
  divergingLut,
  divergingT,
  formatWeight,
  kernelSlice,
  kindCounts,
  relativeLuminance,
  textColorOn,
  weightColors,
  unmaskedMaxAbs,
} from '../../../src/viz/conv-kernel';

const params = randomMaskedConv(createRng(4), { weightScale: 0.2 });
const kernel = effectiveKernel(params);

describe('kernel slices', () => {
  it('slice (c_in, c_out) holds K[a, b, c_in, c_out]; masked = later pixel or later channel', () => {
    for (let cout = 0; cout < 3; cout++) {
      for (let cin = 0; cin < 3; cin++) {
        const cells = kernelSlice(params, kernel, cin, cout);
        expect(cells).toHaveLength(9);
        for (const cell of cells) {
          expect(cell.value).toBe(kernel[kernelIndex(params, cell.a, cell.b, cin, cout)]);
          const laterPixel = cell.dy > 0 || (cell.dy === 0 && cell.dx > 0);
          const centre = cell.dy === 0 && cell.dx === 0;
          const masked = laterPixel || (centre && cin > cout);
          expect(cell.kind === 'masked').toBe(masked);
          expect(cell.kind === 'diagonal').toBe(centre && cin === cout);
          if (masked) expect(cell.value).toBe(0);
          if (cell.kind === 'diagonal') expect(cell.value).toBeGreaterThan(0);
        }
      }
    }
  });

  it('output channel c sees 4 earlier pixels × 3 channels + c earlier channels, 1 diagonal', () => {
    for (let cout = 0; cout < 3; cout++) {
      expect(kindCounts(params, cout)).toEqual({
        earlier: 12 + cout,
        diagonal: 1,
        masked: 27 - 13 - cout,
      });
    }
  });

  it('scales colours by the largest unmasked weight', () => {
    const kinds = maskKinds(params);
    const max = unmaskedMaxAbs(kernel, kinds);
    expect(max).toBe(Math.max(...Array.from(kernel, Math.abs)));
    expect(unmaskedMaxAbs([5, 1], ['masked', 'earlier'])).toBe(1);
  });
});

describe('diverging colours', () => {
  it('maps [−vmax, vmax] symmetrically onto [0, 1]; 0 and empty scales sit in the middle', () => {
    expect(divergingT(0, 2)).toBe(0.5);
    expect(divergingT(2, 2)).toBe(1);
    expect(divergingT(-2, 2)).toBe(0);
    expect(divergingT(1, 2) + divergingT(-1, 2)).toBe(1);
    expect(divergingT(5, 0)).toBe(0.5);
    expect(divergingT(Number.NaN, 1)).toBe(0.5);
  });

  it('is RdBu with red for positive and blue for negative', () => {
    const lut = divergingLut();
    expect(Array.from(lut.rgb.subarray(0, 3))).toEqual(parseColor(interpolateRdBu(1)));
    const [r, , b] = parseColor(divergingColor(1, 1));
    expect(r).toBeGreaterThan(b);
    const [r2, , b2] = parseColor(divergingColor(-1, 1));
    expect(b2).toBeGreaterThan(r2);
    const [r0, g0, b0] = parseColor(divergingColor(0, 1));
    expect(Math.min(r0, g0, b0)).toBeGreaterThan(230);
  });

  it('writes weights in black or white with at least WCAG AA contrast (4.5) on every colour', () => {
    const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const lut = divergingLut();
    for (let i = 0; i < lut.size; i++) {
      const rgb: [number, number, number] = [
        lut.rgb[3 * i],
        lut.rgb[3 * i + 1],
        lut.rgb[3 * i + 2],
      ];
      const text = textColorOn(rgb) === '#000000' ? 0 : 1;
      expect(contrast(relativeLuminance(rgb), text)).toBeGreaterThanOrEqual(4.5);
    }
    // Greys across the switch point, too.
    for (let v = 0; v <= 255; v++) {
      const text = textColorOn([v, v, v]) === '#000000' ? 0 : 1;
      expect(contrast(relativeLuminance([v, v, v]), text)).toBeGreaterThanOrEqual(4.5);
    }
    expect(weightColors(1, 1).color).toBe('#ffffff');
    expect(weightColors(0, 1).color).toBe('#000000');
  });

  it('formats weights with a true minus and no negative zero', () => {
    expect(formatWeight(0.123)).toBe('0.12');
    expect(formatWeight(-0.5)).toBe('−0.50');
    expect(formatWeight(-0.001)).toBe('0.00');
  });
});
