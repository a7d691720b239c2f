import { useCallback, useMemo } from 'react';
import type { PlotStyle } from '../../viz/style';
import { useLabStore } from '../../state/lab-store';
import { drawLossCurve, lossCurveLayout } from '../../viz/loss-curve';
import { formatNats, klGap } from './format';
import { PlotCanvas } from './PlotCanvas';
import { plural } from '../../core/plural';

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
    const gapText = gap === null ? '' : `, KL gap ${formatNats(gap)} nats`;
    return `Loss curve: ${what} ${count}${floorText}${gapText}`;
  }, [info, steps, frame, floor, gap]);

  return (
    <figure className="plot loss-plot">
      <figcaption>{info?.lossLabel ?? 'Loss'} per step</figcaption>
      <PlotCanvas className="plot-wide" label={label} draw={draw} />
      <p className="loss-stats">
        <span>Step {(frame?.step ?? 0).toLocaleString('en')}</span>
        {frame && isNll && Number.isFinite(frame.heldOutNll) && (
          <span>Held-out NLL {formatNats(frame.heldOutNll)} nats</span>
        )}
        {frame && !isNll && <span>Loss {formatNats(frame.loss)} nats</span>}
        {gap !== null && <strong className="kl-gap">KL gap: {formatNats(gap)} nats</strong>}
      </p>
    </figure>
  );
}
