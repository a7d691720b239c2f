import type { DiscreteFrame, DiscreteInfo } from '../../compute/discrete/protocol';
import { formatNats } from '../density/format';

const BAND_Z = 1.96;

/** The latest figures of both models beside H(P), each with how it was computed. */
export function DiscreteNumbers({ info, frame }: { info: DiscreteInfo; frame: DiscreteFrame }) {
  const last = frame.steps.length - 1;
  const plain = frame.plainNll[last];
  const dequantized = frame.dequantizedNll[last];
  const error = frame.dequantizedError[last];
  const cross = frame.dequantizedCrossEntropy[last];
  const h = info.entropy;
  const below = plain < h;
  return (
    <dl className="discrete-numbers" data-testid="discrete-numbers" data-step={frame.step}>
      <div>
        <dt>Step</dt>
        <dd data-value="step">{frame.step.toLocaleString('en')}</dd>
      </div>
      <div className="discrete-floor">
        <dt>H(P), the floor of any pmf (exact, {info.probs.length} lattice points)</dt>
        <dd data-value="entropy" data-number={h}>
          {formatNats(h, 3)} nats
        </dd>
      </div>
      <div className="discrete-plain">
        <dt>Plain fit: −Σ P(x) log p(x) (exact over the pmf)</dt>
        <dd data-value="plain" data-number={plain}>
          {formatNats(plain, 3)} nats{' '}
          <span className="muted">
            {below
              ? `(${formatNats(h - plain, 2)} below H(P): not a probability)`
              : `(${formatNats(plain - h, 2)} above H(P))`}
          </span>
        </dd>
      </div>
      <div className="discrete-plain">
        <dt>Plain fit: tallest spike, max log p(x) at a lattice point</dt>
        <dd data-value="peak" data-number={frame.plainPeakLogDensity}>
          {formatNats(frame.plainPeakLogDensity, 2)}{' '}
          <span className="muted">(p = {Math.exp(frame.plainPeakLogDensity).toPrecision(3)})</span>
        </dd>
      </div>
      <div className="discrete-dequantized">
        <dt>
          Dequantized fit: E[−log p(x + u)] (Monte Carlo, {info.drawsPerPoint} draws of u per point,
          ±{BAND_Z} s.e.)
        </dt>
        <dd data-value="dequantized" data-number={dequantized} data-error={error}>
          {formatNats(dequantized, 3)} ± {formatNats(BAND_Z * error, 3)} nats
        </dd>
      </div>
      <div className="discrete-dequantized">
        <dt>
          Dequantized fit as a pmf: −Σ P(x) log P̂(x), P̂(x) = ∫ p(x + u) du (midpoint rule,{' '}
          {info.cellNodes} nodes a cell)
        </dt>
        <dd data-value="cross-entropy" data-number={cross}>
          {formatNats(cross, 3)} nats{' '}
          <span className="muted">(Σ P̂ = {frame.dequantizedCellMass.toFixed(3)})</span>
        </dd>
      </div>
    </dl>
  );
}
