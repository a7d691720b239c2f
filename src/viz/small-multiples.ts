/**
 * Small multiples of a point cloud as it passes through a flow's layers: one panel per
 * stage, each showing two chosen coordinates of the cloud in its own robust view box
 * (quantiles, so a few far points do not shrink the rest).
 */
import { quantileSorted } from 'd3-array';
import { LIGHT_PLOT_STYLE, type PlotStyle } from './style';
import type { ViewBox } from './plot-transform';
import { plotTransform } from './plot-transform';
import { drawFrame, drawScatter, type ScatterStyle } from './scatter';

/** Coordinates (a, b) of points [n·D] as [n·2]. */
export function projectPoints(
  points: ArrayLike<number>,
  dim: number,
  a: number,
  b: number,
): Float32Array {
  const n = Math.floor(points.length / dim);
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = points[i * dim + a];
    out[2 * i + 1] = points[i * dim + b];
  }
  return out;
}

/** Value at quantile q of ascending values, interpolated (d3's `quantileSorted`); 0 for none. */
function quantile(sorted: number[], q: number): number {
  return quantileSorted(sorted, q) ?? 0;
}

/**
 * A square view box around points [n·2] covering the [q, 1 − q] quantiles of each
 * coordinate, padded by `pad` of its size; non-finite points are ignored.
 */
export function cloudView(points: ArrayLike<number>, q = 0.01, pad = 0.12): ViewBox {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    if (Number.isFinite(points[i]) && Number.isFinite(points[i + 1])) {
      xs.push(points[i]);
      ys.push(points[i + 1]);
    }
  }
  if (xs.length === 0) return { x0: -3, x1: 3, y0: -3, y1: 3 };
  xs.sort((u, v) => u - v);
  ys.sort((u, v) => u - v);
  const [xl, xh, yl, yh] = [
    quantile(xs, q),
    quantile(xs, 1 - q),
    quantile(ys, q),
    quantile(ys, 1 - q),
  ];
  const half = Math.max(xh - xl, yh - yl, 1e-3) * (0.5 + pad);
  const [cx, cy] = [(xl + xh) / 2, (yl + yh) / 2];
  return { x0: cx - half, x1: cx + half, y0: cy - half, y1: cy + half };
}

/** One panel: frame and axes, then the cloud [n·2] in the view. */
export function drawCloud(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  points: ArrayLike<number>,
  view: ViewBox,
  style: ScatterStyle,
  plotStyle: PlotStyle = LIGHT_PLOT_STYLE,
): void {
  const transform = plotTransform(view, width, height);
  drawFrame(ctx, transform, plotStyle);
  drawScatter(ctx, points, transform, style, plotStyle);
}
