/**
 * Monte-Carlo estimates with their error. A KL such as
 *   KL(s‖t) = E_{x~s}[log q_s(x) − log p_t(x)]
 * is estimated by the mean of n per-sample terms v_j; its standard error is
 *   SE = √( s² / n ),   s² = Σ_j (v_j − v̄)² / (n − 1)   (the unbiased sample variance),
 * so "v̄ ± 2·SE" is an approximate 95 % interval. The true KL is ≥ 0; an estimate below 0 is
 * only defensible when 0 lies within its error (see `consistentWithNonNegative`).
 */

export interface MeanEstimate {
  /** The sample mean v̄. */
  mean: number;
  /** Its standard error √(s²/n); NaN for fewer than two values. */
  standardError: number;
}

/** Sample mean and its standard error, in float64 (two passes: no cancellation). */
export function meanWithStandardError(values: ArrayLike<number>): MeanEstimate {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, standardError: Number.NaN };
  let sum = 0;
  for (let j = 0; j < n; j++) sum += values[j];
  const mean = sum / n;
  if (n < 2) return { mean, standardError: Number.NaN };
  let squares = 0;
  for (let j = 0; j < n; j++) squares += (values[j] - mean) ** 2;
  return { mean, standardError: Math.sqrt(squares / (n - 1) / n) };
}

/** True when an estimate of a non-negative quantity (a KL) is ≥ 0 within z standard errors. */
export function consistentWithNonNegative(estimate: MeanEstimate, z = 2): boolean {
  return estimate.mean + z * estimate.standardError >= 0;
}
