/** Evaluation grids over a 2-D box, in the layout of the density frames. */

import type { ViewBox } from '../types';

/** The box a grid covers (core/types.ts). */
export type GridBox = ViewBox;

/** Cell centres of an nx × ny grid over the box, row-major [ny·nx, 2], row 0 at y0. */
export function gridCellCentres(box: GridBox, nx: number, ny: number): Float64Array {
  const points = new Float64Array(nx * ny * 2);
  const dx = (box.x1 - box.x0) / nx;
  const dy = (box.y1 - box.y0) / ny;
  for (let r = 0; r < ny; r++)
    for (let c = 0; c < nx; c++) {
      const k = (r * nx + c) * 2;
      points[k] = box.x0 + (c + 0.5) * dx;
      points[k + 1] = box.y0 + (r + 0.5) * dy;
    }
  return points;
}

/** Evenly spaced values from start to stop inclusive [count]. */
export function linearGrid(start: number, stop: number, count: number): Float64Array {
  const out = new Float64Array(count);
  const step = count > 1 ? (stop - start) / (count - 1) : 0;
  for (let i = 0; i < count; i++) out[i] = start + i * step;
  return out;
}
