/**
 * Point clouds: data and model samples, told apart by colour AND shape (Okabe–Ito blue
 * discs for data, vermillion crosses for the model), so they read without colour vision.
 */
import type { PlotTransform } from './plot-transform';
import { LIGHT_PLOT_STYLE, type PlotStyle } from './style';

export type MarkerShape = 'disc' | 'cross' | 'ring';

export interface ScatterStyle {
  /** A CSS colour, or `data` / `model` for the theme's data or model colour. */
  color: string;
  shape: MarkerShape;
  /** Marker radius in CSS px. */
  size: number;
  alpha: number;
}

export const DATA_STYLE: ScatterStyle = { color: 'data', shape: 'disc', size: 1.8, alpha: 0.55 };
export const MODEL_STYLE: ScatterStyle = {
  color: 'model',
  shape: 'cross',
  size: 2.4,
  alpha: 0.8,
};
export const DRAWN_STYLE: ScatterStyle = { color: 'data', shape: 'ring', size: 2.6, alpha: 0.9 };

/** Draws points [n·2] (data coordinates); non-finite points are skipped. */
export function drawScatter(
  ctx: CanvasRenderingContext2D,
  points: ArrayLike<number>,
  transform: PlotTransform,
  style: ScatterStyle,
  plotStyle: PlotStyle = LIGHT_PLOT_STYLE,
): void {
  const r = style.size;
  const color = style.color === 'data' ? plotStyle.data : style.color === 'model' ? plotStyle.model : style.color;
  ctx.save();
  ctx.globalAlpha = style.alpha;
  ctx.fillStyle = color;
  ctx.strokeStyle = color;
  ctx.lineWidth = style.shape === 'cross' ? 1.2 : 1;
  ctx.beginPath();
  for (let i = 0; i + 1 < points.length; i += 2) {
    const x = points[i];
    const y = points[i + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const [px, py] = transform.toPx(x, y);
    if (style.shape === 'cross') {
      ctx.moveTo(px - r, py - r);
      ctx.lineTo(px + r, py + r);
      ctx.moveTo(px - r, py + r);
      ctx.lineTo(px + r, py - r);
    } else {
      ctx.moveTo(px + r, py);
      ctx.arc(px, py, r, 0, 2 * Math.PI);
    }
  }
  if (style.shape === 'disc') ctx.fill();
  else ctx.stroke();
  ctx.restore();
}

/** Faint axes through the origin and the view's frame, under the points. */
export function drawFrame(
  ctx: CanvasRenderingContext2D,
  transform: PlotTransform,
  style: PlotStyle = LIGHT_PLOT_STYLE,
): void {
  const { view, width, height } = transform;
  ctx.save();
  ctx.strokeStyle = style.frame;
  ctx.lineWidth = 1;
  ctx.beginPath();
  if (view.x0 < 0 && view.x1 > 0) {
    const [px] = transform.toPx(0, 0);
    ctx.moveTo(px, 0);
    ctx.lineTo(px, height);
  }
  if (view.y0 < 0 && view.y1 > 0) {
    const [, py] = transform.toPx(0, 0);
    ctx.moveTo(0, py);
    ctx.lineTo(width, py);
  }
  ctx.stroke();
  ctx.strokeRect(0.5, 0.5, width - 1, height - 1);
  ctx.restore();
}
