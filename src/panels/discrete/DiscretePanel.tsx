import { useLabStore } from '../../state/lab-store';
import { PanelFrame } from '../PanelFrame';
import { DiscreteNumbers } from './DiscreteNumbers';
import { DensityPair, NllChart } from './DiscretePlots';
import { DiscreteText } from './DiscreteText';
import { useDiscreteClient } from './discrete-connection';
import { useDiscreteSession } from './useDiscreteSession';
import './discrete.css';

/** Discrete data: a flow fitted to lattice points spikes on them; dequantization bounds it. */
export function DiscretePanel() {
  const seed = useLabStore((s) => s.params.seed);
  const client = useDiscreteClient();
  const session = useDiscreteSession(client, seed);
  const { info, frame, running, error } = session;
  return (
    <PanelFrame title="Discrete data: spikes and dequantization" className="panel-discrete">
      <div className="discrete-controls">
        <button
          type="button"
          disabled={!info}
          onClick={() => session.setRunning(!running)}
          aria-pressed={running}
        >
          {running ? 'Pause' : 'Train'}
        </button>
        <button type="button" disabled={!info} onClick={session.reset}>
          Reset
        </button>
        {info && (
          <span className="muted">
            Both fits: a {info.layers}-layer MAF (two hidden layers of {info.hidden[0]}), Adam{' '}
            {info.learningRate}, batches of {info.batchSize}; data: a two-component Gaussian mixture
            discretised on the integer lattice.
          </span>
        )}
      </div>
      {error && <p role="alert">The discrete-data models stopped: {error}</p>}
      {!client && <p className="muted">Waiting for the compute worker…</p>}
      {client && !frame && !error && (
        <p className="muted" aria-live="polite">
          Building the two models…
        </p>
      )}
      {info && frame && (
        <>
          <div className="discrete-main">
            <NllChart info={info} frame={frame} />
            <DiscreteNumbers info={info} frame={frame} />
          </div>
          <DensityPair info={info} frame={frame} />
        </>
      )}
      <DiscreteText />
    </PanelFrame>
  );
}
