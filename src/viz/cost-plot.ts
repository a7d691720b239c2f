/**
 * The cost lab's plot: time against dimension D on log–log axes, one series per operation,
 * each point labelled with its network-pass count. A series whose passes grow like D shows
 * as a line of slope ≈ 1 once the per-pass cost dominates; one pass per layer stays flat.
 * The layout is pure (scales, ticks, points, paths); drawing replays it on a canvas.
 */
import { scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import type { Tick } from './loss-curve';
import { drawXLabels, drawYGrid, leftMarginFor } from './axis-grid';
import { LIGHT_PLOT_STYLE, plotFont, seriesColor, type PlotStyle } from './style';

export interface CostPoint {
  dim: number;
  ms: number;
  passes: number;
}

export interface CostSeriesInput {
  id: string;
  label: string;
  points: readonly CostPoint[];
}

export interface CostSeriesLayout {
  id: string;
  label: string;
  style: CostSeriesStyle;
  /** Points with positive, finite time, sorted by D, in px. */
  points: { x: number; y: number; label: string }[];
  path: string | null;
}

export interface CostPlotLayout {
  plot: { left: number; top: number; right: number; bottom: number };
  xDomain: [number, number];
  yDomain: [number, number];
  xTicks: Tick[];
  yTicks: Tick[];
  series: CostSeriesLayout[];
}

export type CostMarker = 'disc' | 'square' | 'triangle' | 'diamond' | 'ring';

export interface CostSeriesStyle {
  /** Index of the theme's series colour (PlotStyle.series, --color-series-*). */
  series: number;
  marker: CostMarker;
  /** Canvas line dash, [] for solid. */
  dash: number[];
}

/** The theme's series colours, with distinct markers and dashes so the series read without colour. */
export const COST_SERIES_STYLES: readonly CostSeriesStyle[] = [
  { series: 0, marker: 'disc', dash: [] },
  { series: 1, marker: 'square', dash: [6, 3] },
  { series: 2, marker: 'triangle', dash: [2, 3] },
  { series: 3, marker: 'diamond', dash: [8, 3, 2, 3] },
  { series: 4, marker: 'ring', dash: [1, 2] },
  { series: 5, marker: 'square', dash: [10, 2] },
  { series: 6, marker: 'diamond', dash: [] },
];

const COST_MARGIN = { left: 52, right: 28, top: 12, bottom: 34 };

const formatMsTick = (v: number) => (v >= 1 ? `${Number(v.toPrecision(3))} ms` : `${Number(v.toPrecision(2))} ms`);

/** Log domain padded by a factor on each side; a single value gets a factor-2 span. */
function logDomain(values: number[], pad: number): [number, number] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return hi > lo ? [lo / pad, hi * pad] : [lo / 2, hi * 2];
}

/** Scales, ticks and series in a `width`×`height` canvas; margins grow with the type size `fontSize` (px). */
export function costPlotLayout(
  series: readonly CostSeriesInput[],
  width: number,
  height: number,
  fontSize = LIGHT_PLOT_STYLE.fontSize,
): CostPlotLayout {
  const scale = fontSize / LIGHT_PLOT_STYLE.fontSize;
  const top = Math.round(COST_MARGIN.top * scale);
  const bottom = Math.round(COST_MARGIN.bottom * scale);
  const plot = { left: COST_MARGIN.left, top, right: 0, bottom: Math.max(top + 1, height - bottom) };
  const valid = series.map((s) =>
    s.points.filter((p) => p.dim > 0 && p.ms > 0 && Number.isFinite(p.ms)).sort((a, b) => a.dim - b.dim),
  );
  const dims = [...new Set(valid.flat().map((p) => p.dim))].sort((a, b) => a - b);
  const times = valid.flat().map((p) => p.ms);
  const xDomain: [number, number] = dims.length ? logDomain(dims, 1.25) : [1.6, 80];
  const yDomain: [number, number] = times.length ? logDomain(times, 1.5) : [0.1, 100];
  const y = scaleLog().domain(yDomain).range([plot.bottom, plot.top]);
  const xTickValues = dims.length ? dims : [2, 4, 8, 16, 32, 64];
  // Powers of ten and their 2× and 5× multiples, thinned to fit the height.
  const yTickValues = y.ticks().filter((v) => [1, 2, 5].includes(Math.round(v / 10 ** Math.floor(Math.log10(v) + 1e-9))));
  const yPowers = yTickValues.filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9);
  const yShown = yTickValues.length <= Math.max(2, (plot.bottom - plot.top) / (24 * scale)) ? yTickValues : yPowers.length >= 2 ? yPowers : yTickValues;
  plot.left = leftMarginFor(yShown.map(formatMsTick), fontSize, COST_MARGIN.left);
  plot.right = Math.max(plot.left + 1, width - Math.round(COST_MARGIN.right * scale));
  const x = scaleLog().domain(xDomain).range([plot.left, plot.right]);
  return {
    plot,
    xDomain,
    yDomain,
    xTicks: xTickValues.map((value) => ({ value, px: x(value), label: String(value) })),
    yTicks: yShown.map((value) => ({ value, px: y(value), label: formatMsTick(value) })),
    series: series.map((s, k) => {
      const points = valid[k].map((p) => ({ x: x(p.dim), y: y(p.ms), label: String(p.passes) }));
      const path = line<{ x: number; y: number }>()
        .x((p) => p.x)
        .y((p) => p.y)(points);
      return { id: s.id, label: s.label, style: COST_SERIES_STYLES[k % COST_SERIES_STYLES.length], points, path: points.length > 1 ? path : null };
    }),
  };
}

/** Traces a marker of radius r centred at (x, y) into the current path. */
function traceMarker(ctx: CanvasRenderingContext2D | Path2D, marker: CostMarker, x: number, y: number, r: number): void {
  if (marker === 'disc' || marker === 'ring') {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
  } else if (marker === 'square') {
    ctx.rect(x - r, y - r, 2 * r, 2 * r);
  } else if (marker === 'triangle') {
    ctx.moveTo(x, y - r * 1.2);
    ctx.lineTo(x + r * 1.1, y + r * 0.8);
    ctx.lineTo(x - r * 1.1, y + r * 0.8);
    ctx.closePath();
  } else {
    ctx.moveTo(x, y - r * 1.3);
    ctx.lineTo(x + r * 1.1, y);
    ctx.lineTo(x, y + r * 1.3);
    ctx.lineTo(x - r * 1.1, y);
    ctx.closePath();
  }
}

/** Draws grid, thinned tick labels, the axis title and every series with its pass counts. */
export function drawCostPlot(ctx: CanvasRenderingContext2D, layout: CostPlotLayout, style: PlotStyle = LIGHT_PLOT_STYLE): void {
  const { plot } = layout;
  ctx.save();
  drawYGrid(ctx, plot, layout.yTicks, style);
  for (const t of layout.xTicks) {
    ctx.beginPath();
    ctx.moveTo(t.px, plot.top);
    ctx.lineTo(t.px, plot.bottom);
    ctx.stroke();
  }
  const width = plot.right + Math.round((COST_MARGIN.right * style.fontSize) / LIGHT_PLOT_STYLE.fontSize);
  drawXLabels(ctx, layout.xTicks, plot.bottom + 5, width);
  ctx.fillText('dimension D (log scale)', (plot.left + plot.right) / 2, plot.bottom + 8 + 1.1 * style.fontSize, plot.right - plot.left);
  ctx.font = plotFont(style, 0.95);
  for (const s of layout.series) {
    ctx.strokeStyle = seriesColor(style, s.style.series);
    ctx.fillStyle = seriesColor(style, s.style.series);
    ctx.lineWidth = 1.6;
    if (s.path) {
      ctx.setLineDash(s.style.dash);
      ctx.stroke(new Path2D(s.path));
      ctx.setLineDash([]);
    }
    const markers = new Path2D();
    for (const p of s.points) traceMarker(markers, s.style.marker, p.x, p.y, 3.5);
    if (s.style.marker === 'ring') ctx.stroke(markers);
    else ctx.fill(markers);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'bottom';
    for (const p of s.points) ctx.fillText(p.label, p.x + 5, p.y - 3);
  }
  ctx.restore();
}
