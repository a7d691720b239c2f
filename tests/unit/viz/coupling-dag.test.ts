import { describe, expect, it } from 'vitest';
import { couplingSplit } from '../../../src/core/flow/coupling-config';
import { couplingDagScene, type CouplingDagSpec } from '../../../src/viz/coupling-dag';

const specOf = (dim: number, layer: number, input: 'z' | 'x', position: number): CouplingDagSpec => ({
  dim,
  ...couplingSplit(dim, layer, 'parity'),
  input,
  position,
});

const ids = (spec: CouplingDagSpec, prefix: string) =>
  couplingDagScene(spec)
    .edges.filter((e) => e.id.startsWith(prefix))
    .map((e) => Number(e.id.replace(/\D+/g, '')) - 1)
    .sort((a, b) => a - b);

describe('coupling layer dependency graph', () => {
  it('draws identity edges exactly for the pass-through half, updates exactly for the other half', () => {
    for (const dim of [2, 3, 5, 8])
      for (const layer of [0, 1]) {
        const spec = specOf(dim, layer, 'z', 0);
        expect(ids(spec, 'identity-')).toEqual(spec.pass);
        expect(ids(spec, 'affine-out-')).toEqual(spec.transformed);
        expect(ids(spec, 'params-')).toEqual(spec.transformed);
        // The network reads the pass-through half only, on the input side.
        expect(ids(spec, 'read-z')).toEqual(spec.pass);
        expect(ids(spec, 'read-x')).toEqual([]);
        const ops = couplingDagScene(spec).nodes.filter((n) => n.side === 'op').map((n) => n.index);
        expect(ops).toEqual(spec.transformed);
      }
  });

  it('one pass computes every output, in both directions', () => {
    for (const input of ['z', 'x'] as const) {
      const output = input === 'z' ? 'x' : 'z';
      const before = couplingDagScene(specOf(4, 0, input, 0));
      expect(before.nodes.filter((n) => n.side === output).every((n) => !n.lit && n.state === 'pending')).toBe(true);
      expect(before.edges.every((e) => e.state === 'idle')).toBe(true);
      const after = couplingDagScene(specOf(4, 0, input, 1));
      expect(after.nodes.filter((n) => n.side === output).every((n) => n.lit)).toBe(true);
      expect(after.nodes.filter((n) => n.side === input).every((n) => n.state === 'given')).toBe(true);
      expect(after.edges.every((e) => e.state === 'current')).toBe(true);
      expect(ids(specOf(4, 0, input, 1), `read-${input}`)).toEqual([0, 2]);
    }
  });
});
