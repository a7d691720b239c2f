/**
 * The monotone rational-quadratic spline of core/flow/spline.ts in tfjs, for m independent
 * scalars at once (one row each), differentiable by autodiff with respect to the inputs and
 * the raw parameters. The float64 reference is the specification; tests compare the two.
 *
 * Shapes: t [m, 1], raw [m, 3K − 1] → value [m, 1], logDerivative [m, 1].
 * The bin of each row is found without a search: with the K − 1 interior knots c_1..c_{K−1},
 *   g_k = [t ≥ c_k]  (g_0 = 1, g_K = 0),   onehot_k = g_k − g_{k+1},   k = 0..K−1,
 * and a bin's quantities are picked as Σ_k onehot_k·q_k (comparisons carry no gradient).
 * Knots are cumulative sums of the bin sizes, done as one product with the constant
 * triangle T [K, K+1], T[j][k] = [j < k]: knots = −B + sizes·T. Only ops with kernels on
 * every backend here (no gather, cumsum or searchsorted).
 * Rows outside [−B, B] take the identity (a 0/1 blend); their spline branch is evaluated at
 * the input clamped into [−B, B], so it stays finite and its zero weight cannot make a NaN.
 */
import { tf } from '../tf';
import { SPLINE_DERIVATIVE_SHIFT, SPLINE_MIN_BIN, SPLINE_MIN_DERIVATIVE } from '../../core/flow/spline';
import { matMul } from './matmul';

export interface TfScalarMap {
  /** [m, 1] */
  value: tf.Tensor2D;
  /** log |d value / d input| per row, [m, 1]. */
  logDerivative: tf.Tensor2D;
}

/** T [K, K+1] with T[j][k] = 1 when j < k: sizes·T = the cumulative sums 0, s_0, s_0+s_1, … */
function triangle(K: number): tf.Tensor2D {
  const t = new Float32Array(K * (K + 1));
  for (let j = 0; j < K; j++) for (let k = j + 1; k <= K; k++) t[j * (K + 1) + k] = 1;
  return tf.tensor2d(t, [K, K + 1]);
}

/** Bin sizes 2B·(m_b + (1 − K·m_b)·softmax(u)) [m, K]. */
function binSizes(u: tf.Tensor2D, K: number, bound: number): tf.Tensor2D {
  return tf.mul(tf.add(tf.mul(tf.softmax(u), 1 - K * SPLINE_MIN_BIN), SPLINE_MIN_BIN), 2 * bound);
}

/** Σ_k onehot_k·q_k per row: [m, K] × [m, K] → [m, 1]. */
const pick = (onehot: tf.Tensor2D, q: tf.Tensor2D) => tf.sum(tf.mul(onehot, q), 1, true) as tf.Tensor2D;

interface Bin {
  xk: tf.Tensor2D;
  yk: tf.Tensor2D;
  w: tf.Tensor2D;
  h: tf.Tensor2D;
  s: tf.Tensor2D;
  dk: tf.Tensor2D;
  dk1: tf.Tensor2D;
}

/** The bin quantities of each row, the bin found by t on the x knots (forward) or y knots (inverse). */
function locate(t: tf.Tensor2D, raw: tf.Tensor2D, K: number, bound: number, onY: boolean): Bin {
  const m = raw.shape[0];
  const [uw, uh, ud] = tf.split(raw, [K, K, K - 1], 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
  const widths = binSizes(uw, K, bound);
  const heights = binSizes(uh, K, bound);
  const tri = triangle(K);
  const xKnots = tf.sub(matMul(widths, tri), bound) as tf.Tensor2D; // [m, K+1]
  const yKnots = tf.sub(matMul(heights, tri), bound) as tf.Tensor2D;
  const ones = tf.ones([m, 1]);
  // δ_0 = δ_K = 1 (linear tails), interior δ_k = m_d + softplus(u_k + c).
  const inner = tf.add(tf.softplus(tf.add(ud, SPLINE_DERIVATIVE_SHIFT)), SPLINE_MIN_DERIVATIVE);
  const derivs = tf.concat([ones, inner, ones], 1) as tf.Tensor2D; // [m, K+1]
  const knots = onY ? yKnots : xKnots;
  const interior = tf.slice(knots, [0, 1], [m, K - 1]);
  const ge = tf.cast(tf.greaterEqual(t, interior), 'float32') as tf.Tensor2D; // [m, K−1]
  const onehot = tf.sub(tf.concat([ones, ge], 1), tf.concat([ge, tf.zeros([m, 1])], 1)) as tf.Tensor2D;
  const first = (q: tf.Tensor2D) => tf.slice(q, [0, 0], [m, K]) as tf.Tensor2D;
  const w = pick(onehot, widths);
  const h = pick(onehot, heights);
  return {
    xk: pick(onehot, first(xKnots)),
    yk: pick(onehot, first(yKnots)),
    w,
    h,
    s: tf.div(h, w),
    dk: pick(onehot, first(derivs)),
    dk1: pick(onehot, tf.slice(derivs, [0, 1], [m, K]) as tf.Tensor2D),
  };
}

/** log s'(ξ) in a bin: log s²[δ_{k+1}ξ² + 2sξ(1−ξ) + δ_k(1−ξ)²] − 2 log[s + σξ(1−ξ)]. */
function logSlope(b: Bin, xi: tf.Tensor2D): tf.Tensor2D {
  const q = tf.mul(xi, tf.sub(1, xi));
  const sigma = tf.sub(tf.add(b.dk, b.dk1), tf.mul(b.s, 2));
  const denom = tf.add(b.s, tf.mul(sigma, q));
  const oneMinus = tf.sub(1, xi);
  const bracket = tf.add(tf.add(tf.mul(b.dk1, tf.square(xi)), tf.mul(tf.mul(b.s, 2), q)), tf.mul(b.dk, tf.square(oneMinus)));
  return tf.sub(tf.log(tf.mul(tf.square(b.s), bracket)), tf.mul(tf.log(denom), 2)) as tf.Tensor2D;
}

/** 1 where |t| < B, else 0, [m, 1]: a step (zero gradient; comparisons other than ≥ have no gradient in tfjs). */
const insideBound = (t: tf.Tensor2D, bound: number) => tf.step(tf.sub(bound, tf.abs(t))) as tf.Tensor2D;

/** inside·spline + (1 − inside)·identity, and the log-derivative inside·ℓ (0 on the tails). */
function blend(inside: tf.Tensor2D, spline: tf.Tensor2D, identity: tf.Tensor2D, logDerivative: tf.Tensor2D): TfScalarMap {
  return {
    value: tf.add(tf.mul(inside, spline), tf.mul(tf.sub(1, inside), identity)) as tf.Tensor2D,
    logDerivative: tf.mul(inside, logDerivative) as tf.Tensor2D,
  };
}

/** y = s(x) per row with log s'(x); identity outside [−B, B]. x [m, 1], raw [m, 3K − 1]. */
export function splineForwardTf(x: tf.Tensor2D, raw: tf.Tensor2D, bins: number, bound: number): TfScalarMap {
  const xc = tf.clipByValue(x, -bound, bound) as tf.Tensor2D;
  const b = locate(xc, raw, bins, bound, false);
  const xi = tf.div(tf.sub(xc, b.xk), b.w) as tf.Tensor2D;
  const q = tf.mul(xi, tf.sub(1, xi));
  const sigma = tf.sub(tf.add(b.dk, b.dk1), tf.mul(b.s, 2));
  const numer = tf.add(tf.mul(b.s, tf.square(xi)), tf.mul(b.dk, q));
  const y = tf.add(b.yk, tf.div(tf.mul(b.h, numer), tf.add(b.s, tf.mul(sigma, q))));
  return blend(insideBound(x, bound), y as tf.Tensor2D, x, logSlope(b, xi));
}

/** x = s⁻¹(y) per row with log |dx/dy| = −log s'(x); identity outside [−B, B]. */
export function splineInverseTf(y: tf.Tensor2D, raw: tf.Tensor2D, bins: number, bound: number): TfScalarMap {
  const yc = tf.clipByValue(y, -bound, bound) as tf.Tensor2D;
  const b = locate(yc, raw, bins, bound, true);
  const delta = tf.sub(yc, b.yk);
  const sigma = tf.sub(tf.add(b.dk, b.dk1), tf.mul(b.s, 2));
  const ds = tf.mul(delta, sigma);
  const a = tf.add(tf.mul(b.h, tf.sub(b.s, b.dk)), ds);
  const bq = tf.sub(tf.mul(b.h, b.dk), ds);
  const c = tf.neg(tf.mul(b.s, delta));
  // ξ = 2c / (−b − √(b² − 4ac)); the floor keeps √'s gradient finite if rounding makes it ≤ 0.
  const disc = tf.maximum(tf.sub(tf.square(bq), tf.mul(tf.mul(a, c), 4)), 1e-20);
  const xi = tf.div(tf.mul(c, 2), tf.sub(tf.neg(bq), tf.sqrt(disc))) as tf.Tensor2D;
  const x = tf.add(b.xk, tf.mul(xi, b.w));
  return blend(insideBound(y, bound), x as tf.Tensor2D, y, tf.neg(logSlope(b, xi)) as tf.Tensor2D);
}
