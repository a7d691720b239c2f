/** Square 2-D plots of the panel: a point cloud, or a density heatmap from a log-density grid. */
import type { PlotStyle } from '../../viz/style';
import { useCallback } from 'react';
import type { ViewBox } from '../../core/datasets';
import { densityFromLog, densityLut, maxFinite } from '../../viz/color-map';
import { drawHeatmap } from '../../viz/heatmap';
import { plotTransform } from '../../viz/plot-transform';
import { DATA_STYLE, drawFrame, drawScatter, MODEL_STYLE } from '../../viz/scatter';
import { PlotCanvas } from '../density/PlotCanvas';
import { GRID_SIDE } from './useGaussianize';

let lut: ReturnType<typeof densityLut> | null = null;

/** The largest centred square of the canvas, mapped to the view. */
function squareTransform(view: ViewBox, w: number, h: number) {
  const side = Math.min(w, h);
  return {
    side,
    dx: (w - side) / 2,
    dy: (h - side) / 2,
    transform: plotTransform(view, side, side),
  };
}

export function CloudPlot(props: {
  title: string;
  label: string;
  view: ViewBox;
  points: Float32Array | null;
  model?: boolean;
}) {
  const { view, points, model } = props;
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, w: number, h: number, style: PlotStyle) => {
      const { dx, dy, transform } = squareTransform(view, w, h);
      ctx.save();
      ctx.translate(dx, dy);
      drawFrame(ctx, transform, style);
      if (points) drawScatter(ctx, points, transform, model ? MODEL_STYLE : DATA_STYLE, style);
      ctx.restore();
    },
    [view, points, model],
  );
  return (
    <figure className="gauss-figure">
      <figcaption>{props.title}</figcaption>
      <PlotCanvas className="gauss-square" label={props.label} draw={draw} />
    </figure>
  );
}

export function DensityHeatmap(props: {
  title: string;
  label: string;
  view: ViewBox;
  logDensity: Float32Array | null;
}) {
  const { view, logDensity } = props;
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, w: number, h: number) => {
      if (!logDensity) return;
      const { dx, dy, transform } = squareTransform(view, w, h);
      const density = densityFromLog(logDensity);
      lut ??= densityLut();
      ctx.save();
      ctx.translate(dx, dy);
      drawHeatmap(
        ctx,
        density,
        { ...view, nx: GRID_SIDE, ny: GRID_SIDE },
        transform,
        maxFinite(density),
        lut,
      );
      ctx.restore();
    },
    [view, logDensity],
  );
  return (
    <figure className="gauss-figure">
      <figcaption>{props.title}</figcaption>
      <PlotCanvas className="gauss-square" label={props.label} draw={draw} />
    </figure>
  );
}
