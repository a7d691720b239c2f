/**
 * A fitted density over integer-valued data: log p on a grid, coloured on a log scale from
 * (max log p − LOG_RANGE) to max log p, so every spike shows (on a linear scale the tallest
 * one hides the rest), with the lattice points ringed, ring area ∝ P(x).
 */
import { densityLut } from './color-map';
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

/** Nats from the bottom of the colour scale to its top. */
export const LOG_RANGE = 6;

/** The largest finite log p on the grid (the colour scale's top), −∞ when none is finite. */
export function peakLogDensity(logDensity: ArrayLike<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < logDensity.length; i++)
    if (Number.isFinite(logDensity[i]) && logDensity[i] > max) max = logDensity[i];
  return max;
}

/** Colour positions t ∈ [0, 1]: (log p − (top − LOG_RANGE)) / LOG_RANGE, clamped; −∞ → 0. */
export function logColourPositions(logDensity: ArrayLike<number>, top: number): Float32Array {
  const out = new Float32Array(logDensity.length);
  for (let i = 0; i < out.length; i++) {
    const t = (logDensity[i] - (top - LOG_RANGE)) / LOG_RANGE;
    out[i] = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  }
  return out;
}

export function drawLatticeHeatmap(
  ctx: CanvasRenderingContext2D,
  data: LatticeHeatmapData,
  width: number,
  height: number,
  ringColor = '#ffffff',
): void {
  const transform = plotTransform(data.grid, width, height);
  const positions = logColourPositions(data.logDensity, peakLogDensity(data.logDensity));
  drawHeatmap(ctx, positions, data.grid, transform, 1, densityLut());
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
