import { useState } from 'react';
import { useLabStore } from '../../state/lab-store';
import { COST_DIMS, type CostDim } from '../../state/url-schema';
import { PanelFrame } from '../PanelFrame';
import { copyText } from './copy-text';
import { useCostClient } from './cost-connection';
import { CostPlot } from './CostPlot';
import { CostTable } from './CostTable';
import { useCostRun } from './useCostRun';
import './cost.css';

/**
 * The cost-versus-dimension lab: times the five operations of an autoregressive flow and the
 * two of a coupling flow for each chosen D on the current backend, in the worker, and plots
 * them log–log with pass counts.
 */
export function CostPanel() {
  const dims = useLabStore((s) => s.params.dims);
  const setParam = useLabStore((s) => s.setParam);
  const client = useCostClient();
  const cost = useCostRun(client);
  const [copyStatus, setCopyStatus] = useState<string | null>(null);
  const toggle = (d: CostDim, on: boolean) =>
    setParam('dims', on ? [...dims, d] : dims.filter((x) => x !== d));
  const percent = cost.total > 0 ? Math.round((100 * cost.done) / cost.total) : 0;
  const csv = cost.result?.csv ?? null;
  return (
    <PanelFrame title="Cost versus dimension" className="panel-cost">
      <p className="muted">
        A 2-layer flow (MADE hidden width 64) with fresh weights for each D; 256 points per batch. Every operation first
        runs untimed (compiling its kernels), then the median of several timed runs is shown.
        MAF sampling and IAF density of external data need D passes per layer; the other three need one.
      </p>
      <div className="cost-controls">
        <fieldset className="cost-dims">
          <legend>Dimensions D</legend>
          {COST_DIMS.map((d) => (
            <label key={d}>
              <input
                type="checkbox"
                checked={dims.includes(d)}
                disabled={cost.running}
                onChange={(e) => toggle(d, e.target.checked)}
              />{' '}
              {d}
            </label>
          ))}
        </fieldset>
        <div className="training-controls" role="group" aria-label="Measurement">
          <button
            type="button"
            className="primary"
            disabled={!client || cost.running || dims.length === 0}
            onClick={() => {
              setCopyStatus(null);
              cost.run(dims.map(Number));
            }}
          >
            Run
          </button>
          <button type="button" disabled={!cost.running || cost.cancelling} onClick={cost.cancel}>
            Cancel
          </button>
          <button
            type="button"
            disabled={!csv}
            onClick={() => {
              if (csv)
                void copyText(csv).then((how) =>
                  setCopyStatus(how === 'failed' ? 'Copying failed: select the table instead.' : 'CSV copied.'),
                );
            }}
          >
            Copy CSV
          </button>
        </div>
      </div>
      <div className="cost-progress-row">
        <div
          className="cost-progress"
          role="progressbar"
          aria-label="Measurements done"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${cost.done} of ${cost.total} measurements`}
        >
          <div className="cost-progress-fill" style={{ width: `${percent}%` }} />
        </div>
        <span role="status" className="cost-status">
          {!client && 'Waiting for the compute worker…'}
          {cost.running && (cost.cancelling ? 'Cancelling…' : `Measuring: ${cost.done} of ${cost.total}`)}
          {!cost.running && cost.result?.status === 'done' && `Done: ${cost.result.rows.length} measurements on ${cost.result.backend.toUpperCase()}.`}
          {!cost.running && cost.result?.status === 'cancelled' && `Cancelled after ${cost.result.rows.length} measurements.`}
          {copyStatus && ` ${copyStatus}`}
        </span>
      </div>
      {cost.error && <p role="alert">{cost.error}</p>}
      <CostPlot rows={cost.rows} backend={cost.result?.backend ?? null} />
      <CostTable rows={cost.rows} />
    </PanelFrame>
  );
}
