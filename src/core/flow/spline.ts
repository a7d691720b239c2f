/**
 * Monotone rational-quadratic spline (Durkan et al. 2019, "Neural Spline Flows"), float64.
 * The tfjs engine (compute/flow/tf-spline.ts) is tested against it.
 *
 * One scalar map s: ℝ → ℝ with K bins on [−B, B] and the identity outside (linear tails).
 * Knots (x_k, y_k), k = 0..K, with x_0 = y_0 = −B and x_K = y_K = B, and derivatives δ_k > 0
 * at the knots (δ_0 = δ_K = 1, so s is C¹ where it meets the tails).
 *
 * Raw parameters per variable, P = 3K − 1 numbers: [u^w_0..u^w_{K−1}, u^h_0..u^h_{K−1},
 * u^d_1..u^d_{K−1}], mapped to
 *   bin widths   w_k = 2B·(m_b + (1 − K·m_b)·softmax(u^w)_k)       (each ≥ 2B·m_b)
 *   bin heights  h_k = 2B·(m_b + (1 − K·m_b)·softmax(u^h)_k)
 *   derivatives  δ_k = m_d + softplus(u^d_k + c),  c = ln(e^{1−m_d} − 1)
 * so all-zero raw parameters give equal bins and δ ≡ 1: exactly the identity (a flow
 * initialised with small outputs starts near the identity, as the affine layers do).
 *
 * In bin k, with ξ = (x − x_k)/w_k ∈ [0, 1], s_k = h_k/w_k:
 *   y  = y_k + h_k·[s_k ξ² + δ_k ξ(1−ξ)] / [s_k + (δ_{k+1} + δ_k − 2s_k) ξ(1−ξ)]
 *   y' = s_k²·[δ_{k+1} ξ² + 2 s_k ξ(1−ξ) + δ_k (1−ξ)²] / [s_k + (δ_{k+1} + δ_k − 2s_k) ξ(1−ξ)]²
 * Inverse: with Δ = y − y_k and σ = δ_{k+1} + δ_k − 2s_k, ξ solves a ξ² + b ξ + c = 0,
 *   a = h_k(s_k − δ_k) + Δσ,  b = h_k δ_k − Δσ,  c = −s_k Δ,
 * taken in the cancellation-free form ξ = 2c / (−b − √(b² − 4ac)).
 */

/** Smallest bin width or height, as a fraction of the interval 2B. */
export const SPLINE_MIN_BIN = 1e-3;
/** Smallest knot derivative. */
export const SPLINE_MIN_DERIVATIVE = 1e-3;
/** c with m_d + softplus(c) = 1: raw derivative 0 ↦ δ = 1. */
export const SPLINE_DERIVATIVE_SHIFT = Math.log(Math.expm1(1 - SPLINE_MIN_DERIVATIVE));

/** Raw parameters per variable for K bins: K widths, K heights, K − 1 interior derivatives. */
export function splineParamCount(bins: number): number {
  return 3 * bins - 1;
}

export interface SplineKnots {
  /** x_0..x_K, increasing, x_0 = −B, x_K = B. */
  xs: Float64Array;
  /** y_0..y_K, increasing, y_0 = −B, y_K = B. */
  ys: Float64Array;
  /** δ_0..δ_K > 0, δ_0 = δ_K = 1. */
  ds: Float64Array;
}

export interface ScalarMap {
  value: number;
  /** log |ds/dx| of the map that was applied (the inverse's for splineInverse). */
  logDerivative: number;
}

const softplus = (u: number) => Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));

/** Knot positions from K raw logits: −B + 2B·cumsum(m_b + (1 − K·m_b)·softmax(u)). */
function knotsFrom(raw: ArrayLike<number>, start: number, bins: number, bound: number): Float64Array {
  let max = -Infinity;
  for (let k = 0; k < bins; k++) max = Math.max(max, raw[start + k]);
  const e = Array.from({ length: bins }, (_, k) => Math.exp(raw[start + k] - max));
  const total = e.reduce((s, v) => s + v, 0);
  const knots = new Float64Array(bins + 1);
  knots[0] = -bound;
  for (let k = 0; k < bins; k++) {
    const fraction = SPLINE_MIN_BIN + (1 - bins * SPLINE_MIN_BIN) * (e[k] / total);
    knots[k + 1] = knots[k] + 2 * bound * fraction;
  }
  knots[bins] = bound; // exact, whatever the rounding of the sum
  return knots;
}

/** The spline of one variable from its 3K − 1 raw parameters (layout above). */
export function splineKnots(raw: ArrayLike<number>, bins: number, bound: number): SplineKnots {
  if (raw.length !== splineParamCount(bins)) throw new Error(`spline needs ${splineParamCount(bins)} parameters, got ${raw.length}`);
  const ds = new Float64Array(bins + 1).fill(1);
  for (let k = 1; k < bins; k++) ds[k] = SPLINE_MIN_DERIVATIVE + softplus(raw[2 * bins + k - 1] + SPLINE_DERIVATIVE_SHIFT);
  return { xs: knotsFrom(raw, 0, bins, bound), ys: knotsFrom(raw, bins, bins, bound), ds };
}

/** The bin k with knots[k] ≤ t < knots[k+1], for t inside [knots[0], knots[K]] (last bin includes its end). */
function binOf(knots: Float64Array, t: number): number {
  let k = 0;
  while (k < knots.length - 2 && t >= knots[k + 1]) k++;
  return k;
}

/** y = s(x) and log s'(x); identity (log-derivative 0) outside [−B, B]. */
export function splineForward(x: number, knots: SplineKnots): ScalarMap {
  const { xs, ys, ds } = knots;
  const K = xs.length - 1;
  if (!(x > xs[0] && x < xs[K])) return { value: x, logDerivative: 0 };
  const k = binOf(xs, x);
  const w = xs[k + 1] - xs[k];
  const h = ys[k + 1] - ys[k];
  const s = h / w;
  const xi = (x - xs[k]) / w;
  const q = xi * (1 - xi);
  const denom = s + (ds[k + 1] + ds[k] - 2 * s) * q;
  const value = ys[k] + (h * (s * xi * xi + ds[k] * q)) / denom;
  const numer = s * s * (ds[k + 1] * xi * xi + 2 * s * q + ds[k] * (1 - xi) * (1 - xi));
  return { value, logDerivative: Math.log(numer) - 2 * Math.log(denom) };
}

/** x = s⁻¹(y) and log |dx/dy| = −log s'(x); identity outside [−B, B]. */
export function splineInverse(y: number, knots: SplineKnots): ScalarMap {
  const { xs, ys, ds } = knots;
  const K = xs.length - 1;
  if (!(y > ys[0] && y < ys[K])) return { value: y, logDerivative: 0 };
  const k = binOf(ys, y);
  const w = xs[k + 1] - xs[k];
  const h = ys[k + 1] - ys[k];
  const s = h / w;
  const delta = y - ys[k];
  const sigma = ds[k + 1] + ds[k] - 2 * s;
  const a = h * (s - ds[k]) + delta * sigma;
  const b = h * ds[k] - delta * sigma;
  const c = -s * delta;
  const xi = (2 * c) / (-b - Math.sqrt(Math.max(b * b - 4 * a * c, 0)));
  const x = xs[k] + xi * w;
  return { value: x, logDerivative: -splineForward(x, knots).logDerivative };
}
