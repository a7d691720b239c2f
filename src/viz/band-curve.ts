/**
 * A loss curve with an uncertainty band: the Monte-Carlo estimate m_k of a KL at recorded
 * steps and its standard error s_k, drawn as the line m and the band m ± z·s (z = 1.96: a 95 %
 * interval). The line, axes and floor come from loss-curve.ts; this adds the band's path.
 */
import { scaleLinear } from 'd3-scale';
import { area } from 'd3-shape';
import { drawLossCurve, lossCurveLayout, type LossCurveLayout } from './loss-curve';
import { LIGHT_PLOT_STYLE, type PlotStyle } from './style';

export const BAND_Z = 1.96;

export interface BandCurveLayout extends LossCurveLayout {
  /** SVG path of the band (gaps at non-finite values), or null with no finite point. */
  bandPath: string | null;
}

export function bandCurveLayout(
  steps: ArrayLike<number>,
  means: ArrayLike<number>,
  errors: ArrayLike<number>,
  floor: number | null,
  width: number,
  height: number,
  fontSize = LIGHT_PLOT_STYLE.fontSize,
): BandCurveLayout {
  const layout = lossCurveLayout(steps, means, floor, width, height, fontSize);
  const { plot } = layout;
  const x = scaleLinear().domain(layout.xDomain).range([plot.left, plot.right]);
  const y = scaleLinear().domain(layout.yDomain).range([plot.bottom, plot.top]);
  const clampY = (v: number) => Math.min(plot.bottom, Math.max(plot.top, y(v)));
  const n = Math.min(steps.length, means.length, errors.length);
  const indices = Array.from({ length: n }, (_, i) => i);
  const path = area<number>()
    .defined((i) => Number.isFinite(steps[i]) && Number.isFinite(means[i]) && Number.isFinite(errors[i]))
    .x((i) => x(steps[i]))
    .y0((i) => clampY(means[i] - BAND_Z * errors[i]))
    .y1((i) => clampY(means[i] + BAND_Z * errors[i]))(indices);
  return { ...layout, bandPath: n > 0 && path ? path : null };
}

/** Draws the band (translucent) under the curve, axes and floor of drawLossCurve. */
export function drawBandCurve(
  ctx: CanvasRenderingContext2D,
  layout: BandCurveLayout,
  floorLabel: string | null,
  style: PlotStyle = LIGHT_PLOT_STYLE,
): void {
  if (layout.bandPath) {
    ctx.save();
    ctx.globalAlpha = 0.22;
    ctx.fillStyle = style.line;
    ctx.fill(new Path2D(layout.bandPath));
    ctx.restore();
  }
  drawLossCurve(ctx, layout, floorLabel, null, style);
}
