import { useCallback, useMemo } from 'react';
import { seriesVariable, type PlotStyle } from '../../viz/style';
import type { CostMeasurement } from '../../compute/cost/protocol';
import { COST_SERIES_STYLES, costPlotLayout, drawCostPlot, type CostSeriesStyle } from '../../viz/cost-plot';
import { PlotCanvas } from '../density/PlotCanvas';
import { seriesOf } from './cost-series';

/** The legend's sample of a series, in the theme's colour for it (`--color-series-*`). */
function LegendMarker({ style }: { style: CostSeriesStyle }) {
  const { series, marker, dash } = style;
  const color = 'currentColor';
  const shape =
    marker === 'disc' || marker === 'ring' ? (
      <circle r="3.5" cx="14" fill={marker === 'ring' ? 'none' : color} stroke={color} strokeWidth="1.5" />
    ) : marker === 'square' ? (
      <rect x="10.5" y="-3.5" width="7" height="7" fill={color} />
    ) : marker === 'triangle' ? (
      <path d="M14,-4.2L17.9,2.8L10.1,2.8Z" fill={color} />
    ) : (
      <path d="M14,-4.5L17.9,0L14,4.5L10.1,0Z" fill={color} />
    );
  return (
    <svg width="28" height="12" viewBox="0 -6 28 12" aria-hidden="true" style={{ color: `var(${seriesVariable(series)})` }}>
      <line x1="0" x2="28" y1="0" y2="0" stroke={color} strokeWidth="1.6" strokeDasharray={dash.join(' ')} />
      {shape}
    </svg>
  );
}

/** Time against D on log–log axes, seven series, pass counts beside the points, and a legend. */
export function CostPlot({ rows, backend }: { rows: CostMeasurement[]; backend: string | null }) {
  const series = useMemo(() => seriesOf(rows), [rows]);
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, width: number, height: number, style: PlotStyle) =>
      drawCostPlot(ctx, costPlotLayout(series, width, height, style.fontSize), style),
    [series],
  );
  const drawn = series.filter((s) => s.points.length > 0);
  const label =
    drawn.length === 0
      ? 'Time against dimension D, log–log: no measurements yet'
      : `Time against dimension D, log–log${backend ? ` on ${backend}` : ''}: ` +
        drawn
          .map((s) => `${s.label} ${s.points.map((p) => `D ${p.dim}: ${p.ms.toFixed(2)} ms, ${p.passes} passes`).join('; ')}`)
          .join('. ');
  return (
    <figure className="plot cost-plot" data-series={drawn.length}>
      <figcaption>Time per batch against D (log–log); the number beside each point is its network-pass count</figcaption>
      <PlotCanvas className="plot-cost" label={label} draw={draw} />
      <ul className="plot-key cost-legend" aria-label="Legend">
        {series.map((s, k) => (
          <li key={s.id}>
            <LegendMarker style={COST_SERIES_STYLES[k % COST_SERIES_STYLES.length]} /> {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
