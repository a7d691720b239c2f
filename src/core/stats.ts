/**
 * Small summaries of repeated measurements, float64:
 *   median: the middle value (the mean of the two middle values for an even count);
 *   mean with its Monte-Carlo standard error: m = (1/n) Σ v_j,
 *     s² = (1/(n−1)) Σ (v_j − m)²,  se = s/√n   (the standard deviation of m over fresh draws).
 */

/** The median of values (NaN for none); the input is not reordered. */
export function median(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
}

export interface MeanEstimate {
  mean: number;
  /** s/√n; NaN for fewer than two values. */
  standardError: number;
  count: number;
}

/** The sample mean and its standard error (two-pass, so large offsets do not cancel). */
export function meanWithStandardError(values: ArrayLike<number>): MeanEstimate {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, standardError: Number.NaN, count: 0 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  if (n < 2) return { mean, standardError: Number.NaN, count: n };
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
  return { mean, standardError: Math.sqrt(squares / (n - 1) / n), count: n };
}
