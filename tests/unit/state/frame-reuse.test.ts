import { describe, expect, it } from 'vitest';
import type { LabFrame } from '../../../src/compute/lab/protocol';
import { reuseUnchanged, sameValues } from '../../../src/state/frame-reuse';

const grid = { x0: -1, x1: 1, y0: -1, y1: 1, nx: 2, ny: 2 };

function frame(logDensity: number[], trueLog: number[] | null, data: number[]): LabFrame {
  return {
    grid: { ...grid },
    logDensity: Float32Array.from(logDensity),
    trueLogDensity: trueLog && Float32Array.from(trueLog),
    dataSamples: Float32Array.from(data),
  } as unknown as LabFrame;
}

describe('frame reuse', () => {
  it('compares values, NaN equal to NaN', () => {
    expect(sameValues([1, NaN], Float32Array.from([1, NaN]))).toBe(true);
    expect(sameValues([1, 2], [1, 3])).toBe(false);
    expect(sameValues([1], [1, 1])).toBe(false);
    expect(sameValues(null, [1])).toBe(false);
    expect(sameValues(null, null)).toBe(true);
  });

  it('keeps the previous objects for what did not change and takes the new ones for what did', () => {
    const first = frame([0, 1, 2, 3], [-1, -2, -Infinity, NaN], [0.5, 0.5]);
    const second = frame([9, 9, 9, 9], [-1, -2, -Infinity, NaN], [0.5, 0.5]);
    const merged = reuseUnchanged(first, second);
    expect(merged.grid).toBe(first.grid);
    expect(merged.trueLogDensity).toBe(first.trueLogDensity);
    expect(merged.dataSamples).toBe(first.dataSamples);
    expect(merged.logDensity).toBe(second.logDensity);
    const third = frame([9, 9, 9, 9], [-1, -2, -3, NaN], [0.25, 0.5]);
    third.grid.nx = 3;
    const next = reuseUnchanged(merged, third);
    expect(next.grid).toBe(third.grid);
    expect(next.trueLogDensity).toBe(third.trueLogDensity);
    expect(next.dataSamples).toBe(third.dataSamples);
    expect(reuseUnchanged(null, first)).toBe(first);
  });
});
