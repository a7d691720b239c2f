import { useCallback, useMemo } from 'react';
import type { PlotStyle } from '../../viz/style';
import { useLabStore } from '../../state/lab-store';
import { drawLossCurve, lossCurveLayout } from '../../viz/loss-curve';
import { formatNats, formatWithError, klGap } from './format';
import { PlotCanvas } from './PlotCanvas';
import { plural } from '../../core/plural';
import { formatRate } from '../../core/flow/lr-schedule';

/** The loss per step with its floor (dashed) and the KL gap in nats. */
export function LossPlot() {
  const frame = useLabStore((s) => s.frame);
  const info = useLabStore((s) => s.modelInfo);
  const floor = info?.lossFloor ?? null;
  const isNll = info?.lossLabel.startsWith('NLL') ?? true;
  const gap = klGap(frame, info);
  const floorLabel =
    floor === null
      ? null
      : isNll
        ? `entropy floor H(p) = ${formatNats(floor)}`
        : `floor ${formatNats(floor)}`;
  // The curve's end is the training loss; the stated gap uses held-out NLL where there is one.
  const lastLoss = frame?.lossValues.length ? frame.lossValues[frame.lossValues.length - 1] : NaN;
  const gapLabel =
    floor !== null && Number.isFinite(lastLoss) ? `${formatNats(lastLoss - floor)} nats` : null;
  const steps = frame?.lossSteps;
  const values = frame?.lossValues;

  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, width: number, height: number, style: PlotStyle) => {
      const layout = lossCurveLayout(steps ?? [], values ?? [], floor, width, height, style.fontSize);
      drawLossCurve(ctx, layout, floorLabel, gapLabel, style);
    },
    [steps, values, floor, floorLabel, gapLabel],
  );

  const label = useMemo(() => {
    const what = info?.lossLabel ?? 'Loss';
    const count = steps?.length
      ? `over ${plural(steps[steps.length - 1], 'step')}, latest ${formatNats(frame?.loss ?? NaN)}`
      : 'no steps yet';
    const floorText = floor === null ? '' : `, floor ${formatNats(floor)}`;
    const kl = frame?.klEstimate;
    const gapText = kl
      ? `, KL(q‖p) ${formatWithError(kl.value, kl.standardError)} nats`
      : gap === null
        ? ''
        : `, KL gap ${formatNats(gap)} nats`;
    return `Loss curve: ${what} ${count}${floorText}${gapText}`;
  }, [info, steps, frame, floor, gap]);

  return (
    <figure className="plot loss-plot">
      <figcaption>{info?.lossLabel ?? 'Loss'} per step</figcaption>
      <PlotCanvas className="plot-wide" label={label} draw={draw} />
      <p className="loss-stats">
        <span>Step {(frame?.step ?? 0).toLocaleString('en')}</span>
        {frame && Number.isFinite(frame.learningRate) && (
          <span className="lr-now" data-lr={frame.learningRate}>
            lr {formatRate(frame.learningRate)}
          </span>
        )}
        {frame && isNll && Number.isFinite(frame.heldOutNll) && (
          <span>Held-out NLL {formatNats(frame.heldOutNll)} nats</span>
        )}
        {frame && !isNll && !frame.klEstimate && <span>Loss {formatNats(frame.loss)} nats</span>}
        {frame?.klEstimate ? (
          <strong className="kl-gap" data-kl={frame.klEstimate.value} data-kl-error={frame.klEstimate.standardError}>
            KL(q‖p) ≈ {formatWithError(frame.klEstimate.value, frame.klEstimate.standardError)} nats
            <span className="muted"> (Monte Carlo, {frame.klEstimate.samples.toLocaleString('en')} samples, ± one standard error)</span>
          </strong>
        ) : (
          gap !== null && <strong className="kl-gap">KL gap: {formatNats(gap)} nats</strong>
        )}
      </p>
      {info?.logNormaliser && (
        <p className="loss-note muted">
          KL(q‖p) = E<sub>q</sub>[log q + U] + log Z: training minimises E<sub>q</sub>[log q + U], which is
          the KL minus log Z, so log Z is added to show the KL itself (floor 0). {info.logNormaliser.description}.
        </p>
      )}
    </figure>
  );
}
