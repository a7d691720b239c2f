/**
 * Histograms with a curve on top, the picture of every 1-D stage: bin heights are densities
 * (count / (n · bin width)), so they sit on the same scale as a density curve.
 */
import { LIGHT_PLOT_STYLE, type PlotStyle } from '../style';
import { chartToPx, drawAxes, type ChartFrame } from './axes';

export interface Histogram {
  lo: number;
  hi: number;
  /** Density per bin [bins]: Σ height · width = fraction of the values inside [lo, hi]. */
  heights: Float64Array;
}

/** Bins the finite values in [lo, hi] into `bins` equal bins (hi itself joins the last). */
export function histogram(
  values: ArrayLike<number>,
  lo: number,
  hi: number,
  bins: number,
): Histogram {
  const heights = new Float64Array(bins);
  const width = (hi - lo) / bins;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    n++;
    if (v < lo || v > hi) continue;
    heights[Math.min(bins - 1, Math.floor((v - lo) / width))] += 1;
  }
  for (let b = 0; b < bins; b++) heights[b] = n > 0 ? heights[b] / (n * width) : 0;
  return { lo, hi, heights };
}

/** Smallest and largest finite value (or [−1, 1] when there is none). */
export function finiteRange(values: ArrayLike<number>): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) continue;
    lo = Math.min(lo, values[i]);
    hi = Math.max(hi, values[i]);
  }
  return lo <= hi ? (lo < hi ? [lo, hi] : [lo - 1, hi + 1]) : [-1, 1];
}

export interface Curve {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  color: string;
  /** Dashed reference curves (e.g. N(0, 1)). */
  dashed?: boolean;
}

/** The y-range a histogram and its curves need: [0, 1.1 · the tallest]. */
export function histogramYMax(hist: Histogram, curves: Curve[]): number {
  let top = 0;
  for (const h of hist.heights) top = Math.max(top, h);
  for (const c of curves)
    for (let i = 0; i < c.y.length; i++) if (Number.isFinite(c.y[i])) top = Math.max(top, c.y[i]);
  return 1.1 * (top || 1);
}

/** Bars of the histogram and the curves, over axes. */
export function drawHistogram(
  ctx: CanvasRenderingContext2D,
  frame: ChartFrame,
  hist: Histogram,
  curves: Curve[],
  style: PlotStyle = LIGHT_PLOT_STYLE,
): void {
  drawAxes(ctx, frame, { style });
  const bins = hist.heights.length;
  const width = (hist.hi - hist.lo) / bins;
  ctx.save();
  // The data colour, light: bars stay behind the curves drawn over them.
  ctx.globalAlpha = 0.38;
  ctx.fillStyle = style.data;
  for (let b = 0; b < bins; b++) {
    const [left, top] = chartToPx(frame, hist.lo + b * width, hist.heights[b]);
    const [right, bottom] = chartToPx(frame, hist.lo + (b + 1) * width, 0);
    ctx.fillRect(left, top, Math.max(0.5, right - left - 0.5), bottom - top);
  }
  ctx.globalAlpha = 1;
  for (const curve of curves) {
    ctx.strokeStyle = curve.color;
    ctx.lineWidth = 2;
    ctx.setLineDash(curve.dashed ? [5, 4] : []);
    ctx.beginPath();
    let started = false;
    for (let i = 0; i < curve.x.length; i++) {
      if (!Number.isFinite(curve.y[i])) continue;
      const [px, py] = chartToPx(frame, curve.x[i], Math.min(curve.y[i], frame.y1));
      if (started) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
      started = true;
    }
    ctx.stroke();
  }
  ctx.restore();
}
