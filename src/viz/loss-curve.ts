/**
 * The loss curve: loss per training step, with the floor (the entropy H(p) for NLL, where
 * known) as a dashed line, so the gap to it — KL(p‖model) in nats — is visible. The layout
 * is pure (scales, ticks, an SVG path string); drawing replays the path on a canvas.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { drawYGrid } from './axis-grid';

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

/** Value at quantile q of the sorted finite values. */
function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
}

/**
 * The y range shown: from min(losses, floor) to the 98th percentile of the losses (early
 * spikes are clipped so the interesting part fills the plot), padded by 5 %.
 */
export function lossYDomain(values: ArrayLike<number>, floor: number | null): [number, number] {
  const finite = Float64Array.from(values)
    .filter((v) => Number.isFinite(v))
    .sort();
  const hasFloor = floor !== null && Number.isFinite(floor);
  if (finite.length === 0) return hasFloor ? [floor - 0.5, floor + 0.5] : [0, 1];
  let lo = finite[0];
  let hi = quantile(finite, 0.98);
  if (hasFloor) {
    lo = Math.min(lo, floor);
    hi = Math.max(hi, floor);
  }
  const span = hi - lo;
  const pad = span > 1e-9 ? 0.05 * span : Math.max(0.5, Math.abs(hi) * 0.05);
  return [lo - pad, hi + pad];
}

const formatStep = (value: number) => (value >= 10000 ? `${value / 1000}k` : String(value));

export function lossCurveLayout(
  steps: ArrayLike<number>,
  values: ArrayLike<number>,
  floor: number | null,
  width: number,
  height: number,
): LossCurveLayout {
  const n = Math.min(steps.length, values.length);
  const plot = {
    left: LOSS_MARGIN.left,
    top: LOSS_MARGIN.top,
    right: Math.max(LOSS_MARGIN.left + 1, width - LOSS_MARGIN.right),
    bottom: Math.max(LOSS_MARGIN.top + 1, height - LOSS_MARGIN.bottom),
  };
  const first = n > 0 ? steps[0] : 0;
  const last = n > 0 ? steps[n - 1] : 1;
  const xDomain: [number, number] = last > first ? [first, last] : [first, first + 1];
  const yDomain = lossYDomain(
    Array.from({ length: n }, (_, i) => values[i]),
    floor,
  );
  const x = scaleLinear().domain(xDomain).range([plot.left, plot.right]);
  const y = scaleLinear().domain(yDomain).range([plot.bottom, plot.top]);
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
      .ticks(Math.max(2, Math.floor((plot.right - plot.left) / 80)))
      .filter(Number.isInteger)
      .map((value) => ({ value, px: x(value), label: formatStep(value) })),
    yTicks: y.ticks(4).map((value) => ({ value, px: y(value), label: y.tickFormat(4)(value) })),
    last: lastIndex >= 0 ? { x: x(steps[lastIndex]), y: clampY(values[lastIndex]) } : null,
  };
}

export interface LossCurveStyle {
  lineColor: string;
  floorColor: string;
  textColor: string;
  gridColor: string;
}

export const LOSS_STYLE: LossCurveStyle = {
  lineColor: '#2f5fd0',
  floorColor: '#d55e00',
  textColor: '#5b6577',
  gridColor: '#e6e9ef',
};

/** A vertical double arrow from the floor to the curve's end, labelled with the gap. */
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
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.fillText(gapLabel, x - 6, (top + bottom) / 2);
}

/** Draws axes, ticks, the floor (dashed, labelled), the curve and the gap to the floor. */
export function drawLossCurve(
  ctx: CanvasRenderingContext2D,
  layout: LossCurveLayout,
  floorLabel: string | null,
  gapLabel: string | null = null,
  style: LossCurveStyle = LOSS_STYLE,
): void {
  const { plot } = layout;
  ctx.save();
  drawYGrid(ctx, plot, layout.yTicks, style.textColor, style.gridColor);
  for (const tick of layout.xTicks) ctx.fillText(tick.label, tick.px, plot.bottom + 6);
  if (layout.floorY !== null) {
    ctx.strokeStyle = style.floorColor;
    ctx.setLineDash([5, 4]);
    ctx.beginPath();
    ctx.moveTo(plot.left, layout.floorY);
    ctx.lineTo(plot.right, layout.floorY);
    ctx.stroke();
    ctx.setLineDash([]);
    if (floorLabel) {
      ctx.fillStyle = style.floorColor;
      ctx.textAlign = 'right';
      ctx.textBaseline = layout.floorY - plot.top > 16 ? 'bottom' : 'top';
      ctx.fillText(
        floorLabel,
        plot.right - 2,
        layout.floorY + (ctx.textBaseline === 'top' ? 3 : -3),
      );
    }
  }
  if (layout.linePath) {
    ctx.strokeStyle = style.lineColor;
    ctx.lineWidth = 1.5;
    ctx.lineJoin = 'round';
    ctx.stroke(new Path2D(layout.linePath));
  }
  if (gapLabel) drawGap(ctx, layout, gapLabel, style.floorColor);
  ctx.restore();
}
