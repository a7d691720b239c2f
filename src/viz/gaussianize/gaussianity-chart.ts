/**
 * The Gaussianity measure per iteration: the estimated KL(p ‖ N(0, I)) of each cloud (line
 * with dots), split into total correlation and marginal non-Gaussianity (lighter lines), with
 * the current iteration marked.
 */
import { LIGHT_PLOT_STYLE, seriesColor, type PlotStyle } from '../style';
import { chartToPx, drawAxes, niceTicks, type ChartFrame } from './axes';

export interface GaussianitySeries {
  kl: number[];
  totalCorrelation: number[];
  marginal: number[];
}

/** Frame domain: x over iterations 0…max(count − 1, minIterations), y over every value and 0. */
export function gaussianityDomain(
  series: GaussianitySeries,
  minIterations = 5,
): { x: [number, number]; y: [number, number] } {
  const all = [...series.kl, ...series.totalCorrelation, ...series.marginal].filter(
    Number.isFinite,
  );
  const lo = Math.min(0, ...all);
  const hi = Math.max(0.1, ...all);
  const pad = 0.05 * (hi - lo);
  return { x: [0, Math.max(minIterations, series.kl.length - 1)], y: [lo - pad, hi + pad] };
}

/** Which of the theme's series colours (PlotStyle.series) each measure takes. */
export const GAUSSIANITY_SERIES = { kl: 0, totalCorrelation: 1, marginal: 2 } as const;

export function drawGaussianityChart(
  ctx: CanvasRenderingContext2D,
  frame: ChartFrame,
  series: GaussianitySeries,
  current: number,
  style: PlotStyle = LIGHT_PLOT_STYLE,
): void {
  const integerTicks = niceTicks(frame.x0, frame.x1, 5).filter((t) => Number.isInteger(t));
  drawAxes(ctx, frame, { xTicks: integerTicks, style });
  ctx.save();
  // zero line
  ctx.strokeStyle = style.frame;
  ctx.beginPath();
  ctx.moveTo(...chartToPx(frame, frame.x0, 0));
  ctx.lineTo(...chartToPx(frame, frame.x1, 0));
  ctx.stroke();
  const line = (values: number[], color: string, width: number, dots: boolean) => {
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = width;
    ctx.beginPath();
    values.forEach((v, k) => {
      const [px, py] = chartToPx(frame, k, v);
      if (k === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    });
    ctx.stroke();
    if (dots)
      values.forEach((v, k) => {
        const [px, py] = chartToPx(frame, k, v);
        ctx.beginPath();
        ctx.arc(px, py, k === current ? 4.5 : 2.5, 0, 2 * Math.PI);
        ctx.fill();
      });
  };
  line(series.totalCorrelation, seriesColor(style, GAUSSIANITY_SERIES.totalCorrelation), 1.2, false);
  line(series.marginal, seriesColor(style, GAUSSIANITY_SERIES.marginal), 1.2, false);
  line(series.kl, seriesColor(style, GAUSSIANITY_SERIES.kl), 2, true);
  ctx.restore();
}

