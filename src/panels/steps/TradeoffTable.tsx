import { useMemo, useState } from 'react';
import type { FlowKind } from '../../core/flow/config';
import { totalPasses, type FlowOperation } from '../../core/flow/schedule';
import type { StepsApi, StepsTiming, StepsTimingRequest } from '../../compute/steps/protocol';
import { formatMs } from '../density/format';
import { useAsync } from './use-async';

const TIMED_POINTS = 1024;

const ROWS: { op: FlowOperation; label: string }[] = [
  { op: 'density', label: 'Density of data' },
  { op: 'sample', label: 'Sampling' },
  { op: 'ownSampleDensity', label: 'Density of own samples' },
];

/** The measurement behind a cell (a MAF's own samples get log p from the sampling itself). */
const TIMED: Record<FlowKind, Record<FlowOperation, string>> = {
  maf: { density: 'maf-density', sample: 'maf-sample', ownSampleDensity: 'maf-sample' },
  iaf: { density: 'iaf-density', sample: 'iaf-sample', ownSampleDensity: 'iaf-own-density' },
};

/** A timing request and which press of "Measure again" asked for it. */
type TimingAsk = StepsTimingRequest & { attempt: number };

const fetchTiming = (client: StepsApi, { attempt: _attempt, ...request }: TimingAsk) =>
  client.stepsTiming(request);

function msOf(timing: StepsTiming | null, kind: FlowKind, op: FlowOperation): number {
  return timing?.rows.find((r) => r.operation === TIMED[kind][op])?.ms ?? Number.NaN;
}

interface TradeoffTableProps {
  client: StepsApi | null;
  dim: number;
  layers: number;
  /** Measure only when the worker is otherwise idle (e.g. the model is fitted). */
  ready: boolean;
}

/** The lecture's trade-off table, live: passes and measured time per operation for MAF and IAF. */
export function TradeoffTable({ client, dim, layers, ready }: TradeoffTableProps) {
  const [attempt, setAttempt] = useState(0);
  const request = useMemo<TimingAsk | null>(
    () => (ready ? { dim, layers, n: TIMED_POINTS, attempt } : null),
    [ready, dim, layers, attempt],
  );
  const timing = useAsync(client, request, fetchTiming);
  const cell = (kind: FlowKind, op: FlowOperation) => (
    <>
      <td data-passes={`${kind}-${op}`}>{totalPasses(kind, op, dim, layers)}</td>
      <td data-ms={`${kind}-${op}`}>
        {timing.value
          ? formatMs(msOf(timing.value, kind, op))
          : timing.pending
            ? 'measuring…'
            : '–'}
        {kind === 'maf' && op === 'ownSampleDensity' && timing.value ? ' (with the sample)' : ''}
      </td>
    </>
  );
  return (
    <section className="steps-tradeoff" aria-label="Trade-off">
      <h3>The trade-off, measured here</h3>
      <table>
        <caption className="muted">
          Network passes for the whole flow ({layers} layer{layers > 1 ? 's' : ''}, D = {dim}) and
          the time for {TIMED_POINTS} points
          {timing.value
            ? `, median of ${timing.value.repeats} timed runs after untimed warm-up runs, on ${timing.value.backend.toUpperCase()}`
            : ''}
          .
        </caption>
        <thead>
          <tr>
            <th scope="col">Operation</th>
            <th scope="col">MAF passes</th>
            <th scope="col">MAF time</th>
            <th scope="col">IAF passes</th>
            <th scope="col">IAF time</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(({ op, label }) => (
            <tr key={op}>
              <th scope="row">{label}</th>
              {cell('maf', op)}
              {cell('iaf', op)}
            </tr>
          ))}
        </tbody>
      </table>
      {timing.error && <p role="alert">Timing failed: {timing.error}</p>}
      <button
        type="button"
        onClick={() => setAttempt((n) => n + 1)}
        disabled={!ready || timing.pending}
      >
        Measure again
      </button>
    </section>
  );
}
