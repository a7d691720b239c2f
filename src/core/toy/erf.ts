/**
 * The complementary error function in float64, after W. J. Cody, "Rational Chebyshev
 * approximations for the error function", Math. Comp. 23 (1969) 631–638.
 *
 *   erfc(x) = 1 − erf(x) = (2/√π) ∫ₓ^∞ e^{−t²} dt,     erfcx(x) = e^{x²} · erfc(x)
 *
 * Three near-minimax rational approximations on |x| ≤ 0.46875, 0.46875 < |x| ≤ 4 and |x| > 4
 * give about 16 significant digits, including the far tail, where 1 − erf(x) would lose all
 * of them. e^{−x²} is evaluated as e^{−s²}·e^{−(x−s)(x+s)} with s = x rounded down to 1/16,
 * so that squaring x does not amplify its rounding error in the exponent.
 */

/** Coefficients are listed from the highest power down (for `hornerDescending`). */
const ERF_SMALL_NUM = [
  0.18577770618460315, 3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694,
];
const ERF_SMALL_DEN = [
  1, 23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171,
];
const ERFCX_MID_NUM = [
  2.1531153547440383e-8, 0.5641884969886701, 8.883149794388377, 66.11919063714163,
  298.6351381974001, 881.952221241769, 1712.0476126340707, 2051.0783778260716, 1230.3393547979972,
];
const ERFCX_MID_DEN = [
  1, 15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903,
  3290.7992357334597, 4362.619090143247, 3439.3676741437216, 1230.3393548037495,
];
const ERFCX_TAIL_NUM = [
  0.016315387137302097, 0.30532663496123236, 0.36034489994980445, 0.12578172611122926,
  0.016083785148742275, 0.0006587491615298378,
];
const ERFCX_TAIL_DEN = [
  1, 2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132,
  0.0023352049762686918,
];
const INV_SQRT_PI = 0.5641895835477563;

function hornerDescending(coefficients: readonly number[], z: number): number {
  let value = 0;
  for (const c of coefficients) value = value * z + c;
  return value;
}

/** e^{−y²} for y ≥ 0, with y split at a multiple of 1/16 to keep the exponent exact. */
function expMinusSquare(y: number): number {
  const s = Math.trunc(y * 16) / 16;
  return Math.exp(-s * s) * Math.exp(-(y - s) * (y + s));
}

/** erf(x) for |x| ≤ 0.46875. */
function erfSmall(x: number): number {
  const z = x * x;
  return (x * hornerDescending(ERF_SMALL_NUM, z)) / hornerDescending(ERF_SMALL_DEN, z);
}

/** e^{y²}·erfc(y) for y > 0.46875. */
function erfcxLarge(y: number): number {
  if (y <= 4) return hornerDescending(ERFCX_MID_NUM, y) / hornerDescending(ERFCX_MID_DEN, y);
  const z = 1 / (y * y);
  const correction =
    (z * hornerDescending(ERFCX_TAIL_NUM, z)) / hornerDescending(ERFCX_TAIL_DEN, z);
  return (INV_SQRT_PI - correction) / y;
}

/** The error function erf(x) = (2/√π) ∫₀ˣ e^{−t²} dt. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  if (y <= 0.46875) return erfSmall(x);
  const tail = y >= 27 ? 0 : expMinusSquare(y) * erfcxLarge(y);
  return x > 0 ? 0.5 - tail + 0.5 : -(0.5 - tail + 0.5);
}

/** erfc(x) = 1 − erf(x), accurate in the right tail (erfc(26) ≈ 5.7e−296). */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  if (y <= 0.46875) return 1 - erfSmall(x);
  const tail = y >= 27 ? 0 : expMinusSquare(y) * erfcxLarge(y);
  return x > 0 ? tail : 2 - tail;
}

/**
 * The scaled complement erfcx(x) = e^{x²}·erfc(x) ≈ 1/(x√π) for large x, finite wherever
 * erfc underflows; lets log Φ(x) be computed for very negative x.
 */
export function erfcx(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  let scaledTail: number;
  if (y <= 0.46875) scaledTail = Math.exp(y * y) * (1 - erfSmall(y));
  else if (y >= 6.71e7) scaledTail = INV_SQRT_PI / y;
  else scaledTail = erfcxLarge(y);
  if (x >= 0) return scaledTail;
  // erfcx(−y) = 2e^{y²} − erfcx(y)
  if (y > 26.6) return Number.POSITIVE_INFINITY;
  const s = Math.trunc(y * 16) / 16;
  const expSquare = Math.exp(s * s) * Math.exp((y - s) * (y + s));
  return 2 * expSquare - scaledTail;
}
