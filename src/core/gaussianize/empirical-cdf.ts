/**
 * Empirical CDF with linear interpolation between order statistics and exponential tails.
 *
 * Knots: the distinct sorted values v_1 < … < v_m, at the mid-rank plotting positions
 * p_k = (mean rank of v_k − ½)/N (a tie block of ranks i…j sits at ((i+j)/2 − ½)/N). Between
 * knots F is linear, so f is piecewise constant. Beyond the data each tail carries the
 * remaining mass p_1 (resp. 1 − p_m) as an exponential,
 *
 *   F(x) = p_1 · exp((x − v_1)/s_L)          for x < v_1,
 *   1 − F(x) = (1 − p_m) · exp(−(x − v_m)/s_R)  for x > v_m,
 *
 * with s_L chosen so that the tail density at v_1 equals the mean density over the first
 * few knot spacings (and likewise s_R). F is therefore continuous, strictly increasing on ℝ
 * and invertible in closed form everywhere.
 */
import { sortedFinite, upperBound, type MarginalCdf } from './marginal-types';

/** The empirical CDF with its knots and tail scales (what a batched evaluator needs). */
export interface EmpiricalCdf extends MarginalCdf {
  readonly kind: 'empirical';
  /** Distinct sorted values v_k [m]. */
  readonly knotX: Float64Array;
  /** Plotting positions p_k = F(v_k) [m]. */
  readonly knotP: Float64Array;
  /** Exponential tail scales s_L, s_R. */
  readonly leftScale: number;
  readonly rightScale: number;
}

/** Knot spacings averaged to set the tail scale. */
const TAIL_SPACINGS = 8;

export function fitEmpiricalCdf(values: ArrayLike<number>): EmpiricalCdf {
  const sorted = sortedFinite(values);
  const n = sorted.length;
  const knotX: number[] = [];
  const knotP: number[] = [];
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && sorted[j + 1] === sorted[i]) j++;
    // 0-based ranks i…j → 1-based mid rank (i + j)/2 + 1, plotting position (rank − ½)/N
    knotX.push(sorted[i]);
    knotP.push(((i + j) / 2 + 0.5) / n);
    i = j + 1;
  }
  const xs = Float64Array.from(knotX);
  const ps = Float64Array.from(knotP);
  const m = xs.length;
  const first = { x: xs[0], mass: ps[0] };
  const last = { x: xs[m - 1], mass: 1 - ps[m - 1] };
  const span = Math.min(m - 1, TAIL_SPACINGS);
  // Tail mass / tail density at the edge; a single distinct value gets unit-scale tails.
  const leftScale = span > 0 ? (first.mass * (xs[span] - xs[0])) / (ps[span] - ps[0]) : 1;
  const rightScale =
    span > 0 ? (last.mass * (xs[m - 1] - xs[m - 1 - span])) / (ps[m - 1] - ps[m - 1 - span]) : 1;

  /** Segment index k with xs[k] ≤ x < xs[k+1], for xs[0] ≤ x < xs[m−1]. */
  const segment = (x: number) => upperBound(xs, x) - 1;

  const cdf = (x: number): number => {
    if (Number.isNaN(x)) return Number.NaN;
    if (x < first.x) return first.mass * Math.exp((x - first.x) / leftScale);
    if (x >= last.x) return 1 - survival(x);
    const k = segment(x);
    return ps[k] + ((ps[k + 1] - ps[k]) * (x - xs[k])) / (xs[k + 1] - xs[k]);
  };

  const survival = (x: number): number => {
    if (Number.isNaN(x)) return Number.NaN;
    if (x >= last.x) return last.mass * Math.exp(-(x - last.x) / rightScale);
    return 1 - cdf(x);
  };

  const logPdf = (x: number): number => {
    if (Number.isNaN(x)) return Number.NaN;
    if (x < first.x) return Math.log(first.mass / leftScale) + (x - first.x) / leftScale;
    if (x >= last.x) return Math.log(last.mass / rightScale) - (x - last.x) / rightScale;
    const k = segment(x);
    return Math.log((ps[k + 1] - ps[k]) / (xs[k + 1] - xs[k]));
  };

  const inverseCdf = (u: number): number => {
    if (Number.isNaN(u) || u < 0 || u > 1) return Number.NaN;
    if (u === 0) return Number.NEGATIVE_INFINITY;
    if (u < first.mass) return first.x + leftScale * Math.log(u / first.mass);
    if (u > ps[m - 1]) return last.x - rightScale * Math.log(Math.min(1, (1 - u) / last.mass));
    if (m === 1) return first.x;
    const k = Math.min(m - 2, upperBound(ps, u) - 1);
    return xs[k] + ((u - ps[k]) * (xs[k + 1] - xs[k])) / (ps[k + 1] - ps[k]);
  };

  const inverseSurvival = (s: number): number => {
    if (Number.isNaN(s) || s < 0 || s > 1) return Number.NaN;
    if (s === 0) return Number.POSITIVE_INFINITY;
    if (s < last.mass) return last.x - rightScale * Math.log(s / last.mass);
    return inverseCdf(1 - s);
  };

  return {
    kind: 'empirical',
    bandwidth: null,
    knotX: xs,
    knotP: ps,
    leftScale,
    rightScale,
    evaluate: (x, out) => {
      out[0] = cdf(x);
      out[1] = survival(x);
      out[2] = logPdf(x);
    },
    cdf,
    survival,
    pdf: (x) => Math.exp(logPdf(x)),
    logPdf,
    inverseCdf,
    inverseSurvival,
  };
}
