/**
 * Root of an increasing function inside a bracket: Newton steps that stay strictly inside
 * the current bracket, bisection otherwise (the "rtsafe" safeguard). Converges
 * quadratically near a simple root and never leaves [lo, hi].
 */

/** Writes the residual r(x) and its derivative r′(x) ≥ 0 into out[0], out[1]. */
export type ResidualWithSlope = (x: number, out: Float64Array) => void;

/**
 * Solves r(x) = 0 for an increasing r with r(lo) ≤ 0 ≤ r(hi), starting from guess (moved
 * into the bracket; its midpoint when omitted). Stops when a step or the bracket is below
 * tolerance·(1 + |x|), or after maxIterations.
 */
export function solveIncreasing(
  residual: ResidualWithSlope,
  lo: number,
  hi: number,
  guess = 0.5 * (lo + hi),
  tolerance = 1e-14,
  maxIterations = 200,
): number {
  const out = new Float64Array(2);
  let x = guess > lo && guess < hi ? guess : 0.5 * (lo + hi);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    residual(x, out);
    const value = out[0];
    if (value === 0) return x;
    if (value < 0) lo = x;
    else hi = x;
    const scale = tolerance * (1 + Math.abs(x));
    if (hi - lo <= scale) return 0.5 * (lo + hi);
    let next = x - value / out[1];
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - x) <= scale) return next;
    x = next;
  }
  return x;
}
