/**
 * Smooth kernel CDF: a mixture of K logistic distributions centred on anchors a_j,
 *
 *   F(x) = (1/K) Σ_j σ((x − a_j)/h_j),   f(x) = F′(x) = (1/K) Σ_j σ′((x − a_j)/h_j) / h_j,
 *
 * σ(t) = 1/(1 + e^{−t}), σ′ = σ(1 − σ). The K = min(N, maxAnchors) anchors sit at evenly
 * spaced ranks of the data (see rankAnchors). The bandwidth is the RBIG choice
 *
 *   h = factor · std · (4√π / (π⁴ N))^{1/5},
 *
 * N the number of data values; a logistic of scale h has standard deviation πh/√3, so
 * factor 1 is Silverman's rule-of-thumb smoothing (≈ 1.07·std·N^{−1/5}). That rule
 * oversmooths multimodal and bounded data, so the default factor is 0.4 (our choice,
 * measured): on the 1-D toys (N = 5,000) the KS distance of Φ⁻¹(F(x)) to N(0, 1) is
 * 0.019–0.026 at factor 1 and about 0.01 at 0.4, and on the 2-D toys an RBIG stack of 20
 * iterations reaches the best held-out likelihood at factors 0.4–0.5. Where anchors are
 * sparser than h (the far tails of heavy-tailed data) a fixed h would leave F flat to machine
 * precision between them, and F⁻¹ ill-defined; each anchor therefore gets
 *
 *   h_j = max(h, (a_{j+1} − a_{j−1})/2)   (one-sided spacing at the ends),
 *
 * which equals h throughout the bulk. F is smooth and strictly increasing on ℝ with logistic
 * (exponential) tails.
 */
import { solveIncreasing } from './monotone-solve';
import { logisticMixture } from './logistic-mixture';
import { sortedFinite, type MarginalCdf } from './marginal-types';

/** K = 256 gives the same CDF as 512 to within 0.001 (KS) on the 1-D toys, at half the cost. */
export const DEFAULT_MAX_ANCHORS = 256;

export const DEFAULT_BANDWIDTH_FACTOR = 0.4;

const RBIG_BANDWIDTH_CONSTANT = (4 * Math.sqrt(Math.PI)) / Math.PI ** 4;

/** The RBIG bandwidth std·(4√π/(π⁴N))^{1/5}·factor (std = 1 for constant data). */
export function rbigBandwidth(std: number, n: number, factor = 1): number {
  const scale = std > 0 ? std : 1;
  return factor * scale * (RBIG_BANDWIDTH_CONSTANT / n) ** 0.2;
}

/**
 * K anchors at evenly spaced ranks of the sorted data, from the minimum to the maximum
 * (every value when K ≥ N): a_j = x_(j(N−1)/(K−1)), linear between order statistics. The
 * anchors' own CDF stays within about 1/K of the data's, and no data value lies outside
 * [a_1, a_K].
 */
export function rankAnchors(sorted: Float64Array, count: number): Float64Array {
  const n = sorted.length;
  if (count >= n) return Float64Array.from(sorted);
  if (count === 1) return Float64Array.of(sorted[(n - 1) >> 1]);
  const anchors = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    const position = (j * (n - 1)) / (count - 1);
    const below = Math.floor(position);
    const above = Math.min(n - 1, below + 1);
    const w = position - below;
    anchors[j] = (1 - w) * sorted[below] + w * sorted[above];
  }
  return anchors;
}

/** h_j = max(h, local anchor spacing), see the file comment. */
function anchorBandwidths(anchors: Float64Array, h: number): Float64Array {
  const k = anchors.length;
  const widths = new Float64Array(k).fill(h);
  if (k < 2) return widths;
  widths[0] = Math.max(h, anchors[1] - anchors[0]);
  widths[k - 1] = Math.max(h, anchors[k - 1] - anchors[k - 2]);
  for (let j = 1; j < k - 1; j++) widths[j] = Math.max(h, 0.5 * (anchors[j + 1] - anchors[j - 1]));
  return widths;
}

function standardDeviation(values: Float64Array): number {
  const n = values.length;
  if (n < 2) return 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (values[i] - mean) ** 2;
  return Math.sqrt(sum / (n - 1));
}

/** A starting point for F⁻¹(u): anchor j sits at data level ≈ j/(K − 1); interpolate. */
function anchorGuess(anchors: Float64Array, u: number): number {
  const k = anchors.length;
  const position = Math.min(k - 1, Math.max(0, u * (k - 1)));
  const below = Math.floor(position);
  const above = Math.min(k - 1, below + 1);
  return anchors[below] + (position - below) * (anchors[above] - anchors[below]);
}

export interface KernelCdfOptions {
  bandwidthFactor?: number;
  maxAnchors?: number;
}

export interface KernelCdf extends MarginalCdf {
  /** The global RBIG bandwidth h (the bulk's kernel scale). */
  readonly bandwidth: number;
  /** The anchors a_j, ascending [K]. */
  readonly anchors: Float64Array;
  /** Per-anchor scales h_j ≥ h [K]. */
  readonly anchorBandwidths: Float64Array;
}

export function fitKernelCdf(values: ArrayLike<number>, options: KernelCdfOptions = {}): KernelCdf {
  const sorted = sortedFinite(values);
  const maxAnchors = Math.max(1, Math.floor(options.maxAnchors ?? DEFAULT_MAX_ANCHORS));
  const anchors = rankAnchors(sorted, Math.min(sorted.length, maxAnchors));
  const h = rbigBandwidth(
    standardDeviation(sorted),
    sorted.length,
    options.bandwidthFactor ?? DEFAULT_BANDWIDTH_FACTOR,
  );
  if (!(h > 0) || !Number.isFinite(h)) throw new Error(`Bandwidth must be positive, got ${h}`);
  const widths = anchorBandwidths(anchors, h);
  const widest = widths.reduce((a, b) => Math.max(a, b), h);
  const k = anchors.length;
  const lowest = anchors[0];
  const highest = anchors[k - 1];
  const evaluate = logisticMixture(anchors, widths, h);

  const scratch = new Float64Array(3);
  const at = (x: number, slot: number): number => {
    evaluate(x, scratch);
    return scratch[slot];
  };
  const logit = (p: number) => Math.log(p) - Math.log1p(-p);

  // For u ≤ ½: F(x) ≤ σ((x − a_min)/h_max) when x ≤ a_min, and F(a_max) ≥ ½.
  const inverseCdf = (u: number): number => {
    if (Number.isNaN(u) || u < 0 || u > 1) return Number.NaN;
    if (u === 0) return Number.NEGATIVE_INFINITY;
    if (u === 1) return Number.POSITIVE_INFINITY;
    if (u > 0.5) return inverseSurvival(1 - u);
    const logU = Math.log(u);
    const out3 = new Float64Array(3);
    // r(x) = log F(x) − log u, r′ = f/F: well scaled in the lower tail.
    return solveIncreasing(
      (x, out) => {
        evaluate(x, out3);
        out[0] = Math.log(out3[0]) - logU;
        out[1] = Math.exp(out3[2]) / out3[0];
      },
      lowest + widest * logit(u),
      highest,
      anchorGuess(anchors, u),
    );
  };

  // For s ≤ ½: 1 − F(x) ≤ σ(−(x − a_max)/h_max) when x ≥ a_max, and 1 − F(a_min) ≥ ½.
  const inverseSurvival = (s: number): number => {
    if (Number.isNaN(s) || s < 0 || s > 1) return Number.NaN;
    if (s === 0) return Number.POSITIVE_INFINITY;
    if (s === 1) return Number.NEGATIVE_INFINITY;
    if (s > 0.5) return inverseCdf(1 - s);
    const logS = Math.log(s);
    const out3 = new Float64Array(3);
    // r(x) = log s − log S(x), r′ = f/S.
    return solveIncreasing(
      (x, out) => {
        evaluate(x, out3);
        out[0] = logS - Math.log(out3[1]);
        out[1] = Math.exp(out3[2]) / out3[1];
      },
      lowest,
      highest - widest * logit(s),
      anchorGuess(anchors, 1 - s),
    );
  };

  return {
    kind: 'kernel',
    bandwidth: h,
    anchors,
    anchorBandwidths: widths,
    evaluate,
    cdf: (x) => at(x, 0),
    survival: (x) => at(x, 1),
    pdf: (x) => Math.exp(at(x, 2)),
    logPdf: (x) => at(x, 2),
    inverseCdf,
    inverseSurvival,
  };
}
