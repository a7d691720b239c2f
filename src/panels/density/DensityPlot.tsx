import { useCallback, useMemo } from 'react';
import type { PlotStyle } from '../../viz/style';
import type { GridSpec } from '../../compute/lab/protocol';
import { densityFromLog, densityLut, maxFinite } from '../../viz/color-map';
import { contourLevels, drawContours, massThresholds } from '../../viz/contours';
import { drawHeatmap } from '../../viz/heatmap';
import { drawColorLegend, formatDensity } from '../../viz/legend';
import { plotTransform } from '../../viz/plot-transform';
import { PlotCanvas } from './PlotCanvas';

interface DensityPlotProps {
  title: string;
  /** Text alternative of the heatmap. */
  label: string;
  /** log p on the grid, [ny·nx], row 0 at y0; −Infinity allowed. */
  logDensity: Float32Array;
  grid: GridSpec;
  contours: boolean;
}

/** A density heatmap (viridis on [0, max p]) with optional mass contours and a colour legend. */
export function DensityPlot({ title, label, logDensity, grid, contours }: DensityPlotProps) {
  const density = useMemo(() => densityFromLog(logDensity), [logDensity]);
  const vmax = useMemo(() => maxFinite(density), [density]);
  const levels = useMemo(
    () => (contours ? contourLevels(density, grid, massThresholds(density)) : []),
    [contours, density, grid],
  );
  const drawPlot = useCallback(
    (ctx: CanvasRenderingContext2D, width: number, height: number) => {
      const transform = plotTransform(grid, width, height);
      drawHeatmap(ctx, density, grid, transform, vmax, densityLut());
      if (levels.length > 0) drawContours(ctx, levels, transform);
    },
    [density, grid, vmax, levels],
  );
  const drawLegend = useCallback(
    (ctx: CanvasRenderingContext2D, width: number, _height: number, style: PlotStyle) =>
      drawColorLegend(ctx, width, densityLut(), vmax, 'density p(x)', style),
    [vmax],
  );
  return (
    <figure className="plot">
      <figcaption>{title}</figcaption>
      <PlotCanvas className="plot-square" label={label} draw={drawPlot} />
      <PlotCanvas
        className="plot-legend"
        label={`Colour scale of "${title}": dark purple for 0 to yellow for ${formatDensity(vmax)}`}
        draw={drawLegend}
      />
    </figure>
  );
}
