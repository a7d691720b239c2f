/**
 * The standard normal in tfjs, element-wise and float32:
 *
 *   log φ(z) = −½ z² − ½ log 2π,
 *   Φ⁻¹ from both tails: given log F and log S = log(1 − F) (each computed directly, so
 *   neither loses precision where the other is close to 1),
 *
 *     central  w = −log(4FS) < 5:  z = √2 · erfinv(F − S),  erfinv(y) = y·P(w − 2.5)
 *              (Giles 2010, the single-precision polynomial: well conditioned in float32)
 *     lower    w ≥ 5, F < ½:       q = √(−2 log F),  z =  C(q)/D(q)   (Acklam's tail)
 *     upper    w ≥ 5, F > ½:       q = √(−2 log S),  z = −C(q)/D(q)
 *
 * w = 5 is |z| ≈ 2.93. Tail logs are clamped at log 1e−300, as in core's TAIL_EPSILON, so
 * |z| ≤ 37.
 */
import { tf } from '../tf';

type Tensor = tf.Tensor;

const GILES = [
  2.81022636e-8, 3.43273939e-7, -3.5233877e-6, -4.39150654e-6, 2.1858087e-4, -1.25372503e-3,
  -4.17768164e-3, 0.246640727, 1.50140941,
];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416, 1];
const LOG_4 = Math.log(4);
const LOG_TAIL_EPSILON = Math.log(1e-300);
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** Horner evaluation of Σ c_k t^{n−k} (coefficients highest power first). */
function polynomial(coefficients: number[], t: Tensor): Tensor {
  let sum: Tensor = tf.scalar(coefficients[0]);
  for (const c of coefficients.slice(1)) sum = tf.add(tf.mul(sum, t), c);
  return sum;
}

/** log φ(z), element-wise. */
export function normalLogPdfTf(z: Tensor): Tensor {
  return tf.tidy(() => tf.sub(tf.mul(tf.square(z), -0.5), HALF_LOG_2PI));
}

/** z = Φ⁻¹(F) from log F and log(1 − F) (same shape), element-wise. */
export function normalQuantileFromLogTails(logLower: Tensor, logUpper: Tensor): Tensor {
  return tf.tidy(() => {
    const lower = tf.clipByValue(logLower, LOG_TAIL_EPSILON, 0);
    const upper = tf.clipByValue(logUpper, LOG_TAIL_EPSILON, 0);
    const w = tf.neg(tf.add(tf.add(lower, upper), LOG_4));
    const central = tf.mul(
      tf.mul(tf.sub(tf.exp(lower), tf.exp(upper)), polynomial(GILES, tf.sub(w, 2.5))),
      Math.SQRT2,
    );
    const tail = (logTail: Tensor) => {
      const t = tf.sqrt(tf.mul(logTail, -2));
      return tf.div(polynomial(C, t), polynomial(D, t));
    };
    const lowerTail = tail(lower);
    const upperTail = tf.neg(tail(upper));
    const inTails = tf.greaterEqual(w, 5);
    return tf.where(inTails, tf.where(tf.less(lower, upper), lowerTail, upperTail), central);
  });
}
