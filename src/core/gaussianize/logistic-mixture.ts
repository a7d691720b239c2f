/**
 * Fast, tail-safe evaluation of a logistic mixture with sorted anchors a_j and scales h_j:
 *
 *   F(x) = (1/K) Σ_j σ(t_j),  1 − F(x) = (1/K) Σ_j σ(−t_j),  f(x) = (1/K) Σ_j σ′(t_j)/h_j,
 *
 * t_j = (x − a_j)/h_j. With e_j = e^{−|t_j|}: σ(|t|) = 1/(1 + e), σ(−|t|) = e/(1 + e),
 * σ′(t) = e/(1 + e)².
 *
 * Speed: anchors that share the bulk scale h are grouped into blocks spanning ≤ 100h with a
 * reference point r_b, and e_j = e^{(a_j − r_b)/h} · e^{(r_b − x)/h} (left of x) or
 * e^{(r_b − a_j)/h} · e^{(x − r_b)/h} (right of x): one precomputed factor per anchor and one
 * exp per block per call instead of one exp per anchor. The factors are ≤ e^{100} and the
 * per-call ones ≤ 1 (resp. ≤ e^{100}), so nothing overflows; relative accuracy ≈ 1e−14.
 *
 * Window: anchors more than (|t_near| + 45)·h_max from x contribute exactly 1 or 0 up to a
 * relative e^{−45} and are counted, not summed. log f is accumulated relative to
 * e^{−|t_near|}, so it stays finite far into the tails.
 */
import { lowerBound, upperBound } from './marginal-types';

const WINDOW = 45;
const BLOCK_SPAN = 100;
/** Beyond this |t_near| the call takes the plain path (one exp per anchor). */
const BLOCK_SAFE_SHIFT = 300;

/** Writes [F(x), 1 − F(x), log f(x)] into out. */
export type MixtureEvaluator = (x: number, out: Float64Array) => void;

export function logisticMixture(
  anchors: Float64Array,
  widths: Float64Array,
  bulkWidth: number,
): MixtureEvaluator {
  const k = anchors.length;
  const inverseWidths = widths.map((w) => 1 / w);
  const widest = widths.reduce((a, b) => Math.max(a, b), bulkWidth);
  const inverseBulk = 1 / bulkWidth;
  // Block structure: blockOf[j] = −1 for anchors with their own (wider) scale.
  const blockOf = new Int32Array(k).fill(-1);
  const blockRef: number[] = [];
  const up = new Float64Array(k); // e^{(a_j − r_b)/h}
  const down = new Float64Array(k); // e^{(r_b − a_j)/h}
  for (let j = 0; j < k; j++) {
    if (widths[j] !== bulkWidth) continue;
    const open = blockRef.length > 0 && blockOf[j - 1] === blockRef.length - 1;
    if (!open || (anchors[j] - blockRef[blockRef.length - 1]) * inverseBulk > BLOCK_SPAN)
      blockRef.push(anchors[j]);
    const b = blockRef.length - 1;
    blockOf[j] = b;
    up[j] = Math.exp((anchors[j] - blockRef[b]) * inverseBulk);
    down[j] = Math.exp((blockRef[b] - anchors[j]) * inverseBulk);
  }

  return (x: number, out: Float64Array): void => {
    if (Number.isNaN(x)) {
      out.fill(Number.NaN);
      return;
    }
    const right = lowerBound(anchors, x); // anchors [0, right) are < x
    const near =
      right === 0
        ? 0
        : right === k || x - anchors[right - 1] <= anchors[right] - x
          ? right - 1
          : right;
    let shift = Math.abs(x - anchors[near]) * inverseWidths[near];
    const reach = (shift + WINDOW) * widest;
    const start = lowerBound(anchors, x - reach);
    const end = upperBound(anchors, x + reach);
    let cdf = start;
    let survival = k - end;
    let density = 0; // e^{shift} Σ σ′(t_j)/h_j
    if (shift < BLOCK_SAFE_SHIFT) {
      let block = -1;
      let factor = 0;
      for (let j = start; j < right; j++) {
        let e: number;
        if (blockOf[j] >= 0) {
          if (blockOf[j] !== block) {
            block = blockOf[j];
            factor = Math.exp((blockRef[block] - x) * inverseBulk);
          }
          e = up[j] * factor;
        } else e = Math.exp((anchors[j] - x) * inverseWidths[j]);
        const large = 1 / (1 + e);
        cdf += large;
        survival += e * large;
        density += e * large * large * inverseWidths[j];
      }
      block = -1;
      for (let j = right; j < end; j++) {
        let e: number;
        if (blockOf[j] >= 0) {
          if (blockOf[j] !== block) {
            block = blockOf[j];
            factor = Math.exp((x - blockRef[block]) * inverseBulk);
          }
          e = down[j] * factor;
        } else e = Math.exp((x - anchors[j]) * inverseWidths[j]);
        const large = 1 / (1 + e);
        cdf += e * large;
        survival += large;
        density += e * large * large * inverseWidths[j];
      }
      density *= Math.exp(shift);
    } else {
      // Far tail: rescale by the smallest |t| (it may belong to a wide anchor).
      for (let j = start; j < end; j++)
        shift = Math.min(shift, Math.abs((x - anchors[j]) * inverseWidths[j]));
      for (let j = start; j < end; j++) {
        const magnitude = Math.abs((x - anchors[j]) * inverseWidths[j]);
        const e = Math.exp(-magnitude);
        const large = 1 / (1 + e);
        if (j < right) {
          cdf += large;
          survival += e * large;
        } else {
          cdf += e * large;
          survival += large;
        }
        density += Math.exp(shift - magnitude) * large * large * inverseWidths[j];
      }
    }
    out[0] = cdf / k;
    out[1] = survival / k;
    out[2] = Math.log(density / k) - shift;
  };
}
