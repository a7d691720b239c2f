import { useCallback } from 'react';
import type { PlotStyle } from '../../viz/style';
import { DRAWN_VIEW } from '../../core/datasets';
import { useLabStore } from '../../state/lab-store';
import { plotTransform, type ViewBox } from '../../viz/plot-transform';
import { DATA_STYLE, DRAWN_STYLE, MODEL_STYLE, drawFrame, drawScatter } from '../../viz/scatter';
import { DrawingSurface } from './DrawingSurface';
import { labelOf } from './format';
import { PlotCanvas } from './PlotCanvas';
import { plural } from '../../core/plural';

const DEFAULT_VIEW: ViewBox = { x0: -4, x1: 4, y0: -4, y1: 4 };

function Marker({ shape }: { shape: 'disc' | 'cross' | 'ring' }) {
  const color = shape === 'cross' ? 'var(--color-model)' : 'var(--color-data)';
  return (
    <svg width="12" height="12" viewBox="-6 -6 12 12" aria-hidden="true">
      {shape === 'cross' ? (
        <path d="M-4,-4L4,4M-4,4L4,-4" stroke={color} strokeWidth="1.8" />
      ) : (
        <circle
          r="3.5"
          fill={shape === 'disc' ? color : 'none'}
          stroke={color}
          strokeWidth="1.5"
        />
      )}
    </svg>
  );
}

/** Data and model samples together; in draw mode, also the surface the user draws on. */
export function SamplesPlot() {
  const frame = useLabStore((s) => s.frame);
  const dataset = useLabStore((s) => s.params.dataset);
  const drawnPoints = useLabStore((s) => s.drawnPoints);
  const drawing = dataset === 'drawn';
  const view: ViewBox = drawing ? DRAWN_VIEW : (frame?.grid ?? DEFAULT_VIEW);
  const data = drawing ? drawnPoints : frame?.dataSamples;
  const model = frame?.modelSamples;

  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, width: number, height: number, style: PlotStyle) => {
      const transform = plotTransform(view, width, height);
      drawFrame(ctx, transform, style);
      if (data) drawScatter(ctx, data, transform, drawing ? DRAWN_STYLE : DATA_STYLE, style);
      if (model) drawScatter(ctx, model, transform, MODEL_STYLE, style);
    },
    [view, data, model, drawing],
  );

  const dataCount = data ? data.length / 2 : 0;
  const modelCount = model ? model.length / 2 : 0;
  const label =
    `Samples of ${labelOf(dataset)}: ${plural(dataCount, drawing ? 'drawn point' : 'data point')} (blue ` +
    `${drawing ? 'rings' : 'discs'}) and ${plural(modelCount, 'model sample')} (orange crosses)` +
    (drawing ? '. Click or drag here to add points.' : '');

  return (
    <figure className="plot">
      <figcaption>
        {drawing ? 'Draw here: data and model samples' : 'Data and model samples'}
      </figcaption>
      {drawing ? (
        <DrawingSurface view={view} label={label} draw={draw} />
      ) : (
        <PlotCanvas className="plot-square plot-light" label={label} draw={draw} />
      )}
      <ul className="plot-key" aria-label="Key">
        <li>
          <Marker shape={drawing ? 'ring' : 'disc'} /> {drawing ? 'drawn points' : 'data'}
        </li>
        <li>
          <Marker shape="cross" /> model samples
        </li>
      </ul>
    </figure>
  );
}
