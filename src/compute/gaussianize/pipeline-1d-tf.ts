/**
 * The 1-D stages in the worker: fit F̂ (core, float64), then evaluate with tfjs f̂ and F̂ on
 * a 256-point grid over the data range ± 10 %, u = F̂(x) and z = Φ⁻¹(u) for every value;
 * the Q–Q pairs and the KS distance come from the read-back z.
 */
import { tf } from '../tf';
import { ksDistanceToNormal } from '../../core/gaussianize/ks';
import { fitMarginalCdf } from '../../core/gaussianize/marginal-cdf';
import { normalQuantile } from '../../core/toy/normal';
import { marginalSpec } from './marginal-spec';
import { normalQuantileFromLogTails } from './normal-tf';
import { evaluateMarginal } from './tf-marginal';
import type { Gauss1DFrame, Gauss1DRequest } from './protocol';

const GRID_POINTS = 256;

export async function gaussianize1DTf(request: Gauss1DRequest): Promise<Gauss1DFrame> {
  const start = performance.now();
  const { values, kind, bandwidthFactor } = request;
  const n = values.length;
  const cdf = fitMarginalCdf(values, { kind, bandwidthFactor });
  const spec = marginalSpec(cdf);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    lo = Math.min(lo, values[i]);
    hi = Math.max(hi, values[i]);
  }
  const margin = 0.1 * (hi - lo || 1);
  const grid = Float32Array.from(
    { length: GRID_POINTS },
    (_, g) => lo - margin + ((hi - lo + 2 * margin) * g) / (GRID_POINTS - 1),
  );
  // One batch: the grid then the data, [G + n].
  const all = new Float32Array(GRID_POINTS + n);
  all.set(grid);
  all.set(Float32Array.from(values), GRID_POINTS);
  const packed = tf.tidy(() => {
    const { logLower, logUpper, logPdf } = evaluateMarginal(spec, tf.tensor1d(all));
    const z = normalQuantileFromLogTails(logLower, logUpper);
    return tf.stack([tf.exp(logLower), tf.exp(logPdf), z]); // [3, G + n]
  });
  const data = (await packed.data()) as Float32Array;
  packed.dispose();
  const total = GRID_POINTS + n;
  const row = (r: number, from: number, to: number) => data.slice(r * total + from, r * total + to);
  const z = row(2, GRID_POINTS, total);
  const qqSample = Float32Array.from(z).sort();
  const qqNormal = Float32Array.from({ length: n }, (_, i) => normalQuantile((i + 0.5) / n));
  return {
    grid,
    cdf: row(0, 0, GRID_POINTS),
    density: row(1, 0, GRID_POINTS),
    u: row(0, GRID_POINTS, total),
    z,
    qqNormal,
    qqSample,
    ks: ksDistanceToNormal(z),
    bandwidth: cdf.bandwidth,
    ms: performance.now() - start,
  };
}
