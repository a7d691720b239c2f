/**
 * A fitted density over integer-valued data: p = e^{log p} on a grid (linear colour scale
 * [0, max p], so a spike shows as a bright dot and everything else goes dark) with the
 * lattice points ringed, ring area ∝ P(x).
 */
import { densityFromLog, densityLut, maxFinite } from './color-map';
import { drawHeatmap } from './heatmap';
import { plotTransform, type GridBox } from './plot-transform';

export interface LatticeHeatmapData {
  grid: GridBox;
  /** log p at the grid's cell centres, [ny·nx], row 0 at y0. */
  logDensity: ArrayLike<number>;
  /** Lattice points [m·2] and P [m]. */
  points: ArrayLike<number>;
  probs: ArrayLike<number>;
}

/** The largest density on the grid (the colour scale's top), 0 when none is finite. */
export function peakDensity(logDensity: ArrayLike<number>): number {
  return maxFinite(densityFromLog(logDensity));
}

export function drawLatticeHeatmap(
  ctx: CanvasRenderingContext2D,
  data: LatticeHeatmapData,
  width: number,
  height: number,
  ringColor = '#ffffff',
): void {
  const transform = plotTransform(data.grid, width, height);
  const density = densityFromLog(data.logDensity);
  drawHeatmap(ctx, density, data.grid, transform, maxFinite(density), densityLut());
  let maxP = 0;
  for (let k = 0; k < data.probs.length; k++) maxP = Math.max(maxP, data.probs[k]);
  ctx.save();
  ctx.strokeStyle = ringColor;
  ctx.globalAlpha = 0.7;
  ctx.lineWidth = 1;
  for (let k = 0; k < data.probs.length; k++) {
    const [px, py] = transform.toPx(data.points[2 * k], data.points[2 * k + 1]);
    const r = 2 + 5 * Math.sqrt(data.probs[k] / (maxP || 1));
    ctx.beginPath();
    ctx.arc(px, py, r, 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.restore();
}
