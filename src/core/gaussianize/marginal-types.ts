/**
 * The shared shape of a fitted 1-D marginal distribution (an estimate of one coordinate's
 * CDF F and density f = F′) and the options that choose the estimator.
 */
import { bisectLeft, bisectRight } from 'd3-array';

/** 'empirical': interpolated empirical CDF; 'kernel': smooth logistic-kernel CDF. */
export type MarginalKind = 'empirical' | 'kernel';

export interface MarginalOptions {
  kind: MarginalKind;
  /** Multiplies the RBIG bandwidth h = std·(4√π / (π⁴N))^{1/5} (kernel only). Default 0.4. */
  bandwidthFactor?: number;
  /** Most kernel anchors K (evenly spaced data ranks). Default 256. */
  maxAnchors?: number;
}

/**
 * A continuous, strictly increasing CDF on all of ℝ with its exact density. Both tails are
 * computed directly (cdf for the lower, survival for the upper) so that Φ⁻¹(F(x)) keeps its
 * precision far from the data, and the inverses are accurate to about 1e−12 relative.
 */
export interface MarginalCdf {
  readonly kind: MarginalKind;
  /** Logistic kernel scale h, or null for the empirical CDF. */
  readonly bandwidth: number | null;
  /** Writes [F(x), 1 − F(x), log f(x)] into out[0…2] in one pass (what the layers use). */
  evaluate(x: number, out: Float64Array): void;
  /** F(x) = P(X ≤ x). */
  cdf(x: number): number;
  /** 1 − F(x), accurate where F(x) is close to 1. */
  survival(x: number): number;
  /** f(x) = F′(x). */
  pdf(x: number): number;
  /** log f(x), the marginal's term in a change-of-variables log-determinant. */
  logPdf(x: number): number;
  /** F⁻¹(u) for u ∈ (0, 1); −∞ at 0 and +∞ at 1. */
  inverseCdf(u: number): number;
  /** The x with 1 − F(x) = s, for s ∈ (0, 1): precise for tiny s (the upper tail). */
  inverseSurvival(s: number): number;
}

/** Ascending float64 copy of some values; throws on an empty or non-finite input. */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  if (values.length === 0) throw new Error('A marginal CDF needs at least one value.');
  const sorted = Float64Array.from(values);
  for (let i = 0; i < sorted.length; i++) {
    if (!Number.isFinite(sorted[i])) throw new Error(`Value ${i} is not finite: ${sorted[i]}`);
  }
  return sorted.sort();
}

/** Index of the first element of the ascending array that is > x (0…length): d3's bisectRight. */
export function upperBound(sorted: ArrayLike<number>, x: number): number {
  return bisectRight(sorted, x);
}

/** Index of the first element of the ascending array that is ≥ x (0…length): d3's bisectLeft. */
export function lowerBound(sorted: ArrayLike<number>, x: number): number {
  return bisectLeft(sorted, x);
}
