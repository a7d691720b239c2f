import { useCallback, useId, useMemo } from 'react';
import type { PlotStyle } from '../../viz/style';
import type { Gauss1DFrame } from '../../compute/gaussianize/protocol';
import { normalPdf } from '../../core/toy/normal';
import { GAUSS_CDFS, GAUSS_SOURCES, URL_SCHEMA, type GaussSource } from '../../state/url-schema';
import type { MarginalKind } from '../../core/gaussianize/marginal-types';
import { CHART_MARGIN, type ChartFrame } from '../../viz/gaussianize/axes';
import {
  drawHistogram,
  histogram,
  histogramYMax,
  type Curve,
} from '../../viz/gaussianize/histogram';
import { drawQqPlot, qqExtent } from '../../viz/gaussianize/qq-plot';
import { PlotCanvas, type DrawFunction } from '../density/PlotCanvas';
import { sourceLabel } from './gaussianize-data';
import { plural } from '../../core/plural';

const BINS = 40;
const frameFor = (
  width: number,
  height: number,
  x: [number, number],
  y: [number, number],
): ChartFrame => ({
  x0: x[0],
  x1: x[1],
  y0: y[0],
  y1: y[1],
  width,
  height,
  margin: CHART_MARGIN,
});

const Z_GRID = Float64Array.from({ length: 121 }, (_, i) => -4 + i / 15);
const Z_CURVE = Float64Array.from(Z_GRID, normalPdf);

interface StageProps {
  title: string;
  caption: string;
  label: string;
  draw: DrawFunction;
}

function Stage({ title, caption, label, draw }: StageProps) {
  const id = useId();
  return (
    <figure className="gauss-stage" aria-labelledby={id}>
      <figcaption id={id}>
        <strong>{title}</strong> <span className="muted">{caption}</span>
      </figcaption>
      <PlotCanvas className="gauss-stage-canvas" label={label} draw={draw} />
    </figure>
  );
}

interface OneDStagesProps {
  frame: Gauss1DFrame | null;
  /** The 1-D sample the frame was computed from [n]. */
  sample: Float64Array | null;
  source: GaussSource;
  datasetLabel: string;
  kind: MarginalKind;
  bandwidthFactor: number;
  onSource(source: GaussSource): void;
  onKind(kind: MarginalKind): void;
  onBandwidth(factor: number): void;
}

/** x → F̂ → u → z, each stage a histogram with its curve, plus the Q–Q plot of z. */
export function OneDStages(props: OneDStagesProps) {
  const { frame, sample, source, datasetLabel, kind, bandwidthFactor } = props;
  const sourceId = useId();
  const kindId = useId();
  const bwId = useId();
  const xs = frame?.grid;
  const xRange = useMemo<[number, number]>(() => (xs ? [xs[0], xs[xs.length - 1]] : [0, 1]), [xs]);
  const values = frame;

  const drawData = useCallback(
    (ctx: CanvasRenderingContext2D, w: number, h: number, style: PlotStyle) => {
      if (!values || !sample) return;
      const hist = histogram(sample, xRange[0], xRange[1], BINS);
      const curves: Curve[] = [{ x: values.grid, y: values.density, color: style.model }];
      drawHistogram(ctx, frameFor(w, h, xRange, [0, histogramYMax(hist, curves)]), hist, curves, style);
    },
    [values, sample, xRange],
  );
  const drawCdf = useCallback(
    (ctx: CanvasRenderingContext2D, w: number, h: number, style: PlotStyle) => {
      if (!values || !sample) return;
      // F̂ over a faint histogram of x (scaled into the CDF's [0, 1] range, for orientation)
      const hist = histogram(sample, xRange[0], xRange[1], BINS);
      const top = Math.max(...hist.heights) || 1;
      const scaled = { ...hist, heights: hist.heights.map((v) => (0.35 * v) / top) };
      drawHistogram(ctx, frameFor(w, h, xRange, [0, 1.05]), scaled, [
        { x: values.grid, y: values.cdf, color: style.model },
      ], style);
    },
    [values, sample, xRange],
  );
  const drawU = useCallback(
    (ctx: CanvasRenderingContext2D, w: number, h: number, style: PlotStyle) => {
      if (!values) return;
      const hist = histogram(values.u, 0, 1, 20);
      const curves: Curve[] = [{ x: [0, 1], y: [1, 1], color: style.muted, dashed: true }];
      drawHistogram(ctx, frameFor(w, h, [0, 1], [0, histogramYMax(hist, curves)]), hist, curves, style);
    },
    [values],
  );
  const drawZ = useCallback(
    (ctx: CanvasRenderingContext2D, w: number, h: number, style: PlotStyle) => {
      if (!values) return;
      const hist = histogram(values.z, -4, 4, BINS);
      const curves: Curve[] = [{ x: Z_GRID, y: Z_CURVE, color: style.muted, dashed: true }];
      drawHistogram(ctx, frameFor(w, h, [-4, 4], [0, histogramYMax(hist, curves)]), hist, curves, style);
    },
    [values],
  );
  const drawQq = useCallback(
    (ctx: CanvasRenderingContext2D, w: number, h: number, style: PlotStyle) => {
      if (!values) return;
      const m = qqExtent(values.qqNormal, values.qqSample);
      drawQqPlot(ctx, frameFor(w, h, [-m, m], [-m, m]), values.qqNormal, values.qqSample, style);
    },
    [values],
  );

  const ks = frame ? frame.ks.toFixed(3) : '…';
  return (
    <div className="gauss-1d">
      <div className="gauss-controls">
        <label htmlFor={sourceId}>1-D sample</label>
        <select
          id={sourceId}
          value={source}
          onChange={(e) => props.onSource(e.target.value as GaussSource)}
        >
          {GAUSS_SOURCES.map((s) => (
            <option key={s} value={s}>
              {sourceLabel(s, datasetLabel)}
            </option>
          ))}
        </select>
        <label htmlFor={kindId}>CDF estimate</label>
        <select
          id={kindId}
          value={kind}
          onChange={(e) => props.onKind(e.target.value as MarginalKind)}
        >
          {GAUSS_CDFS.map((k) => (
            <option key={k} value={k}>
              {k === 'kernel' ? 'Smooth kernel CDF' : 'Empirical CDF (interpolated)'}
            </option>
          ))}
        </select>
        <label htmlFor={bwId}>Bandwidth ×{bandwidthFactor.toFixed(2)}</label>
        <input
          id={bwId}
          type="range"
          min={URL_SCHEMA.bw.min}
          max={URL_SCHEMA.bw.max}
          step={0.05}
          value={bandwidthFactor}
          disabled={kind !== 'kernel'}
          aria-valuetext={`${bandwidthFactor.toFixed(2)} times the rule-of-thumb bandwidth`}
          onChange={(e) => props.onBandwidth(Number(e.target.value))}
        />
      </div>
      <div className="gauss-stages" data-ks={frame ? frame.ks.toFixed(4) : undefined}>
        <Stage
          title="1. Data x"
          caption={`histogram, density f̂${frame?.bandwidth ? ` (h = ${frame.bandwidth.toPrecision(2)})` : ''}`}
          label={`Histogram of ${plural(sample?.length ?? 0, 'value')} of the 1-D sample with the estimated density curve`}
          draw={drawData}
        />
        <Stage
          title="2. CDF F̂(x)"
          caption={kind === 'kernel' ? 'smooth kernel CDF' : 'empirical, interpolated'}
          label="The estimated cumulative distribution function F̂ over the data range"
          draw={drawCdf}
        />
        <Stage
          title="3. u = F̂(x)"
          caption="uniform on (0, 1)"
          label="Histogram of u = F̂(x) against the flat uniform density 1"
          draw={drawU}
        />
        <Stage
          title="4. z = Φ⁻¹(u)"
          caption="against N(0, 1)"
          label="Histogram of z = Φ⁻¹(u) with the standard normal density curve"
          draw={drawZ}
        />
        <Stage
          title="Q–Q plot of z"
          caption={`KS distance to N(0, 1): ${ks}`}
          label={`Quantiles of z against standard normal quantiles; Kolmogorov–Smirnov distance ${ks}`}
          draw={drawQq}
        />
      </div>
    </div>
  );
}
