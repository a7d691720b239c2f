import { describe, expect, it } from 'vitest';
import { decodeDensityPreview, encodeDensityPreview, previewFileName } from '../../../../src/core/flow/density-preview';

const grid = { x0: -2, x1: 2, y0: -1, y1: 3, nx: 8, ny: 4 };

describe('density preview', () => {
  it('round-trips a density within half a level of its maximum, keeping the maximum exact', () => {
    // A Gaussian bump on the grid, with −∞ and NaN cells.
    const logDensity = Float32Array.from({ length: 32 }, (_, k) => -0.5 * ((k % 8) - 3.5) ** 2 - 0.3 * Math.floor(k / 8) - 1.7);
    logDensity[5] = -Infinity;
    logDensity[6] = Number.NaN;
    const doc = JSON.parse(JSON.stringify(encodeDensityPreview(logDensity, grid)));
    const back = decodeDensityPreview(doc);
    expect(back.grid).toEqual(grid);
    const max = Math.max(...Array.from(logDensity).filter(Number.isFinite));
    expect(doc.maxLogDensity).toBeCloseTo(max, 6);
    const pMax = Math.exp(max);
    logDensity.forEach((v, k) => {
      const p = Number.isFinite(v) ? Math.exp(v) : 0;
      const q = Number.isFinite(back.logDensity[k]) ? Math.exp(back.logDensity[k]) : 0;
      expect(Math.abs(p - q)).toBeLessThanOrEqual((0.5 / 255) * pMax + 1e-9);
    });
    expect(Math.max(...back.logDensity)).toBeCloseTo(max, 6);
    expect(back.logDensity[5]).toBe(-Infinity);
    expect(back.logDensity[6]).toBe(-Infinity);
  });

  it('names the problem in a malformed document', () => {
    const good = encodeDensityPreview(new Float32Array(32).fill(-1), grid);
    expect(() => decodeDensityPreview(null)).toThrow(/flowlab-density-preview/);
    expect(() => decodeDensityPreview({ ...good, format: 'x' })).toThrow(/flowlab-density-preview/);
    expect(() => decodeDensityPreview({ ...good, grid: { ...grid, nx: 1 } })).toThrow(/grid/);
    expect(() => decodeDensityPreview({ ...good, grid: { ...grid, x1: -3 } })).toThrow(/grid/);
    expect(() => decodeDensityPreview({ ...good, maxLogDensity: 'big' })).toThrow(/maxLogDensity/);
    expect(() => decodeDensityPreview({ ...good, levels: 'AAAA' })).toThrow(/3 levels for 8×4/);
    expect(() => decodeDensityPreview({ ...good, levels: '!!' })).toThrow(/invalid characters/);
    expect(() => encodeDensityPreview(new Float32Array(32).fill(-Infinity), grid)).toThrow(/no finite/);
    expect(() => encodeDensityPreview(new Float32Array(3), grid)).toThrow(/expected 32/);
  });

  it('sits beside its preset', () => {
    expect(previewFileName('moons', 'maf')).toBe('moons-maf.preview.json');
  });
});
