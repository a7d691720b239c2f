/**
 * Densities and samples of a fitted RBIG stack (or of its first k iterations, each a
 * normalizing flow in its own right, for the animation):
 *
 *   log p_k(x) = log N(T_k(x); 0, I) + log|det ∂T_k/∂x|,   x = T_k⁻¹(z), z ~ N(0, I).
 */
import type { PointSet64, Rng } from '../types';
import { gridCellCentres, type GridBox } from './grid';
import { rbigForward, rbigInverse, type RbigModel } from './rbig';

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** log p_k(x) for points [n, D] → [n]. */
export function rbigLogDensity(
  model: RbigModel,
  points: { data: ArrayLike<number>; n: number; dim: number },
  layerCount = model.layers.length,
): Float64Array {
  const { z, logDet } = rbigForward(model, points, layerCount);
  const { n, dim } = z;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let squares = 0;
    for (let d = 0; d < dim; d++) squares += z.data[i * dim + d] ** 2;
    out[i] = -0.5 * squares - dim * HALF_LOG_2PI + logDet[i];
  }
  return out;
}

/** Mean log p_k(x) over points [n, D] (nats per point; −NLL). */
export function rbigMeanLogLikelihood(
  model: RbigModel,
  points: { data: ArrayLike<number>; n: number; dim: number },
  layerCount = model.layers.length,
): number {
  const logDensity = rbigLogDensity(model, points, layerCount);
  let sum = 0;
  for (let i = 0; i < logDensity.length; i++) sum += logDensity[i];
  return sum / logDensity.length;
}

/** n samples x = T_k⁻¹(z), z ~ N(0, I) → [n, D]. */
export function sampleRbig(
  model: RbigModel,
  n: number,
  rng: Rng,
  layerCount = model.layers.length,
): PointSet64 {
  const z = new Float64Array(n * model.dim);
  for (let i = 0; i < z.length; i++) z[i] = rng.normal();
  return rbigInverse(model, { data: z, n, dim: model.dim }, layerCount);
}

/**
 * log p_k at the cell centres of an nx × ny grid over a 2-D box, row-major [ny, nx], row 0
 * at y0 (the layout of the density frames).
 */
export function rbigLogDensityGrid(
  model: RbigModel,
  box: GridBox,
  nx: number,
  ny: number,
  layerCount = model.layers.length,
): Float64Array {
  if (model.dim !== 2) throw new Error(`A density grid needs a 2-D model, got D = ${model.dim}`);
  const points = gridCellCentres(box, nx, ny);
  return rbigLogDensity(model, { data: points, n: nx * ny, dim: 2 }, layerCount);
}
