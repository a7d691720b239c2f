/**
 * The discrete-data panel's NLL chart: on one y scale, per training step,
 *   plain        −Σ P log p(x)                 (a density on the lattice points: no floor)
 *   dequantized  E[−log p(x + u)] ± z·s.e.     (band: its Monte-Carlo 95 % interval)
 *   as a pmf     −Σ P log P̂(x)                (the dequantized model's cell masses)
 * and the discrete entropy H(P) dashed: the floor of every pmf, which the plain curve crosses.
 * The layout is pure (scales, ticks, SVG path strings); drawing replays the paths on a canvas.
 */
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { drawXLabels, drawYGrid } from './axis-grid';
import { LOSS_MARGIN, type Tick } from './loss-curve';
import { LIGHT_PLOT_STYLE, plotFont, seriesColor, type PlotStyle } from './style';

const DISCRETE_BAND_Z = 1.96;

export interface DiscreteSeries {
  steps: ArrayLike<number>;
  plain: ArrayLike<number>;
  dequantized: ArrayLike<number>;
  dequantizedError: ArrayLike<number>;
  crossEntropy: ArrayLike<number>;
  /** H(P), nats. */
  entropy: number;
}

export interface DiscreteCurvesLayout {
  plot: { left: number; top: number; right: number; bottom: number };
  xDomain: [number, number];
  yDomain: [number, number];
  plainPath: string | null;
  dequantizedPath: string | null;
  bandPath: string | null;
  crossEntropyPath: string | null;
  floorY: number;
  xTicks: Tick[];
  yTicks: Tick[];
}

const finite = (v: number) => Number.isFinite(v);

/**
 * The y range: from the lowest finite value (the plain curve's fall) to the highest of the
 * dequantized curves, the floor and the plain curve's first value, padded by 5 %. A later
 * upward jolt of the plain fit (a spike lost) is clipped at the top edge, so it cannot
 * squash the rest.
 */
export function discreteYDomain(series: DiscreteSeries): [number, number] {
  let lo = series.entropy;
  let hi = series.entropy;
  const widen = (v: number, top: boolean) => {
    if (!finite(v)) return;
    lo = Math.min(lo, v);
    if (top) hi = Math.max(hi, v);
  };
  for (const values of [series.dequantized, series.crossEntropy])
    for (let i = 0; i < values.length; i++) widen(values[i], true);
  for (let i = 0; i < series.plain.length; i++) widen(series.plain[i], i === 0);
  const pad = Math.max(0.05 * (hi - lo), 0.25);
  return [lo - pad, hi + pad];
}

export function discreteCurvesLayout(
  series: DiscreteSeries,
  width: number,
  height: number,
): DiscreteCurvesLayout {
  const n = series.steps.length;
  const plot = {
    left: LOSS_MARGIN.left,
    top: LOSS_MARGIN.top,
    right: Math.max(LOSS_MARGIN.left + 1, width - LOSS_MARGIN.right),
    bottom: Math.max(LOSS_MARGIN.top + 1, height - LOSS_MARGIN.bottom),
  };
  const first = n > 0 ? series.steps[0] : 0;
  const last = n > 0 ? series.steps[n - 1] : 1;
  const xDomain: [number, number] = last > first ? [first, last] : [first, first + 1];
  const yDomain = discreteYDomain(series);
  const x = scaleLinear().domain(xDomain).range([plot.left, plot.right]);
  const scaleY = scaleLinear().domain(yDomain).range([plot.bottom, plot.top]);
  const y = (v: number) => Math.min(plot.bottom, Math.max(plot.top, scaleY(v)));
  const indices = Array.from({ length: n }, (_, i) => i);
  const curve = (values: ArrayLike<number>) =>
    line<number>()
      .defined((i) => finite(values[i]) && finite(series.steps[i]))
      .x((i) => x(series.steps[i]))
      .y((i) => y(values[i]))(indices) || null;
  const { dequantized: m, dequantizedError: e } = series;
  const band =
    area<number>()
      .defined((i) => finite(m[i]) && finite(e[i]) && finite(series.steps[i]))
      .x((i) => x(series.steps[i]))
      .y0((i) => y(m[i] - DISCRETE_BAND_Z * e[i]))
      .y1((i) => y(m[i] + DISCRETE_BAND_Z * e[i]))(indices) || null;
  return {
    plot,
    xDomain,
    yDomain,
    plainPath: n > 0 ? curve(series.plain) : null,
    dequantizedPath: n > 0 ? curve(series.dequantized) : null,
    bandPath: n > 0 ? band : null,
    crossEntropyPath: n > 0 ? curve(series.crossEntropy) : null,
    floorY: y(series.entropy),
    xTicks: x
      .ticks(Math.max(2, Math.floor((plot.right - plot.left) / 80)))
      .filter(Number.isInteger)
      .map((value) => ({ value, px: x(value), label: String(value) })),
    yTicks: scaleY
      .ticks(5)
      .map((value) => ({ value, px: scaleY(value), label: scaleY.tickFormat(5)(value) })),
  };
}

/** Which of the theme's series colours (PlotStyle.series) each curve takes; the band is the dequantized one's, faint. */
export const DISCRETE_SERIES = { plain: 1, dequantized: 0, crossEntropy: 2 } as const;

/** Opacity of the dequantized curve's 95 % band. */
const BAND_ALPHA = 0.2;

/** Draws axes, the H(P) floor (dashed, labelled), the band and the three curves. */
export function drawDiscreteCurves(
  ctx: CanvasRenderingContext2D,
  layout: DiscreteCurvesLayout,
  floorLabel: string,
  plotStyle: PlotStyle = LIGHT_PLOT_STYLE,
): void {
  const color = (curve: keyof typeof DISCRETE_SERIES) => seriesColor(plotStyle, DISCRETE_SERIES[curve]);
  const { plot } = layout;
  ctx.save();
  ctx.font = plotFont(plotStyle);
  drawYGrid(ctx, plot, layout.yTicks, plotStyle);
  drawXLabels(ctx, layout.xTicks, plot.bottom + 6, plot.right + LOSS_MARGIN.right);
  ctx.strokeStyle = plotStyle.muted;
  ctx.setLineDash([5, 4]);
  ctx.beginPath();
  ctx.moveTo(plot.left, layout.floorY);
  ctx.lineTo(plot.right, layout.floorY);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = plotStyle.muted;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'bottom';
  ctx.fillText(floorLabel, plot.left + 4, layout.floorY - 3);
  if (layout.bandPath) {
    ctx.fillStyle = color('dequantized');
    ctx.globalAlpha = BAND_ALPHA;
    ctx.fill(new Path2D(layout.bandPath));
    ctx.globalAlpha = 1;
  }
  ctx.lineJoin = 'round';
  const stroke = (path: string | null, color: string, width: number, dash: number[] = []) => {
    if (!path) return;
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.setLineDash(dash);
    ctx.stroke(new Path2D(path));
  };
  stroke(layout.crossEntropyPath, color('crossEntropy'), 1.25, [2, 3]);
  stroke(layout.dequantizedPath, color('dequantized'), 1.75);
  stroke(layout.plainPath, color('plain'), 1.75);
  ctx.restore();
}
