import { describe, expect, it } from 'vitest';
import { dagScene, type DagSpec } from '../../../src/viz/dag';

const NATURAL = [0, 1, 2, 3];
const mafSampling = (position: number, order = NATURAL): DagSpec => ({
  dim: 4,
  order,
  reader: 'x',
  input: 'z',
  parallel: false,
  position,
});

const lit = (spec: DagSpec, side: 'x' | 'z') =>
  dagScene(spec)
    .nodes.filter((n) => n.side === side)
    .map((n) => n.lit);
const edgeState = (spec: DagSpec, id: string) =>
  dagScene(spec).edges.find((e) => e.id === id)?.state;

describe('dependency graph scene', () => {
  it('MAF sampling lights x one variable per pass, in the layer order', () => {
    for (const order of [NATURAL, [3, 2, 1, 0]]) {
      for (let p = 0; p <= 4; p++) {
        const expected = [0, 1, 2, 3].map((i) => order.indexOf(i) < p);
        expect(lit(mafSampling(p, order), 'x')).toEqual(expected);
        expect(lit(mafSampling(p, order), 'z')).toEqual([false, false, false, false]);
      }
    }
    const scene = dagScene(mafSampling(2));
    expect(scene.nodes.find((n) => n.id === 'x2')?.ariaLabel).toBe('x2, computed');
    expect(scene.nodes.find((n) => n.id === 'x3')?.ariaLabel).toBe('x3, not yet computed');
    expect(scene.nodes.find((n) => n.id === 'z1')?.ariaLabel).toBe('z1, given');
  });

  it('pass p reads exactly the outputs computed before it and fires one update', () => {
    const spec = mafSampling(3);
    expect([1, 2, 3, 4].map((i) => edgeState(spec, `read-x${i}`))).toEqual([
      'current',
      'current',
      'idle',
      'idle',
    ]);
    expect([1, 2, 3, 4].map((i) => edgeState(spec, `params-${i}`))).toEqual([
      'done',
      'done',
      'current',
      'idle',
    ]);
    expect(edgeState(mafSampling(0), 'read-x1')).toBe('idle');
  });

  it('a parallel pass (IAF sampling) reads every input and computes every output at once', () => {
    const iaf: DagSpec = {
      dim: 4,
      order: NATURAL,
      reader: 'z',
      input: 'z',
      parallel: true,
      position: 1,
    };
    expect(lit(iaf, 'x')).toEqual([true, true, true, true]);
    expect([1, 2, 3, 4].map((i) => edgeState(iaf, `read-z${i}`))).toEqual(Array(4).fill('current'));
    expect(lit({ ...iaf, position: 0 }, 'x')).toEqual([false, false, false, false]);
  });

  it('IAF inversion computes z from x, reading z', () => {
    const spec: DagSpec = {
      dim: 3,
      order: [0, 1, 2],
      reader: 'z',
      input: 'x',
      parallel: false,
      position: 2,
    };
    expect(lit(spec, 'z')).toEqual([true, true, false]);
    expect(lit(spec, 'x')).toEqual([false, false, false]);
    expect(edgeState(spec, 'read-z1')).toBe('current');
  });

  it('lays every node inside the view with distinct positions, and read lanes apart, for D = 2 … 8', () => {
    for (let D = 2; D <= 8; D++) {
      const order = Array.from({ length: D }, (_, i) => i);
      const scene = dagScene({
        dim: D,
        order,
        reader: 'x',
        input: 'z',
        parallel: false,
        position: 1,
      });
      const spots = new Set(scene.nodes.map((n) => `${n.x},${n.y}`));
      expect(spots.size).toBe(3 * D);
      for (const n of scene.nodes) {
        expect(n.x).toBeGreaterThan(0);
        expect(n.x).toBeLessThan(scene.width);
        expect(n.y).toBeGreaterThan(0);
        expect(n.y).toBeLessThan(scene.height);
      }
      const lanes = scene.edges
        .filter((e) => e.id.startsWith('read-'))
        .map((e) => /H([\d.]+) V/.exec(e.d)?.[1]);
      expect(new Set(lanes).size).toBe(D);
      expect(Math.max(...lanes.map(Number))).toBeLessThan(scene.width);
    }
  });
});
