/**
 * A small plotting frame for the Gaussianization panel's charts: a data box mapped linearly
 * into a canvas with margins for tick labels (y up), and "nice" tick values.
 */

import { ticks } from 'd3-array';
import { LIGHT_PLOT_STYLE, plotFont, type PlotStyle } from '../style';
import { placeTickLabels } from '../tick-labels';

export interface ChartFrame {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  width: number;
  height: number;
  margin: { left: number; right: number; top: number; bottom: number };
}

export const CHART_MARGIN = { left: 34, right: 8, top: 8, bottom: 20 };

/** Data → pixel (CSS px) for a frame; y0 at the bottom of the plotting area. */
export function chartToPx(frame: ChartFrame, x: number, y: number): [number, number] {
  const { x0, x1, y0, y1, width, height, margin } = frame;
  const w = Math.max(1, width - margin.left - margin.right);
  const h = Math.max(1, height - margin.top - margin.bottom);
  return [margin.left + ((x - x0) / (x1 - x0)) * w, margin.top + ((y1 - y) / (y1 - y0)) * h];
}

/** About `count` round tick values (1, 2 or 5 × 10^k steps) inside [lo, hi] (d3's `ticks`). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [lo];
  return ticks(lo, hi, Math.max(1, count));
}

/** Axis lines, ticks and labels of a frame. */
export function drawAxes(
  ctx: CanvasRenderingContext2D,
  frame: ChartFrame,
  options: { xTicks?: number[]; yTicks?: number[]; style?: PlotStyle } = {},
): void {
  const style = options.style ?? LIGHT_PLOT_STYLE;
  const color = style.muted;
  const xTicks = options.xTicks ?? niceTicks(frame.x0, frame.x1, 4);
  const yTicks = options.yTicks ?? niceTicks(frame.y0, frame.y1, 3);
  const [left, bottom] = chartToPx(frame, frame.x0, frame.y0);
  const [right, top] = chartToPx(frame, frame.x1, frame.y1);
  ctx.save();
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 1;
  ctx.font = plotFont(style, 0.92);
  ctx.beginPath();
  ctx.moveTo(left, top);
  ctx.lineTo(left, bottom);
  ctx.lineTo(right, bottom);
  ctx.stroke();
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  const xLabels = xTicks.map((t) => ({ px: chartToPx(frame, t, frame.y0)[0], label: formatTick(t) }));
  for (const label of placeTickLabels(xLabels, (text) => ctx.measureText(text).width, 0, frame.width, 6)) {
    ctx.fillText(label.label, label.start, bottom + 4);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  const lineHeight = style.fontSize * 1.1;
  const yLabels = yTicks.map((t) => ({ px: chartToPx(frame, frame.x0, t)[1], label: formatTick(t) }));
  // A label wider than the margin is squeezed (fillText's maxWidth) rather than clipped.
  for (const label of placeTickLabels(yLabels, () => lineHeight, 0, bottom + 3, 1)) {
    ctx.fillText(label.label, left - 4, label.start + lineHeight / 2, Math.max(8, left - 6));
  }
  ctx.restore();
}

export function formatTick(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1000 || abs < 0.01) return value.toExponential(0);
  return String(Number(value.toPrecision(3)));
}
