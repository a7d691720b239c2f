import { useLabStore } from '../../state/lab-store';
import { presetFlowKey } from '../../state/presets';
import { DensityPlot } from './DensityPlot';
import { labelOf, modelDensityLabel, previewDensityLabel } from './format';
import { SamplesPlot } from './SamplesPlot';

function Placeholder({ title, text }: { title: string; text: string }) {
  return (
    <figure className="plot">
      <figcaption>{title}</figcaption>
      <div className="plot-square plot-placeholder">{text}</div>
    </figure>
  );
}

/** Samples, the model's density and (where known) the true density, side by side. */
export function DensityPlots() {
  const frame = useLabStore((s) => s.frame);
  const params = useLabStore((s) => s.params);
  const preview = useLabStore((s) => s.preview);
  // The live model's density, else the preset's precomputed one (until the first frame).
  const model = frame
    ? { label: modelDensityLabel(frame), logDensity: frame.logDensity, grid: frame.grid }
    : preview && preview.dataset === params.dataset && preview.flow === presetFlowKey(params.flow, params.transform)
      ? { label: previewDensityLabel(preview), logDensity: preview.logDensity, grid: preview.grid }
      : null;
  const contours = params.contours;
  const phase = useLabStore((s) => s.run.phase);
  const entropy = useLabStore((s) => s.modelInfo?.entropyFloor ?? null);
  const stale = phase === 'configuring';
  return (
    <div className={stale ? 'density-plots is-stale' : 'density-plots'} aria-busy={stale}>
      <SamplesPlot />
      {model ? (
        <DensityPlot
          title="Model density"
          label={model.label}
          logDensity={model.logDensity}
          grid={model.grid}
          contours={contours}
        />
      ) : (
        <Placeholder
          title="Model density"
          text={phase === 'needs-data' ? 'Draw points to fit a flow.' : 'Waiting for the model…'}
        />
      )}
      {frame?.trueLogDensity && (
        <DensityPlot
          title="True density"
          label={`True density of ${labelOf(frame.params.dataset)}${
            entropy !== null ? ` (entropy ${entropy.toFixed(2)} nats)` : ''
          }`}
          logDensity={frame.trueLogDensity}
          grid={frame.grid}
          contours={contours}
        />
      )}
    </div>
  );
}
