/**
 * Projection-pursuit rotation: among M candidate rotations Q, the one whose coordinates
 * y = Q x are the most non-Gaussian, i.e. that minimises Σ_i Ĥ(y_i) (k-NN entropies).
 *
 * Why this is the greedy choice for RBIG: E‖y‖² and H(y) do not depend on Q, so minimising
 * the marginal entropies maximises Σ_i KL(p_{y_i} ‖ N(0, 1)), which is exactly the amount
 * by which the next marginal Gaussianization lowers KL(p ‖ N(0, I)) (gaussianity.ts).
 *
 *   D = 2   angles θ_m = (m + U)·(π/2)/M, m = 0…M−1, U ~ U[0, 1) (the pair of coordinates
 *           repeats every quarter turn), Q = [[cos θ, sin θ], [−sin θ, cos θ]];
 *   D > 2   M Haar-random rotations.
 */
import type { Rng } from '../types';
import { knnEntropy } from './knn-entropy';
import { transformPoints } from './matrix';
import { randomOrthogonal } from './random-orthogonal';

export const DEFAULT_PURSUIT_CANDIDATES = 8;

function planeRotation(theta: number): Float64Array {
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  return Float64Array.of(c, s, -s, c);
}

/** Σ_i Ĥ(y_i) of the columns of points [n, D]. */
function sumOfMarginalEntropies(data: Float64Array, n: number, dim: number): number {
  let sum = 0;
  const values = new Float64Array(n);
  for (let d = 0; d < dim; d++) {
    for (let i = 0; i < n; i++) values[i] = data[i * dim + d];
    sum += knnEntropy(values, n, 1);
  }
  return sum;
}

/** The most non-Gaussian of M candidate rotations for points [n, D]. */
export function pursuitRotation(
  data: ArrayLike<number>,
  n: number,
  dim: number,
  rng: Rng,
  candidates = DEFAULT_PURSUIT_CANDIDATES,
): Float64Array {
  const phase = rng.uniform();
  let best: Float64Array | null = null;
  let bestEntropy = Number.POSITIVE_INFINITY;
  for (let m = 0; m < candidates; m++) {
    const q =
      dim === 2
        ? planeRotation(((m + phase) * Math.PI) / (2 * candidates))
        : randomOrthogonal(dim, rng);
    const entropy = sumOfMarginalEntropies(transformPoints(q, data, n, dim), n, dim); // y = Q x
    if (entropy < bestEntropy || best === null) {
      bestEntropy = entropy;
      best = q;
    }
  }
  return best ?? randomOrthogonal(dim, rng);
}
