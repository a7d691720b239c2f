/**
 * Randomised quasi-Monte Carlo noise for the student's KL(s‖t) step: a randomly shifted rank-1
 * lattice mapped through Φ⁻¹, in place of n independent draws of z ~ N(0, I).
 *
 *   u_j = frac(j·g / n + Δ),   j = 0 … n − 1,   g = (1, a, a², …, a^{D−1}) mod n,   Δ ~ U[0, 1)^D
 *   z_j = (Φ⁻¹(u_j1), …, Φ⁻¹(u_jD))
 *
 * Unbiased: for each j, u_j is uniform on [0, 1)^D (a uniform shift of a fixed point, mod 1), so
 * each z_j is N(0, I) and the batch mean of any f(z_j) has expectation E[f(z)], as with
 * independent draws. The points are not independent of each other: they fill the square evenly
 * (each coordinate takes each of the n strata [k/n, (k+1)/n) exactly once when gcd(a, n) = 1),
 * so for a smooth f the batch mean varies far less between steps (error O(n^{−1} log n) against
 * O(n^{−1/2}) for a rank-1 lattice in 2-D; Cranley & Patterson 1976, L'Ecuyer & Lemieux 2000).
 * The generator a (Korobov's form) maximises the shortest distance between lattice points on
 * the torus, so no two points crowd together.
 */
import type { Rng } from '../types';
import { normalQuantile } from '../toy/normal';

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Squared shortest torus distance between two points of the lattice {frac(j·g/n)}. */
function shortestSquared(n: number, g: readonly number[], best: number): number {
  let shortest = Number.POSITIVE_INFINITY;
  for (let j = 1; j < n; j++) {
    let d2 = 0;
    for (const gd of g) {
      const f = ((j * gd) % n) / n;
      const c = Math.min(f, 1 - f);
      d2 += c * c;
      if (d2 >= shortest) break;
    }
    if (d2 < shortest) {
      shortest = d2;
      if (shortest <= best) return shortest; // cannot beat the best generator found so far
    }
  }
  return shortest;
}

const cache = new Map<string, number[]>();

/** The Korobov generator g = (1, a, …, a^{D−1}) mod n whose lattice has the longest shortest distance. */
export function latticeGenerator(n: number, dim: number): number[] {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(dim) || dim < 1) throw new Error(`a lattice needs n ≥ 1 and D ≥ 1, not n = ${n}, D = ${dim}`);
  const key = `${n}:${dim}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const powers = (a: number): number[] => {
    const g = [1];
    for (let d = 1; d < dim; d++) g.push((g[d - 1] * a) % n);
    return g;
  };
  let best = powers(1);
  let bestDistance = n > 1 ? shortestSquared(n, best, -1) : 0;
  for (let a = 2; a <= n >> 1; a++) {
    if (gcd(a, n) !== 1) continue;
    const g = powers(a);
    const d = shortestSquared(n, g, bestDistance);
    if (d > bestDistance) {
      best = g;
      bestDistance = d;
    }
  }
  cache.set(key, best);
  return best;
}

/** Smallest uniform offset: keeps every u_j strictly inside (0, 1), so Φ⁻¹ stays finite. */
const HALF_ULP_32 = 2 ** -33;

/** The shifted lattice u_j = frac(j·g/n + Δ_d) in [0, 1)^D, row-major [n·D] float64. */
export function shiftedLattice(n: number, dim: number, shift: readonly number[]): Float64Array {
  const g = latticeGenerator(n, dim);
  const u = new Float64Array(n * dim);
  for (let j = 0; j < n; j++)
    for (let d = 0; d < dim; d++) {
      const v = ((j * g[d]) % n) / n + shift[d];
      u[j * dim + d] = v - Math.floor(v);
    }
  return u;
}

/** n points z_j = Φ⁻¹(u_j) of a randomly shifted lattice (above), row-major [n·D] float32; one Δ per call. */
export function latticeNormals(n: number, dim: number, rng: Rng): Float32Array {
  // rng.uniform() is a multiple of 2^−32 in [0, 1); adding 2^−33 keeps Δ off every multiple of
  // 1/n (n ≤ 2^32), so no u_j is exactly 0 and every z_j is finite.
  const shift = Array.from({ length: dim }, () => rng.uniform() + HALF_ULP_32);
  const u = shiftedLattice(n, dim, shift);
  const z = new Float32Array(n * dim);
  for (let k = 0; k < z.length; k++) z[k] = normalQuantile(u[k]);
  return z;
}
