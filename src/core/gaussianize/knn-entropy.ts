/**
 * Kozachenko–Leonenko k-nearest-neighbour estimate of the differential entropy
 * H(X) = −E log p(X) of a sample x_1…x_n in ℝ^D (in nats):
 *
 *   Ĥ = ψ(n) − ψ(k) + log c_D + (D/n) Σ_i log ε_i,
 *
 * ε_i the Euclidean distance from x_i to its k-th nearest neighbour, c_D = π^{D/2}/Γ(D/2 + 1)
 * the volume of the unit ball, ψ the digamma function. Consistent for any continuous density,
 * with no binning; it follows thin structures (rings, spirals) that histograms blur.
 */

export const DEFAULT_NEIGHBOURS = 4;

const EULER_GAMMA = 0.5772156649015329;

/** ψ(m) = −γ + Σ_{j=1}^{m−1} 1/j for a positive integer m. */
export function digammaInteger(m: number): number {
  let sum = -EULER_GAMMA;
  for (let j = 1; j < m; j++) sum += 1 / j;
  return sum;
}

/** log c_D = (D/2) log π − log Γ(D/2 + 1), by Γ(x + 1) = xΓ(x) from Γ(1) = 1, Γ(½) = √π. */
export function logUnitBallVolume(dim: number): number {
  let logGamma = dim % 2 === 0 ? 0 : 0.5 * Math.log(Math.PI);
  for (let x = dim % 2 === 0 ? 1 : 0.5; x < dim / 2 + 1 - 1e-9; x += 1) logGamma += Math.log(x);
  return (dim / 2) * Math.log(Math.PI) - logGamma;
}

/** Inserts sq into the ascending list best[0…k−1], dropping the largest. */
function insertSorted(best: Float64Array, sq: number): void {
  let slot = best.length - 1;
  while (slot > 0 && best[slot - 1] > sq) {
    best[slot] = best[slot - 1];
    slot--;
  }
  best[slot] = sq;
}

/** k-th nearest-neighbour distances of 1-D values, in ascending order of the values [n]. */
function kthNeighbourDistances1D(values: ArrayLike<number>, k: number): Float64Array {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const out = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    // Merge outwards: the k nearest are a contiguous window around p in sorted order.
    let left = p - 1;
    let right = p + 1;
    let distance = 0;
    for (let taken = 0; taken < k; taken++) {
      const leftGap = left >= 0 ? sorted[p] - sorted[left] : Number.POSITIVE_INFINITY;
      const rightGap = right < n ? sorted[right] - sorted[p] : Number.POSITIVE_INFINITY;
      if (leftGap <= rightGap) {
        distance = leftGap;
        left--;
      } else {
        distance = rightGap;
        right++;
      }
    }
    out[p] = distance;
  }
  return out;
}

/**
 * Distance from each point of [n, D] to its k-th nearest neighbour [n]. Sorts by the first
 * coordinate and scans outwards until that coordinate alone is farther than the k-th best.
 */
export function kthNeighbourDistances(
  data: ArrayLike<number>,
  n: number,
  dim: number,
  k: number,
): Float64Array {
  if (n <= k) throw new Error(`Need more than k = ${k} points, got ${n}.`);
  const firstCoordinate = new Float64Array(n);
  for (let i = 0; i < n; i++) firstCoordinate[i] = data[i * dim];
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => firstCoordinate[a] - firstCoordinate[b],
  );
  // The points in sorted order, contiguous [n, D].
  const sorted = new Float64Array(n * dim);
  for (let p = 0; p < n; p++)
    for (let d = 0; d < dim; d++) sorted[p * dim + d] = data[order[p] * dim + d];
  const best = new Float64Array(k); // ascending squared distances
  const out = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    best.fill(Number.POSITIVE_INFINITY);
    const x0 = sorted[p * dim];
    for (let step = 1; ; step++) {
      let open = false;
      for (const q of [p - step, p + step]) {
        if (q < 0 || q >= n) continue;
        const gap = sorted[q * dim] - x0;
        if (gap * gap >= best[k - 1]) continue;
        open = true;
        let sq = 0;
        for (let d = 0; d < dim; d++) sq += (sorted[p * dim + d] - sorted[q * dim + d]) ** 2;
        if (sq < best[k - 1]) insertSorted(best, sq);
      }
      if (!open) break;
    }
    out[order[p]] = Math.sqrt(best[k - 1]);
  }
  return out;
}

/**
 * Ĥ of points [n, D]. Distances below 1e−9 of the mean k-NN distance (k + 1 coincident
 * points) are raised to that floor so that exact ties cannot send the estimate to −∞.
 */
export function knnEntropy(
  data: ArrayLike<number>,
  n: number,
  dim: number,
  k = DEFAULT_NEIGHBOURS,
): number {
  if (n <= k) throw new Error(`Need more than k = ${k} points, got ${n}.`);
  // Ĥ does not depend on the order of the distances, so 1-D keeps them in sorted order.
  const distances =
    dim === 1 ? kthNeighbourDistances1D(data, k) : kthNeighbourDistances(data, n, dim, k);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += distances[i] / n;
  const floor = 1e-9 * mean || Number.MIN_VALUE;
  let sumLog = 0;
  for (let i = 0; i < n; i++) sumLog += Math.log(Math.max(distances[i], floor));
  return digammaInteger(n) - digammaInteger(k) + logUnitBallVolume(dim) + (dim / n) * sumLog;
}
