import { Fragment, useMemo, useState } from 'react';
import type { FlowFamily } from '../../core/flow/flow-spec';
import { passesPerLayer, totalPasses, type FlowOperation } from '../../core/flow/schedule';
import type { StepsApi, StepsTiming, StepsTimingRequest } from '../../compute/steps/protocol';
import { formatMs } from '../density/format';
import { useAsync } from './use-async';

const TIMED_POINTS = 1024;

const ROWS: { op: FlowOperation; label: string }[] = [
  { op: 'density', label: 'Density of data' },
  { op: 'sample', label: 'Sampling' },
  { op: 'ownSampleDensity', label: 'Density of own samples' },
];

/** The families in column order, with their column names. */
const FAMILIES: { flow: FlowFamily; name: string }[] = [
  { flow: 'maf', name: 'MAF' },
  { flow: 'iaf', name: 'IAF' },
  { flow: 'coupling', name: 'Coupling' },
];

/**
 * The measurement behind a cell. A MAF's and a coupling flow's own samples get log p from the
 * sampling itself (the α of the sampling pass give the log-det), so they show its time.
 */
const TIMED: Record<FlowFamily, Record<FlowOperation, string>> = {
  maf: { density: 'maf-density', sample: 'maf-sample', ownSampleDensity: 'maf-sample' },
  iaf: { density: 'iaf-density', sample: 'iaf-sample', ownSampleDensity: 'iaf-own-density' },
  coupling: {
    density: 'coupling-density',
    sample: 'coupling-sample',
    ownSampleDensity: 'coupling-sample',
  },
};

const passCount = (n: number) => `${n} pass${n === 1 ? '' : 'es'}`;

/** A timing request and which press of "Measure again" asked for it. */
type TimingAsk = StepsTimingRequest & { attempt: number };

const fetchTiming = (client: StepsApi, { attempt: _attempt, ...request }: TimingAsk) =>
  client.stepsTiming(request);

function msOf(timing: StepsTiming | null, kind: FlowFamily, op: FlowOperation): number {
  return timing?.rows.find((r) => r.operation === TIMED[kind][op])?.ms ?? Number.NaN;
}

interface TradeoffTableProps {
  client: StepsApi | null;
  dim: number;
  layers: number;
  /** Measure only when the worker is otherwise idle (e.g. the model is fitted). */
  ready: boolean;
}

/**
 * The lecture's trade-off table, live: passes and measured time per operation for MAF and IAF,
 * and for a coupling flow of the same depth (beyond the lecture: its answer to "can we have both?").
 */
export function TradeoffTable({ client, dim, layers, ready }: TradeoffTableProps) {
  const [attempt, setAttempt] = useState(0);
  const request = useMemo<TimingAsk | null>(
    () => (ready ? { dim, layers, n: TIMED_POINTS, attempt } : null),
    [ready, dim, layers, attempt],
  );
  const timing = useAsync(client, request, fetchTiming);
  const cell = (kind: FlowFamily, op: FlowOperation) => (
    <>
      <td data-passes={`${kind}-${op}`}>{totalPasses(kind, op, dim, layers)}</td>
      <td data-ms={`${kind}-${op}`}>
        {timing.value
          ? formatMs(msOf(timing.value, kind, op))
          : timing.pending
            ? 'measuring…'
            : '–'}
        {op === 'ownSampleDensity' && TIMED[kind][op] === TIMED[kind].sample && timing.value
          ? ' (with the sample)'
          : ''}
      </td>
    </>
  );
  return (
    <section className="steps-tradeoff" aria-label="Trade-off">
      <h3>The trade-off, measured here</h3>
      {/* Scrolls sideways in a narrow column: focusable, so a keyboard can scroll it (axe: scrollable-region-focusable). */}
      <div className="steps-tradeoff-wrap" role="group" aria-label="Trade-off table" tabIndex={0}>
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
              {FAMILIES.map(({ flow, name }) => (
                <Fragment key={flow}>
                  <th scope="col">{name} passes</th>
                  <th scope="col">{name} time</th>
                </Fragment>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map(({ op, label }) => (
              <tr key={op}>
                <th scope="row">{label}</th>
                {FAMILIES.map(({ flow }) => (
                  <Fragment key={flow}>{cell(flow, op)}</Fragment>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted steps-tradeoff-coupling">
        Coupling layers (NICE, RealNVP) go beyond the lecture: half the variables pass through
        unchanged, and that half, known on both sides of the layer, gives μ and α for the other
        half. So density takes {passCount(passesPerLayer('coupling', 'density', dim))} per layer and
        sampling {passCount(passesPerLayer('coupling', 'sample', dim))}, against{' '}
        {passCount(passesPerLayer('maf', 'sample', dim))} for MAF sampling and IAF density. The
        price is expressiveness: each layer transforms only half the variables and never conditions
        one of them on another.
      </p>
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
