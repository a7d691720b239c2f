/**
 * The 1-D Gaussianization pipeline for the panel, stage by stage:
 *
 *   x  →  F̂ (density f̂ and CDF on a grid)  →  u = F̂(x) ~ U(0, 1)  →  z = Φ⁻¹(u) ~ N(0, 1)
 *
 * plus the Q–Q pairs of z against N(0, 1) and their Kolmogorov–Smirnov distance.
 */
import { normalQuantile } from '../toy/normal';
import { linearGrid } from './grid';
import { ksDistanceToNormal } from './ks';
import { fitMarginalCdf } from './marginal-cdf';
import { gaussianizeValue } from './marginal-gaussianization';
import type { MarginalKind } from './marginal-types';

export interface Pipeline1DOptions {
  kind: MarginalKind;
  /** Kernel bandwidth factor (see kernel-cdf.ts); ignored by the empirical CDF. */
  bandwidthFactor?: number;
  maxAnchors?: number;
  /** Grid for the density and CDF curves. Default: the data range ± 10 %, 256 points. */
  grid?: { min: number; max: number; count: number };
}

export interface Pipeline1DStages {
  /** The data, as given [n]. */
  x: Float64Array;
  /** Grid points [G]. */
  grid: Float64Array;
  /** f̂ on the grid [G]. */
  density: Float64Array;
  /** F̂ on the grid [G]. */
  cdf: Float64Array;
  /** The transport map z(x) = Φ⁻¹(F̂(x)) on the grid [G]. */
  transform: Float64Array;
  /** u_i = F̂(x_i) [n]. */
  u: Float64Array;
  /** z_i = Φ⁻¹(u_i) [n]. */
  z: Float64Array;
  /** Q–Q pairs: normal[i] = Φ⁻¹((i + ½)/n), sample[i] = the i-th smallest z [n]. */
  qq: { normal: Float64Array; sample: Float64Array };
  /** sup_t |ECDF_z(t) − Φ(t)|. */
  ks: number;
  /** The kernel's bulk bandwidth h, or null for the empirical CDF. */
  bandwidth: number | null;
}

export function gaussianize1D(
  data: ArrayLike<number>,
  options: Pipeline1DOptions,
): Pipeline1DStages {
  const x = Float64Array.from(data);
  const n = x.length;
  const marginal = fitMarginalCdf(x, options);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    lo = Math.min(lo, x[i]);
    hi = Math.max(hi, x[i]);
  }
  const margin = 0.1 * (hi - lo || 1);
  const gridSpec = options.grid ?? { min: lo - margin, max: hi + margin, count: 256 };
  const grid = linearGrid(gridSpec.min, gridSpec.max, gridSpec.count);
  const scratch = new Float64Array(3);
  const density = new Float64Array(grid.length);
  const cdf = new Float64Array(grid.length);
  const transform = new Float64Array(grid.length);
  grid.forEach((value, g) => {
    marginal.evaluate(value, scratch);
    cdf[g] = scratch[0];
    density[g] = Math.exp(scratch[2]);
    transform[g] = gaussianizeValue(marginal, value);
  });
  const u = x.map((value) => marginal.cdf(value));
  const z = x.map((value) => gaussianizeValue(marginal, value));
  const sample = Float64Array.from(z).sort();
  const normal = Float64Array.from({ length: n }, (_, i) => normalQuantile((i + 0.5) / n));
  return {
    x,
    grid,
    density,
    cdf,
    transform,
    u,
    z,
    qq: { normal, sample },
    ks: ksDistanceToNormal(z),
    bandwidth: marginal.bandwidth,
  };
}
