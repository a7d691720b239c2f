/**
 * The 2-D planes of the step-by-step panel (D = 2): a cloud for context, the point being
 * walked (a coordinate not yet computed is drawn as the slice line through the known one),
 * N(0, I) rings on the base plane, and the conditional density of the coordinate computed
 * in this step, N(μ_i, e^{2α_i}) given the earlier one, drawn as a curve along its slice.
 */
import type { PlotTransform, ViewBox } from './plot-transform';
import { LIGHT_PLOT_STYLE, type PlotStyle } from './style';
import { drawFrame, drawScatter, type ScatterStyle } from './scatter';

export interface ConditionalSpec {
  /** The coordinate whose density is drawn: 0 (horizontal) or 1 (vertical). */
  variable: 0 | 1;
  /** The other coordinate's value (the slice), or null when nothing is conditioned on. */
  slice: number | null;
  mu: number;
  sigma: number;
}

export interface PlaneScene {
  cloud: ArrayLike<number> | null;
  cloudStyle: ScatterStyle;
  /** Circles of radius 1 and 2 (the base N(0, I)). */
  rings: boolean;
  /** The point; NaN marks a coordinate not yet known. */
  point: readonly [number, number];
  conditional: ConditionalSpec | null;
}

const POINT_COLOR = '#cc3311';
const CURVE_COLOR = '#009988';

/**
 * The conditional density as a polyline in data coordinates, [k·2]: along the slice line,
 * offset perpendicular to it by N(t; μ, σ) scaled so the peak is `heightFraction` of the view.
 */
export function conditionalCurve(
  c: ConditionalSpec,
  view: ViewBox,
  samples = 160,
  heightFraction = 0.28,
): Float64Array {
  const along: [number, number] = c.variable === 0 ? [view.x0, view.x1] : [view.y0, view.y1];
  const across: [number, number] = c.variable === 0 ? [view.y0, view.y1] : [view.x0, view.x1];
  const base = c.slice ?? across[0];
  const height = heightFraction * (across[1] - across[0]);
  const out = new Float64Array(2 * samples);
  for (let k = 0; k < samples; k++) {
    const t = along[0] + ((along[1] - along[0]) * k) / (samples - 1);
    const u = (t - c.mu) / c.sigma;
    const offset = base + height * Math.exp(-0.5 * u * u); // peak-normalised N(t; μ, σ)
    out[2 * k] = c.variable === 0 ? t : offset;
    out[2 * k + 1] = c.variable === 0 ? offset : t;
  }
  return out;
}

function drawPolyline(
  ctx: CanvasRenderingContext2D,
  points: ArrayLike<number>,
  transform: PlotTransform,
): void {
  ctx.beginPath();
  for (let k = 0; k + 1 < points.length; k += 2) {
    const [px, py] = transform.toPx(points[k], points[k + 1]);
    if (k === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.stroke();
}

export function drawStepPlane(
  ctx: CanvasRenderingContext2D,
  transform: PlotTransform,
  scene: PlaneScene,
  style: PlotStyle = LIGHT_PLOT_STYLE,
): void {
  const { view, width, height } = transform;
  drawFrame(ctx, transform, style);
  if (scene.cloud) drawScatter(ctx, scene.cloud, transform, scene.cloudStyle, style);
  ctx.save();
  if (scene.rings) {
    ctx.strokeStyle = style.muted;
    ctx.setLineDash([3, 3]);
    for (const r of [1, 2]) {
      const [cx, cy] = transform.toPx(0, 0);
      const [rx] = transform.toPx(r, 0);
      ctx.beginPath();
      ctx.arc(cx, cy, Math.abs(rx - cx), 0, 2 * Math.PI);
      ctx.stroke();
    }
    ctx.setLineDash([]);
  }
  if (scene.conditional) {
    ctx.strokeStyle = CURVE_COLOR;
    ctx.lineWidth = 2;
    drawPolyline(ctx, conditionalCurve(scene.conditional, view), transform);
  }
  const [a, b] = scene.point;
  ctx.strokeStyle = POINT_COLOR;
  ctx.fillStyle = POINT_COLOR;
  ctx.lineWidth = 1.5;
  if (Number.isFinite(a) && Number.isFinite(b)) {
    const [px, py] = transform.toPx(a, b);
    ctx.beginPath();
    ctx.arc(px, py, 6, 0, 2 * Math.PI);
    ctx.fill();
    ctx.strokeStyle = style.background;
    ctx.stroke();
  } else if (Number.isFinite(a) || Number.isFinite(b)) {
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    if (Number.isFinite(a)) {
      const [px] = transform.toPx(a, 0);
      ctx.moveTo(px, 0);
      ctx.lineTo(px, height);
    } else {
      const [, py] = transform.toPx(0, b);
      ctx.moveTo(0, py);
      ctx.lineTo(width, py);
    }
    ctx.stroke();
  }
  ctx.restore();
}
