import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';

describe('createRng', () => {
  it('is reproducible from a seed and differs across seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(xs);
  });

  it('draws uniforms on [0,1) and standard normals with the right moments', () => {
    const rng = createRng(7);
    const n = 200_000;
    let su = 0;
    let sn = 0;
    let sn2 = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      min = Math.min(min, u);
      max = Math.max(max, u);
      su += u;
      const z = rng.normal();
      sn += z;
      sn2 += z * z;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(su / n).toBeCloseTo(0.5, 2);
    expect(sn / n).toBeCloseTo(0, 2);
    expect(sn2 / n).toBeCloseTo(1, 1);
  });

  it('int stays in range and fork gives an independent reproducible stream', () => {
    const rng = createRng(1);
    for (let i = 0; i < 1000; i++) {
      const k = rng.int(5);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThan(5);
    }
    const f1 = createRng(9).fork();
    const f2 = createRng(9).fork();
    expect(f1.normal()).toBe(f2.normal());
  });
});
