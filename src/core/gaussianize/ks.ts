/** Kolmogorov–Smirnov distances of a sample to a continuous CDF. */
import { normalCdf } from '../toy/normal';

/**
 * D = sup_t |F̂_n(t) − F(t)| for the sample's empirical CDF F̂_n:
 * max over the sorted sample of max(i/n − F(x_(i)), F(x_(i)) − (i − 1)/n).
 */
export function ksDistance(sample: ArrayLike<number>, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(sample).sort();
  const n = sorted.length;
  let distance = 0;
  for (let i = 0; i < n; i++) {
    const value = cdf(sorted[i]);
    distance = Math.max(distance, (i + 1) / n - value, value - i / n);
  }
  return distance;
}

/** KS distance of a sample to N(0, 1). */
export function ksDistanceToNormal(sample: ArrayLike<number>): number {
  return ksDistance(sample, normalCdf);
}
