import { describe, expect, it } from 'vitest';
import { IDLE_GRID, LIVE_GRID, labGridCells } from '../../../../src/compute/lab/grid';

describe('labGridCells', () => {
  it('keeps the default grids (128 idle, 64 live) unless valid sizes are asked for', () => {
    expect(labGridCells()).toEqual({ idle: IDLE_GRID, live: LIVE_GRID });
    expect(labGridCells(null)).toEqual({ idle: 128, live: 64 });
    expect(labGridCells({ idle: 8, live: 4 })).toEqual({ idle: 8, live: 4 });
  });

  it('ignores sizes that are not integers from 2 to 128', () => {
    for (const bad of [0, 1, 1.5, 129, Number.NaN, -4]) {
      expect(labGridCells({ idle: bad, live: bad })).toEqual({ idle: 128, live: 64 });
    }
  });
});
