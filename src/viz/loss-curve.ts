/**
 * The loss curve: loss per training step, with the floor (the entropy H(p) for NLL, where
 * known) as a dashed line, so the gap to it — KL(p‖model) in nats — is visible. The layout
 * is pure (scales, ticks, an SVG path string); drawing replays the path on a canvas.
 */
import { quantileSorted } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { drawXLabels, drawYGrid, leftMarginFor } from './axis-grid';
import { LIGHT_PLOT_STYLE, plotFont, type PlotStyle } from './style';

export interface Tick {
  value: number;
  px: number;
  label: string;
}

export interface LossCurveLayout {
  /** The plotting rectangle inside the margins, in CSS px. */
  plot: { left: number; top: number; right: number; bottom: number };
  xDomain: [number, number];
  yDomain: [number, number];
  /** SVG path of the curve (gaps at non-finite losses), or null with no finite point. */
  linePath: string | null;
  /** Pixel row of the floor line, or null when there is no floor. */
  floorY: number | null;
  xTicks: Tick[];
  yTicks: Tick[];
  /** Pixel position of the last finite loss (the curve's end), or null. */
  last: { x: number; y: number } | null;
}

export const LOSS_MARGIN = { left: 44, right: 12, top: 10, bottom: 24 };

/**
 * The y range shown: from min(losses, floor) to the 98th percentile of the losses (early
 * spikes are clipped so the interesting part fills the plot), padded by 5 %.
 */
export function lossYDomain(values: ArrayLike<number>, floor: number | null): [number, number] {
  const finite = Array.from(values)
    .filter((v) => Number.isFinite(v))
    .sort((a, b) => a - b);
  const hasFloor = floor !== null && Number.isFinite(floor);
  if (finite.length === 0) return hasFloor ? [floor - 0.5, floor + 0.5] : [0, 1];
  let lo = finite[0];
  let hi = quantileSorted(finite, 0.98)!;
  if (hasFloor) {
    lo = Math.min(lo, floor);
    hi = Math.max(hi, floor);
  }
  const span = hi - lo;
  const pad = span > 1e-9 ? 0.05 * span : Math.max(0.5, Math.abs(hi) * 0.05);
  return [lo - pad, hi + pad];
}

const formatStep = (value: number) => (value >= 10000 ? `${value / 1000}k` : String(value));

/**
 * Scales, ticks and the curve's path in a `width`×`height` canvas; the margins grow with the
 * type size `fontSize` (px) so that tick labels are never clipped.
 */
export function lossCurveLayout(
  steps: ArrayLike<number>,
  values: ArrayLike<number>,
  floor: number | null,
  width: number,
  height: number,
  fontSize = LIGHT_PLOT_STYLE.fontSize,
): LossCurveLayout {
  const n = Math.min(steps.length, values.length);
  const scale = fontSize / LIGHT_PLOT_STYLE.fontSize;
  const top = Math.round(LOSS_MARGIN.top * scale);
  const bottom = Math.round(LOSS_MARGIN.bottom * scale);
  const plot = { left: LOSS_MARGIN.left, top, right: 0, bottom: Math.max(top + 1, height - bottom) };
  const first = n > 0 ? steps[0] : 0;
  const last = n > 0 ? steps[n - 1] : 1;
  const xDomain: [number, number] = last > first ? [first, last] : [first, first + 1];
  const yDomain = lossYDomain(
    Array.from({ length: n }, (_, i) => values[i]),
    floor,
  );
  const y = scaleLinear().domain(yDomain).range([plot.bottom, plot.top]);
  const yTicks = y.ticks(Math.max(2, Math.min(4, Math.floor((plot.bottom - plot.top) / (2 * fontSize)))));
  const yFormat = y.tickFormat(4);
  plot.left = leftMarginFor(yTicks.map(yFormat), fontSize, LOSS_MARGIN.left);
  plot.right = Math.max(plot.left + 1, width - LOSS_MARGIN.right);
  const x = scaleLinear().domain(xDomain).range([plot.left, plot.right]);
  const clampY = (v: number) => Math.min(plot.bottom, Math.max(plot.top, y(v)));
  const indices = Array.from({ length: n }, (_, i) => i);
  const path = line<number>()
    .defined((i) => Number.isFinite(values[i]) && Number.isFinite(steps[i]))
    .x((i) => x(steps[i]))
    .y((i) => clampY(values[i]))(indices);
  const hasFloor = floor !== null && Number.isFinite(floor);
  let lastIndex = n - 1;
  while (
    lastIndex >= 0 &&
    !(Number.isFinite(values[lastIndex]) && Number.isFinite(steps[lastIndex]))
  )
    lastIndex--;
  return {
    plot,
    xDomain,
    yDomain,
    linePath: n > 0 && path ? path : null,
    floorY: hasFloor ? y(floor) : null,
    xTicks: x
      .ticks(Math.max(2, Math.floor((plot.right - plot.left) / (80 * scale))))
      .filter(Number.isInteger)
      .map((value) => ({ value, px: x(value), label: formatStep(value) })),
    yTicks: yTicks.map((value) => ({ value, px: y(value), label: yFormat(value) })),
    last: lastIndex >= 0 ? { x: x(steps[lastIndex]), y: clampY(values[lastIndex]) } : null,
  };
}

/**
 * A vertical double arrow from the floor to the curve's end, labelled with the gap: left of
 * the arrow, or right of it when the left would leave the plot, never past its edges.
 */
function drawGap(
  ctx: CanvasRenderingContext2D,
  layout: LossCurveLayout,
  gapLabel: string,
  color: string,
): void {
  if (layout.floorY === null || !layout.last) return;
  const { y: top } = layout.last;
  const bottom = layout.floorY;
  if (Math.abs(bottom - top) < 8) return;
  const x = Math.min(layout.last.x, layout.plot.right - 2);
  const head = Math.sign(bottom - top) * 4;
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(x, top);
  ctx.lineTo(x, bottom);
  ctx.moveTo(x - 3, top + head);
  ctx.lineTo(x, top);
  ctx.lineTo(x + 3, top + head);
  ctx.moveTo(x - 3, bottom - head);
  ctx.lineTo(x, bottom);
  ctx.lineTo(x + 3, bottom - head);
  ctx.stroke();
  const width = ctx.measureText(gapLabel).width;
  const { left, right } = layout.plot;
  const start = x - 6 - width >= left + 2 ? x - 6 - width : Math.max(left + 2, Math.min(x + 6, right - 2 - width));
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(gapLabel, start, (top + bottom) / 2);
}

/**
 * The floor's label, at the left end of the dashed line (the curve's early steps are far
 * above it there), on a patch of background so the curve never runs through the text.
 */
function drawFloorLabel(ctx: CanvasRenderingContext2D, layout: LossCurveLayout, label: string, style: PlotStyle): void {
  if (layout.floorY === null) return;
  const { plot } = layout;
  const width = Math.min(ctx.measureText(label).width, plot.right - plot.left - 8);
  const height = style.fontSize * 1.25;
  const above = layout.floorY - plot.top > height + 3;
  const top = above ? layout.floorY - 3 - height : layout.floorY + 3;
  const x = plot.left + 4;
  ctx.fillStyle = style.background;
  ctx.globalAlpha = 0.85;
  ctx.fillRect(x - 2, top, width + 4, height);
  ctx.globalAlpha = 1;
  ctx.fillStyle = style.model;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, x, top + height / 2, width);
}

/** Draws axes, ticks, the floor (dashed, labelled), the curve and the gap to the floor. */
export function drawLossCurve(
  ctx: CanvasRenderingContext2D,
  layout: LossCurveLayout,
  floorLabel: string | null,
  gapLabel: string | null = null,
  style: PlotStyle = LIGHT_PLOT_STYLE,
): void {
  const { plot } = layout;
  ctx.save();
  ctx.font = plotFont(style);
  drawYGrid(ctx, plot, layout.yTicks, style);
  drawXLabels(ctx, layout.xTicks, plot.bottom + 6, plot.right + LOSS_MARGIN.right);
  if (layout.floorY !== null) {
    ctx.strokeStyle = style.model;
    ctx.setLineDash([5, 4]);
    ctx.beginPath();
    ctx.moveTo(plot.left, layout.floorY);
    ctx.lineTo(plot.right, layout.floorY);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  if (layout.linePath) {
    ctx.strokeStyle = style.line;
    ctx.lineWidth = 1.5;
    ctx.lineJoin = 'round';
    ctx.stroke(new Path2D(layout.linePath));
  }
  if (gapLabel) drawGap(ctx, layout, gapLabel, style.model);
  if (floorLabel) drawFloorLabel(ctx, layout, floorLabel, style);
  ctx.restore();
}
