import { useCallback } from 'react';
import type { DiscreteFrame, DiscreteInfo } from '../../compute/discrete/protocol';
import {
  discreteCurvesLayout,
  drawDiscreteCurves,
  DISCRETE_SERIES,
} from '../../viz/discrete-curves';
import { drawLatticeHeatmap, LOG_RANGE, peakLogDensity } from '../../viz/lattice-heatmap';
import { formatNats } from '../density/format';
import { PlotCanvas } from '../density/PlotCanvas';
import { seriesVariable, type PlotStyle } from '../../viz/style';

const LEGEND: [string, string, boolean][] = [
  [`var(${seriesVariable(DISCRETE_SERIES.plain)})`, 'plain: −Σ P log p(x)', false],
  [`var(${seriesVariable(DISCRETE_SERIES.dequantized)})`, 'dequantized: E[−log p(x + u)], 95 % band', false],
  [`var(${seriesVariable(DISCRETE_SERIES.crossEntropy)})`, 'dequantized as a pmf: −Σ P log P̂(x)', true],
  ['var(--color-plot-muted)', 'H(P)', true],
];

interface PlotsProps {
  info: DiscreteInfo;
  frame: DiscreteFrame;
}

/** The NLL curves of both fits with H(P) dashed. */
export function NllChart({ info, frame }: PlotsProps) {
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, width: number, height: number, style: PlotStyle) =>
      drawDiscreteCurves(
        ctx,
        discreteCurvesLayout(
          {
            steps: frame.steps,
            plain: frame.plainNll,
            dequantized: frame.dequantizedNll,
            dequantizedError: frame.dequantizedError,
            crossEntropy: frame.dequantizedCrossEntropy,
            entropy: info.entropy,
          },
          width,
          height,
        ),
        `H(P) = ${formatNats(info.entropy, 3)} nats`,
        style,
      ),
    [frame, info.entropy],
  );
  const last = frame.steps.length - 1;
  return (
    <figure className="plot discrete-chart">
      <figcaption>NLL per training step (nats)</figcaption>
      <PlotCanvas
        className="discrete-chart-canvas"
        label={`NLL curves over ${frame.step} steps: plain fit ${formatNats(frame.plainNll[last], 2)} nats, dequantized fit ${formatNats(frame.dequantizedNll[last], 2)} nats, floor H(P) ${formatNats(info.entropy, 2)} nats`}
        draw={draw}
      />
      <ul className="discrete-legend">
        {LEGEND.map(([color, text, dashed]) => (
          <li key={text}>
            <span
              className={dashed ? 'discrete-swatch is-dashed' : 'discrete-swatch'}
              style={{ borderColor: color }}
              aria-hidden="true"
            />
            {text}
          </li>
        ))}
      </ul>
    </figure>
  );
}

function Heatmap({
  info,
  logDensity,
  title,
}: {
  info: DiscreteInfo;
  logDensity: Float32Array;
  title: string;
}) {
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, width: number, height: number) =>
      drawLatticeHeatmap(
        ctx,
        { grid: info.grid, logDensity, points: info.points, probs: info.probs },
        width,
        height,
      ),
    [info, logDensity],
  );
  const peak = peakLogDensity(logDensity);
  return (
    <figure className="plot">
      <figcaption>{title}</figcaption>
      <PlotCanvas
        className="plot-square"
        label={`${title}: log-density on the plane, colour from ${formatNats(peak - LOG_RANGE)} to ${formatNats(peak)}; lattice points ringed`}
        draw={draw}
      />
      <p className="muted discrete-scale">
        colour: log p(x) from {formatNats(peak - LOG_RANGE)} to {formatNats(peak)} (the grid’s
        largest; a log scale, so every spike shows)
      </p>
    </figure>
  );
}

/** The two fitted densities side by side, each on its own linear scale. */
export function DensityPair({ info, frame }: PlotsProps) {
  return (
    <div className="discrete-heatmaps">
      <Heatmap
        info={info}
        logDensity={frame.plainLogDensity}
        title="Plain fit: spikes on the points"
      />
      <Heatmap
        info={info}
        logDensity={frame.dequantizedLogDensity}
        title="Dequantized fit: mass over the cells"
      />
    </div>
  );
}
