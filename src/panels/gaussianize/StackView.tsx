import { useCallback, useEffect, useId, useState } from 'react';
import { seriesVariable, type PlotStyle } from '../../viz/style';
import type { RbigIterationFrame } from '../../compute/gaussianize/protocol';
import type { RotationKind } from '../../core/gaussianize/rotation';
import { GAUSS_ROTATIONS, URL_SCHEMA } from '../../state/url-schema';
import { CHART_MARGIN } from '../../viz/gaussianize/axes';
import {
  drawGaussianityChart,
  gaussianityDomain,
  GAUSSIANITY_SERIES,
} from '../../viz/gaussianize/gaussianity-chart';
import { cloudHalfWidth, easeInOut, interpolateClouds } from '../../viz/gaussianize/transition';
import { plotTransform } from '../../viz/plot-transform';
import { DATA_STYLE, drawFrame, drawScatter } from '../../viz/scatter';
import { PlotCanvas } from '../density/PlotCanvas';
import { usePageHeld } from '../use-page-hold';
import { useCloudAnimation } from './useCloudAnimation';
import { plural } from '../../core/plural';

/** The last iteration shown: the end of `?iter=`'s range (0 … max). */
const MAX_ITERATION = URL_SCHEMA.iter.max;
/** Play stops here (the acceptance's 20 iterations are well Gaussianized). */
const PLAY_UNTIL = 30;

const ROTATION_LABELS: Record<RotationKind, string> = {
  random: 'Random orthogonal',
  pca: 'PCA (decorrelate)',
  pursuit: 'Projection pursuit',
};

interface StackViewProps {
  frame: RbigIterationFrame | null;
  iteration: number;
  rotation: RotationKind;
  onRotation(kind: RotationKind): void;
  onIteration(k: number): void;
}

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '–');

/** The 2-D stack: animated clouds, controls and the Gaussianity chart. */
export function StackView({ frame, iteration, rotation, onRotation, onIteration }: StackViewProps) {
  const rotationId = useId();
  const [playRequested, setPlaying] = useState(false);
  const playing = playRequested && iteration < PLAY_UNTIL;
  const held = usePageHeld();
  const progress = useCloudAnimation(frame, (frame?.iteration ?? 0) > 0);
  const animating = progress < 2;

  // Play: after each iteration has arrived and finished moving, ask for the next.
  useEffect(() => {
    // A page hold (slide hidden, frame out of view) waits; play goes on after it.
    if (!playing || held || !frame || frame.iteration !== iteration || animating) return;
    const timer = setTimeout(() => onIteration(iteration + 1), 250);
    return () => clearTimeout(timer);
  }, [playing, held, frame, iteration, animating, onIteration]);

  const drawClouds = useCallback(
    (ctx: CanvasRenderingContext2D, w: number, h: number, style: PlotStyle) => {
      if (!frame) return;
      const half = cloudHalfWidth(frame.before, frame.afterMarginal, frame.after);
      const side = Math.min(w, h);
      const transform = plotTransform({ x0: -half, x1: half, y0: -half, y1: half }, side, side);
      ctx.save();
      ctx.translate((w - side) / 2, (h - side) / 2);
      drawFrame(ctx, transform, style);
      const points =
        progress < 1
          ? interpolateClouds(frame.before, frame.afterMarginal, easeInOut(progress))
          : interpolateClouds(frame.afterMarginal, frame.after, easeInOut(progress - 1));
      drawScatter(ctx, points, transform, DATA_STYLE, style);
      ctx.restore();
    },
    [frame, progress],
  );

  const measures = frame?.measures ?? [];
  const series = {
    kl: measures.map((m) => m.kl),
    totalCorrelation: measures.map((m) => m.totalCorrelation),
    marginal: measures.map((m) => m.marginalNonGaussianity),
  };
  const drawChart = useCallback(
    (ctx: CanvasRenderingContext2D, w: number, h: number, style: PlotStyle) => {
      if (series.kl.length === 0) return;
      const domain = gaussianityDomain(series);
      drawGaussianityChart(
        ctx,
        {
          x0: domain.x[0],
          x1: domain.x[1],
          y0: domain.y[0],
          y1: domain.y[1],
          width: w,
          height: h,
          margin: CHART_MARGIN,
        },
        series,
        frame?.iteration ?? 0,
        style,
      );
    },
    // series is rebuilt from frame on every render
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [frame],
  );

  const current = frame ? frame.measures[frame.iteration] : null;
  const heldOutNll = frame ? -(frame.heldOutLogLikelihood[frame.iteration] ?? Number.NaN) : Number.NaN;
  const phase =
    !frame || frame.iteration === 0
      ? 'the data'
      : progress < 1
        ? 'marginal Gaussianization'
        : 'rotation';
  const measureText = current
    ? `Iteration ${frame!.iteration}: KL ≈ ${fmt(current.kl)} ± ${fmt(current.standardError)} nats on held-out points (total correlation ${fmt(current.totalCorrelation)}, marginal ${fmt(current.marginalNonGaussianity)})`
    : 'Fitting…';
  const nllText =
    frame && frame.iteration > 0 && Number.isFinite(heldOutNll)
      ? `Held-out NLL of the ${frame.iteration}-iteration stack: ${fmt(heldOutNll)} nats`
      : null;

  return (
    <div className="gauss-stack">
      <div className="gauss-controls" role="group" aria-label="Iterations">
        <label htmlFor={rotationId}>Rotation</label>
        <select
          id={rotationId}
          value={rotation}
          onChange={(e) => onRotation(e.target.value as RotationKind)}
        >
          {GAUSS_ROTATIONS.map((k) => (
            <option key={k} value={k}>
              {ROTATION_LABELS[k]}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => onIteration(Math.min(MAX_ITERATION, iteration + 1))}
          disabled={iteration >= MAX_ITERATION}
        >
          Next iteration
        </button>
        <button type="button" onClick={() => setPlaying(!playing)} aria-pressed={playing}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button
          type="button"
          onClick={() => {
            setPlaying(false);
            onIteration(0);
          }}
          disabled={iteration === 0}
        >
          Back to the data
        </button>
      </div>
      <div className="gauss-pair">
        <figure className="gauss-figure">
          <figcaption>
            Points at iteration {frame?.iteration ?? iteration}{' '}
            <span className="muted">({phase})</span>
          </figcaption>
          <PlotCanvas
            className="gauss-square"
            label={`Scatter plot of the ${frame ? frame.after.length / 2 : 0} training points after ${plural(frame?.iteration ?? 0, 'iteration')} of marginal Gaussianization and rotation`}
            draw={drawClouds}
          />
        </figure>
        <figure
          className="gauss-figure"
          data-iteration={frame?.iteration ?? ''}
          data-kl={current ? current.kl.toFixed(4) : ''}
          data-kl-error={current ? current.standardError.toFixed(4) : ''}
          data-nll={Number.isFinite(heldOutNll) ? heldOutNll.toFixed(4) : ''}
          data-points={measures.length}
        >
          <figcaption>Gaussianity per iteration</figcaption>
          <PlotCanvas
            className="gauss-chart"
            label={`Chart of the estimated KL divergence to N(0, I) for iterations 0 to ${Math.max(0, measures.length - 1)}. ${measureText}`}
            draw={drawChart}
          />
          <p className="gauss-legend">
            {/* Only the marks carry the line colours; the text keeps the theme's (contrast). */}
            <span>
              <span style={{ color: `var(${seriesVariable(GAUSSIANITY_SERIES.kl)})` }} aria-hidden="true">
                ●
              </span>{' '}
              KL to N(0, I), held-out points
            </span>{' '}
            <span>
              <span style={{ color: `var(${seriesVariable(GAUSSIANITY_SERIES.totalCorrelation)})` }} aria-hidden="true">
                —
              </span>{' '}
              total correlation
            </span>{' '}
            <span>
              <span style={{ color: `var(${seriesVariable(GAUSSIANITY_SERIES.marginal)})` }} aria-hidden="true">
                —
              </span>{' '}
              marginal non-Gaussianity
            </span>
          </p>
          <p className="gauss-measure" aria-live="polite">
            {measureText}
          </p>
          {nllText && <p className="gauss-nll">{nllText}</p>}
        </figure>
      </div>
    </div>
  );
}
