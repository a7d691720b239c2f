/**
 * The standard normal distribution N(0, 1) in float64: density, CDF Φ, log Φ and the
 * quantile Φ⁻¹, careful in both tails (other modules import these; keep them exact).
 *
 *   φ(x) = e^{−x²/2} / √(2π),   Φ(x) = ½ erfc(−x/√2),   Φ⁻¹: (0, 1) → ℝ
 */
import { erfc, erfcx } from './erf';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** log φ(x) = −x²/2 − ½ ln 2π. */
export function normalLogPdf(x: number): number {
  return -0.5 * x * x - LOG_SQRT_2PI;
}

/** φ(x) = e^{−x²/2} / √(2π). */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/** Φ(x) = P(Z ≤ x), with full relative accuracy in the left tail (Φ(−37) ≈ 5.7e−300). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** log Φ(x), finite for every finite x: uses erfcx when Φ(x) would underflow. */
export function normalLogCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < -1) {
    const t = -x / Math.SQRT2;
    // Φ(x) = ½ e^{−t²} erfcx(t)
    return Math.log(0.5 * erfcx(t)) - t * t;
  }
  return Math.log1p(-0.5 * erfc(x / Math.SQRT2));
}

/**
 * Wichura's AS 241 (PPND16), Applied Statistics 37 (1988) 477–484: Φ⁻¹ by three rational
 * approximations with about 16 significant digits. Coefficients are listed from the
 * constant term up (for `hornerAscending`).
 */
const CENTRAL_NUM = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const CENTRAL_DEN = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
];
const NEAR_TAIL_NUM = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const NEAR_TAIL_DEN = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008,
  0.015198666563616457, 0.0005475938084995345, 1.0507500716444169e-9,
];
const FAR_TAIL_NUM = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487,
  0.026532189526576124, 0.0012426609473880784, 2.7115555687434876e-5, 2.0103343992922881e-7,
];
const FAR_TAIL_DEN = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  1.8463183175100548e-5, 1.421511758316446e-7, 2.0442631033899397e-15,
];

function hornerAscending(coefficients: readonly number[], z: number): number {
  let value = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) value = value * z + coefficients[i];
  return value;
}

/** AS 241 for p ≤ ½ (returns x ≤ 0). */
function quantileLowerHalf(p: number): number {
  const q = p - 0.5;
  if (q >= -0.425) {
    const r = 0.180625 - q * q;
    return (q * hornerAscending(CENTRAL_NUM, r)) / hornerAscending(CENTRAL_DEN, r);
  }
  const r = Math.sqrt(-Math.log(p));
  if (r <= 5) {
    const s = r - 1.6;
    return -hornerAscending(NEAR_TAIL_NUM, s) / hornerAscending(NEAR_TAIL_DEN, s);
  }
  const s = r - 5;
  return -hornerAscending(FAR_TAIL_NUM, s) / hornerAscending(FAR_TAIL_DEN, s);
}

/**
 * Φ⁻¹(p): AS 241, then one Halley step on Φ(x) − p. For p > ½ it uses Φ⁻¹(p) = −Φ⁻¹(1 − p)
 * (1 − p is exact there), so both tails are computed where Φ has full relative accuracy.
 * Φ⁻¹(0) = −∞, Φ⁻¹(1) = +∞, NaN outside [0, 1].
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p > 0.5) return -normalQuantile(1 - p);
  let x = quantileLowerHalf(p);
  // Halley: with e = Φ(x) − p and u = e/φ(x), x ← x − u / (1 + x·u/2).
  const error = normalCdf(x) - p;
  const u = error * SQRT_2PI * Math.exp(0.5 * x * x);
  if (Number.isFinite(u)) x -= u / (1 + 0.5 * x * u);
  return x;
}
