import { describe, expect, it } from 'vitest';
import { latticeGenerator, latticeNormals, shiftedLattice } from '../../../../src/core/flow/lattice-noise';
import { normalCdf } from '../../../../src/core/toy/normal';
import { createRng } from '../../../../src/core/rng';

/** Squared shortest torus distance of the lattice {frac(j·g/n)}, by brute force over all pairs. */
function shortestPairSquared(n: number, g: readonly number[]): number {
  const pts = Array.from({ length: n }, (_, j) => g.map((gd) => ((j * gd) % n) / n));
  let best = Infinity;
  for (let i = 0; i < n; i++)
    for (let k = i + 1; k < n; k++) {
      let d2 = 0;
      for (let d = 0; d < g.length; d++) {
        const f = Math.abs(pts[i][d] - pts[k][d]);
        d2 += Math.min(f, 1 - f) ** 2;
      }
      best = Math.min(best, d2);
    }
  return best;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

describe('shifted-lattice noise', () => {
  it('picks the Korobov generator with the longest shortest distance (brute force over every a)', () => {
    for (const [n, dim] of [[64, 2], [89, 2], [60, 3]] as const) {
      const g = latticeGenerator(n, dim);
      expect(g[0]).toBe(1);
      expect(gcd(g[1], n)).toBe(1);
      const found = shortestPairSquared(n, g);
      for (let a = 1; a < n; a++) {
        if (gcd(a, n) !== 1) continue;
        const other = Array.from({ length: dim }, (_, d) => Number((BigInt(a) ** BigInt(d)) % BigInt(n)));
        expect(shortestPairSquared(n, other)).toBeLessThanOrEqual(found + 1e-15);
      }
      // Far from the diagonal lattice a = 1 (all points on one line).
      expect(found).toBeGreaterThan(shortestPairSquared(n, Array(dim).fill(1)));
    }
  });

  it('puts exactly one point in each of the n strata of every coordinate (an even batch)', () => {
    const rng = createRng(3);
    for (const [n, dim] of [[512, 2], [256, 2], [100, 3]] as const) {
      const u = shiftedLattice(n, dim, Array.from({ length: dim }, () => rng.uniform()));
      for (let d = 0; d < dim; d++) {
        const strata = new Set<number>();
        for (let j = 0; j < n; j++) {
          expect(u[j * dim + d]).toBeGreaterThanOrEqual(0);
          expect(u[j * dim + d]).toBeLessThan(1);
          strata.add(Math.floor(u[j * dim + d] * n));
        }
        expect(strata.size).toBe(n);
      }
      // The normals are Φ⁻¹ of the same construction: finite, and Φ(z) lands in distinct strata
      // (up to float32 rounding at a stratum's edge).
      const z = latticeNormals(n, dim, rng);
      expect(z.length).toBe(n * dim);
      expect(z.every(Number.isFinite)).toBe(true);
      for (let d = 0; d < dim; d++) {
        const strata = new Set(Array.from({ length: n }, (_, j) => Math.floor(normalCdf(z[j * dim + d]) * n)));
        expect(strata.size).toBeGreaterThanOrEqual(n - 2);
      }
    }
  });

  it('is N(0, I) point by point over random shifts (unbiased), whatever the point', () => {
    const rng = createRng(11);
    const n = 64;
    const reps = 4000;
    const sums = new Float64Array(n * 2);
    const squares = new Float64Array(n * 2);
    const cross = new Float64Array(n);
    for (let r = 0; r < reps; r++) {
      const z = latticeNormals(n, 2, rng);
      for (let k = 0; k < z.length; k++) {
        sums[k] += z[k];
        squares[k] += z[k] * z[k];
      }
      for (let j = 0; j < n; j++) cross[j] += z[2 * j] * z[2 * j + 1];
    }
    // Mean 0, variance 1, no correlation between the coordinates: each within 5 standard
    // errors of the estimate over 4,000 shifts (SE of a mean 1/√4000 ≈ 0.016, of E z² √2/√4000).
    for (let k = 0; k < n * 2; k++) {
      expect(Math.abs(sums[k] / reps)).toBeLessThan(5 / Math.sqrt(reps));
      expect(Math.abs(squares[k] / reps - 1)).toBeLessThan((5 * Math.SQRT2) / Math.sqrt(reps));
    }
    for (let j = 0; j < n; j++) expect(Math.abs(cross[j] / reps)).toBeLessThan(5 / Math.sqrt(reps));
  });

  it('gives batch means of a smooth function that vary far less than independent draws do', () => {
    const f = (a: number, b: number) => Math.sin(a) + b * b + 0.5 * Math.tanh(a * b);
    const n = 512;
    const reps = 200;
    const rng = createRng(5);
    const lattice: number[] = [];
    const independent: number[] = [];
    for (let r = 0; r < reps; r++) {
      const z = latticeNormals(n, 2, rng);
      let s = 0;
      for (let j = 0; j < n; j++) s += f(z[2 * j], z[2 * j + 1]);
      lattice.push(s / n);
      let t = 0;
      for (let j = 0; j < n; j++) t += f(rng.normal(), rng.normal());
      independent.push(t / n);
    }
    const variance = (v: number[]) => {
      const m = v.reduce((a, b) => a + b, 0) / v.length;
      return v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1);
    };
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    // E f = 0 + 1 + 0 (sin and tanh(ab) are odd in a).
    expect(Math.abs(mean(lattice) - 1)).toBeLessThan(5 * Math.sqrt(variance(lattice) / reps) + 1e-6);
    expect(Math.abs(mean(independent) - 1)).toBeLessThan(5 * Math.sqrt(variance(independent) / reps));
    expect(variance(lattice)).toBeLessThan(0.1 * variance(independent));
  });

  it('rejects an empty lattice', () => {
    expect(() => latticeGenerator(0, 2)).toThrow();
    expect(() => latticeGenerator(8, 0)).toThrow();
  });
});
