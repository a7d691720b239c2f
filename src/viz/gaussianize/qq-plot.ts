/**
 * Q–Q plot: sample quantiles against N(0, 1) quantiles; a Gaussian sample hugs the diagonal.
 */
import { LIGHT_PLOT_STYLE, type PlotStyle } from '../style';
import { chartToPx, drawAxes, type ChartFrame } from './axes';

/** A symmetric square domain [−m, m] holding every finite pair (m ≥ 3, at most 8). */
export function qqExtent(normal: ArrayLike<number>, sample: ArrayLike<number>): number {
  let m = 3;
  for (let i = 0; i < normal.length; i++) {
    if (Number.isFinite(normal[i])) m = Math.max(m, Math.abs(normal[i]));
    if (Number.isFinite(sample[i])) m = Math.max(m, Math.abs(sample[i]));
  }
  return Math.min(8, Math.ceil(m));
}

/** At most `max` evenly spaced indices of n (every one when n ≤ max). */
export function thinIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: max }, (_, j) => Math.round((j * (n - 1)) / (max - 1)));
}

export function drawQqPlot(
  ctx: CanvasRenderingContext2D,
  frame: ChartFrame,
  normal: ArrayLike<number>,
  sample: ArrayLike<number>,
  style: PlotStyle = LIGHT_PLOT_STYLE,
): void {
  drawAxes(ctx, frame, { style });
  ctx.save();
  ctx.strokeStyle = style.muted;
  ctx.setLineDash([4, 4]);
  ctx.beginPath();
  const lo = Math.max(frame.x0, frame.y0);
  const hi = Math.min(frame.x1, frame.y1);
  ctx.moveTo(...chartToPx(frame, lo, lo));
  ctx.lineTo(...chartToPx(frame, hi, hi));
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = style.data;
  for (const i of thinIndices(normal.length, 400)) {
    const x = Math.max(frame.x0, Math.min(frame.x1, normal[i]));
    const y = Math.max(frame.y0, Math.min(frame.y1, sample[i]));
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const [px, py] = chartToPx(frame, x, y);
    ctx.fillRect(px - 1.2, py - 1.2, 2.4, 2.4);
  }
  ctx.restore();
}
