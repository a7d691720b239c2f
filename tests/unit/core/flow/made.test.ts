import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import {
  connectivity,
  hiddenDegrees,
  inputDegrees,
  layerOrder,
  madeMasks,
  type MadeStructure,
} from '../../../../src/core/flow/made';

function structure(dim: number, widths: number[], seed: number, random: boolean): MadeStructure {
  const rng = createRng(seed);
  return {
    dim,
    order: layerOrder(dim, seed, random ? 'random' : 'alternate', rng),
    hiddenDegrees: hiddenDegrees(dim, widths, random ? 'random' : 'deterministic', rng),
  };
}

describe('MADE masks', () => {
  it('gives D = 2 hidden units degree 1 only', () => {
    const s = structure(2, [8, 8], 0, false);
    expect(s.hiddenDegrees.flat().every((d) => d === 1)).toBe(true);
  });

  for (const dim of [2, 3, 4, 8]) {
    for (const random of [false, true]) {
      it(`connectivity is strictly lower-triangular in the layer order (D=${dim}, random=${random})`, () => {
        for (let seed = 0; seed < 4; seed++) {
          const s = structure(dim, [16, 12], seed, random);
          const conn = connectivity(s, madeMasks(s));
          const deg = inputDegrees(s.order);
          for (let j = 0; j < dim; j++)
            for (let i = 0; i < dim; i++) {
              if (deg[j] >= deg[i]) expect(conn[j][i]).toBe(0);
            }
          // With enough hidden units every allowed dependency is realised (deterministic degrees).
          if (!random)
            for (let j = 0; j < dim; j++)
              for (let i = 0; i < dim; i++) if (deg[j] < deg[i]) expect(conn[j][i]).toBe(1);
        }
      });
    }
  }

  it('alternates natural and reversed orders and permutes randomly when asked', () => {
    const rng = createRng(3);
    expect(layerOrder(4, 0, 'alternate', rng)).toEqual([0, 1, 2, 3]);
    expect(layerOrder(4, 1, 'alternate', rng)).toEqual([3, 2, 1, 0]);
    const perm = layerOrder(6, 0, 'random', rng);
    expect([...perm].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('rejects D < 2 with a message', () => {
    expect(() => hiddenDegrees(1, [4], 'deterministic', createRng(0))).toThrow(/at least 2/);
  });
});
