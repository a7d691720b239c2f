import { useCallback, useMemo } from 'react';
import type { PlotStyle } from '../../viz/style';
import { DATA_STYLE, MODEL_STYLE, type ScatterStyle } from '../../viz/scatter';
import { cloudView, drawCloud, projectPoints } from '../../viz/small-multiples';
import { PlotCanvas } from '../density/PlotCanvas';
import type { CloudStage, LayerClouds } from './layer-clouds';
import { plural } from '../../core/plural';

interface LayersViewProps {
  clouds: LayerClouds;
  dim: number;
  selectedLayer: number;
  onSelect: (layerIndex: number) => void;
}

function StageCanvas({
  stage,
  dim,
  style,
}: {
  stage: CloudStage;
  dim: number;
  style: ScatterStyle;
}) {
  const points = useMemo(() => projectPoints(stage.points, dim, 0, 1), [stage, dim]);
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, width: number, height: number, plotStyle: PlotStyle) =>
      drawCloud(ctx, width, height, points, cloudView(points), style, plotStyle),
    [points, style],
  );
  return (
    <PlotCanvas
      className="steps-stage-canvas"
      label={`${stage.label}: coordinates 1 and 2 of ${plural(stage.points.length / dim, 'point')}`}
      draw={draw}
    />
  );
}

function StageRow({
  title,
  stages,
  dim,
  style,
  selectedLayer,
  onSelect,
}: {
  title: string;
  stages: CloudStage[];
  dim: number;
  style: ScatterStyle;
  selectedLayer: number;
  onSelect: (k: number) => void;
}) {
  return (
    <div className="steps-stage-row" role="group" aria-label={title}>
      <p className="steps-stage-title">{title}</p>
      {stages.map((stage, s) => {
        const layerIndex = stage.layerIndex;
        const body = (
          <>
            <StageCanvas stage={stage} dim={dim} style={style} />
            <span className="steps-stage-label">{stage.label}</span>
          </>
        );
        return layerIndex === null ? (
          <div key={s} className="steps-stage">
            {body}
          </div>
        ) : (
          <button
            key={s}
            type="button"
            className="steps-stage"
            aria-pressed={layerIndex === selectedLayer}
            aria-label={`${stage.label}: select layer ${layerIndex + 1}`}
            onClick={() => onSelect(layerIndex)}
          >
            {body}
          </button>
        );
      })}
    </div>
  );
}

/** Small multiples of data → … → N(0, I) and of samples the other way; a click selects a layer. */
export function LayersView({ clouds, dim, selectedLayer, onSelect }: LayersViewProps) {
  return (
    <section className="steps-layers" aria-label="Through the layers">
      <h3>Through the layers</h3>
      <StageRow
        title="Data → base (x → z)"
        stages={clouds.toBase}
        dim={dim}
        style={DATA_STYLE}
        selectedLayer={selectedLayer}
        onSelect={onSelect}
      />
      <StageRow
        title="Base → samples (z → x)"
        stages={clouds.toData}
        dim={dim}
        style={MODEL_STYLE}
        selectedLayer={selectedLayer}
        onSelect={onSelect}
      />
      <p className="muted">
        Coordinates 1 and 2{dim > 2 ? ` of ${dim}` : ''}; each view is scaled to its own cloud.
        Choose a stage to walk the layer that produced it.
      </p>
    </section>
  );
}
