import { useCallback } from 'react';
import type { PlotStyle } from '../../viz/style';
import { bandCurveLayout, drawBandCurve, BAND_Z } from '../../viz/band-curve';
import { drawLossCurve, lossCurveLayout } from '../../viz/loss-curve';
import type { DistillFrame } from '../../compute/distill/protocol';
import { formatNats } from '../density/format';
import { PlotCanvas } from '../density/PlotCanvas';
import { DIRECTION_TEXT } from './DistillControls';
import { plural } from '../../core/plural';

/** The KL estimate with its 95 % Monte-Carlo band, and the student's held-out NLL against the teacher's. */
export function KlCurves({ frame }: { frame: DistillFrame }) {
  const { klSteps, klMeans, klErrors, nllValues, teacherNll } = frame;
  const what = DIRECTION_TEXT[frame.direction].label;
  const drawKl = useCallback(
    (ctx: CanvasRenderingContext2D, width: number, height: number, style: PlotStyle) =>
      drawBandCurve(ctx, bandCurveLayout(klSteps, klMeans, klErrors, 0, width, height, style.fontSize), 'KL = 0', style),
    [klSteps, klMeans, klErrors],
  );
  const drawNll = useCallback(
    (ctx: CanvasRenderingContext2D, width: number, height: number, style: PlotStyle) =>
      drawLossCurve(
        ctx,
        lossCurveLayout(klSteps, nllValues, teacherNll, width, height, style.fontSize),
        `teacher NLL ${formatNats(teacherNll)}`,
        null,
        style,
      ),
    [klSteps, nllValues, teacherNll],
  );
  const n = klMeans.length;
  const first = n ? klMeans[0] : NaN;
  const last = n ? klMeans[n - 1] : NaN;
  const lastError = n ? klErrors[n - 1] : NaN;
  const lastNll = n ? nllValues[n - 1] : NaN;
  return (
    <div className="distill-curves">
      <figure className="plot loss-plot">
        <figcaption>{what} estimate (nats), ±{BAND_Z}·standard error</figcaption>
        <PlotCanvas
          className="plot-wide"
          label={`KL curve: ${what} from ${formatNats(first)} to ${formatNats(last)} nats (± ${formatNats(lastError, 3)}) over ${plural(frame.step, 'step')}`}
          draw={drawKl}
        />
        <p className="loss-stats">
          <span>Step {frame.step.toLocaleString('en')}</span>
          <span data-kl={last}>
            KL {formatNats(last, 3)} ± {formatNats(lastError, 3)} nats
          </span>
        </p>
      </figure>
      <figure className="plot loss-plot">
        <figcaption>Student NLL on held-out data (nats)</figcaption>
        <PlotCanvas
          className="plot-wide"
          label={`Student held-out NLL ${formatNats(lastNll)} nats; teacher ${formatNats(teacherNll)} nats (dashed)`}
          draw={drawNll}
        />
        <p className="loss-stats">
          <span>Student {formatNats(lastNll)} nats</span>
          <span>Teacher {formatNats(teacherNll)} nats</span>
        </p>
      </figure>
    </div>
  );
}
