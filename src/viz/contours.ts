/**
 * Contour lines of a density grid at highest-density-region levels: the threshold t_q whose
 * super-level set {p ≥ t_q} holds a fraction q of the grid's mass (50 %, 90 %, 99 %), so the
 * lines read as "half of the mass lies inside this curve" whatever the density's scale.
 */
import { contours } from 'd3-contour';
import type { GridBox, PlotTransform } from './plot-transform';

const DEFAULT_MASS_LEVELS = [0.5, 0.9, 0.99] as const;

/**
 * For each mass q (in (0, 1]), the largest density t with Σ_{p_i ≥ t} p_i ≥ q · Σ p_i
 * (equal cell areas cancel). Non-finite and negative cells count as 0. Returns thresholds in
 * the order of `masses`; all zeros when the grid holds no mass.
 */
export function massThresholds(
  density: ArrayLike<number>,
  masses: readonly number[] = DEFAULT_MASS_LEVELS,
): number[] {
  const sorted = Float64Array.from(density, (v) => (Number.isFinite(v) && v > 0 ? v : 0))
    .sort()
    .reverse();
  let total = 0;
  for (const v of sorted) total += v;
  if (!(total > 0)) return masses.map(() => 0);
  const cumulative = new Float64Array(sorted.length);
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) cumulative[i] = sum += sorted[i];
  return masses.map((q) => {
    const target = Math.min(1, Math.max(0, q)) * total;
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] >= target * (1 - 1e-12)) hi = mid;
      else lo = mid + 1;
    }
    return sorted[lo];
  });
}

/** One contour level: closed rings of [x, y] points in data coordinates. */
export interface ContourLevel {
  threshold: number;
  rings: [number, number][][];
}

/** Contour rings of the grid at the thresholds (marching squares, linear interpolation). */
export function contourLevels(
  density: ArrayLike<number>,
  grid: GridBox,
  thresholds: readonly number[],
): ContourLevel[] {
  const values = Array.from(density, (v) => (Number.isFinite(v) ? v : 0));
  const positive = thresholds.filter((t) => t > 0);
  if (positive.length === 0) return [];
  const dx = (grid.x1 - grid.x0) / grid.nx;
  const dy = (grid.y1 - grid.y0) / grid.ny;
  // d3-contour places value (col, row) at grid point (col + ½, row + ½): the cell centre.
  const toData = ([gx, gy]: number[]): [number, number] => [grid.x0 + gx * dx, grid.y0 + gy * dy];
  return contours()
    .size([grid.nx, grid.ny])
    .thresholds(positive)(values)
    .map((multi) => ({
      threshold: multi.value,
      rings: multi.coordinates.flatMap((polygon) => polygon.map((ring) => ring.map(toData))),
    }));
}

/** Strokes the rings: white under a dark line, visible on every colour of the map. */
export function drawContours(
  ctx: CanvasRenderingContext2D,
  levels: readonly ContourLevel[],
  transform: PlotTransform,
): void {
  ctx.save();
  ctx.lineJoin = 'round';
  for (const [width, colour] of [
    [2.5, 'rgba(255, 255, 255, 0.8)'],
    [1, 'rgba(20, 20, 30, 0.9)'],
  ] as const) {
    ctx.lineWidth = width;
    ctx.strokeStyle = colour;
    for (const level of levels) {
      ctx.beginPath();
      for (const ring of level.rings) {
        ring.forEach(([x, y], i) => {
          const [px, py] = transform.toPx(x, y);
          if (i === 0) ctx.moveTo(px, py);
          else ctx.lineTo(px, py);
        });
        ctx.closePath();
      }
      ctx.stroke();
    }
  }
  ctx.restore();
}
