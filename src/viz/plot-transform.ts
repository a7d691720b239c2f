/** The map between data coordinates (a view box, y up) and plot pixels (CSS px, y down). */

import type { GridSpec, ViewBox } from '../core/types';

export type { ViewBox };
/** A regular grid over a view box: values row-major [ny, nx], row 0 at y0 (the bottom). */
export type GridBox = GridSpec;

export interface PlotTransform {
  width: number;
  height: number;
  view: ViewBox;
  /** Data (x, y) → pixel (px, py); y0 maps to the bottom edge. */
  toPx(x: number, y: number): [number, number];
  /** Pixel (px, py) → data (x, y); the inverse of toPx. */
  toData(px: number, py: number): [number, number];
}

export function plotTransform(view: ViewBox, width: number, height: number): PlotTransform {
  const sx = width / (view.x1 - view.x0);
  const sy = height / (view.y1 - view.y0);
  return {
    width,
    height,
    view,
    toPx: (x, y) => [(x - view.x0) * sx, (view.y1 - y) * sy],
    toData: (px, py) => [view.x0 + px / sx, view.y1 - py / sy],
  };
}
