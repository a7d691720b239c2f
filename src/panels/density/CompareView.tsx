import { useEffect, useState } from 'react';
import type { CompareRow } from '../../compute/compare/protocol';
import { holdLab } from '../../state/lab-commands';
import { useLabStore } from '../../state/lab-store';
import { pagePresets, presetFlowKey } from '../../state/presets';
import { compareEntries, entryName, entryPasses, klGapText, nllText, type CompareEntry } from './compare-rows';
import { useCompareClient } from './compare-connection';
import { DensityPlot } from './DensityPlot';
import { formatMs, labelOf } from './format';

/** Live maximum-likelihood steps for a family without a fitting preset. */
const TRAIN_STEPS = 300;
const GRID = 48;

/** Results by (data set, flow, transform, layers, hidden, seed): reopening the view recomputes nothing. */
const results = new Map<string, CompareRow>();

type RowState = { status: 'waiting' | 'training' } | { status: 'done'; row: CompareRow } | { status: 'failed'; error: string };

/**
 * MAF, IAF and coupling fitted to the same data side by side. Mounted only while the view is
 * open: it holds the lab's training (one worker: its timings would mix), fits the rows one at a
 * time, and stops asking when closed.
 */
export function CompareView() {
  const client = useCompareClient();
  const { dataset, transform, layers, hidden, seed } = useLabStore((s) => s.params);
  const entries = compareEntries(transform);
  const keyOf = (e: CompareEntry) => [dataset, e.flow, e.transform, layers, hidden, seed].join('|');
  const [states, setStates] = useState<Record<string, RowState>>({});
  const drawn = dataset === 'drawn';

  useEffect(() => {
    holdLab('compare', true);
    return () => holdLab('compare', false);
  }, []);

  const runKey = [dataset, transform, layers, hidden, seed].join('|');
  useEffect(() => {
    if (!client || drawn) return;
    let live = true;
    void (async () => {
      for (const e of compareEntries(transform)) {
        const key = [dataset, e.flow, e.transform, layers, hidden, seed].join('|');
        const known = results.get(key);
        if (known) {
          setStates((s) => ({ ...s, [key]: { status: 'done', row: known } }));
          continue;
        }
        setStates((s) => ({ ...s, [key]: { status: 'training' } }));
        try {
          const presetText = await pagePresets.load(dataset, presetFlowKey(e.flow, e.transform)).catch(() => null);
          if (!live) return;
          const row = await client.compareFit({
            dataset,
            flow: e.flow,
            transform: e.transform,
            layers,
            hidden,
            seed,
            presetText,
            trainSteps: TRAIN_STEPS,
            gridSize: GRID,
          });
          results.set(key, row);
          if (!live) return;
          setStates((s) => ({ ...s, [key]: { status: 'done', row } }));
        } catch (error) {
          if (!live) return;
          const text = error instanceof Error ? error.message : String(error);
          setStates((s) => ({ ...s, [key]: { status: 'failed', error: text } }));
        }
      }
    })();
    return () => {
      live = false;
    };
    // runKey holds every input of the loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, runKey]);

  if (drawn)
    return (
      <section className="compare-view" aria-label="Compare flows">
        <p className="muted">Pick a data set to compare the flows (a drawing has no held-out data).</p>
      </section>
    );
  const busy = entries.some((e) => {
    const st = states[keyOf(e)]?.status;
    return st === undefined || st === 'waiting' || st === 'training';
  });
  return (
    <section className="compare-view" aria-label="Compare flows" aria-busy={busy}>
      <p className="muted">
        {labelOf(dataset)}: {layers} layers, two hidden layers of {hidden} in every layer’s network.
        Each flow starts from its preset where one fits, otherwise it is trained here by maximum
        likelihood ({TRAIN_STEPS} steps of 256 points). Held-out NLL on 2,048 fresh points with its
        standard error; the KL gap is NLL − H(p), the distance to the entropy floor. Passes are
        network passes of the whole {layers}-layer flow at D = 2. Time per
        training step is the median of 7 steps after 3 warm-up steps, on this machine. Training in
        the lab pauses while this view is open.
      </p>
      <div className="compare-plots">
        {entries.map((e) => {
          const st = states[keyOf(e)];
          return st?.status === 'done' ? (
            <DensityPlot
              key={keyOf(e)}
              title={entryName(e)}
              label={`Model density of ${entryName(e)} on ${labelOf(dataset)}, held-out NLL ${nllText(st.row)} nats`}
              logDensity={st.row.logDensity}
              grid={st.row.grid}
              contours={false}
            />
          ) : (
            <figure key={keyOf(e)} className="plot compare-pending">
              <figcaption>{entryName(e)}</figcaption>
              <p className="muted">{st?.status === 'failed' ? `failed: ${st.error}` : st?.status === 'training' ? 'training…' : 'waiting…'}</p>
            </figure>
          );
        })}
      </div>
      <table className="compare-table" data-testid="compare-table">
        <caption>MAF, IAF and coupling flows fitted to {labelOf(dataset)}</caption>
        <thead>
          <tr>
            <th scope="col">Flow</th>
            <th scope="col">Held-out NLL (nats)</th>
            <th scope="col">KL gap (nats)</th>
            <th scope="col">Passes per density</th>
            <th scope="col">Passes per sample</th>
            <th scope="col">ms per training step</th>
            <th scope="col">Weights</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const st = states[keyOf(e)];
            const passes = entryPasses(e, layers);
            const row = st?.status === 'done' ? st.row : null;
            const pending = st?.status === 'failed' ? 'failed' : st?.status === 'training' ? 'training…' : 'waiting…';
            return (
              <tr key={keyOf(e)} data-flow={e.flow} data-transform={e.transform} data-status={st?.status ?? 'waiting'}>
                <th scope="row">{entryName(e)}</th>
                <td data-cell="nll">{row ? nllText(row) : pending}</td>
                <td data-cell="kl-gap">{row ? klGapText(row) : pending}</td>
                <td data-cell="passes-density">{passes.density}</td>
                <td data-cell="passes-sample">{passes.sample}</td>
                <td data-cell="ms-per-step">{row ? `${formatMs(row.msPerStep)} (${row.backend})` : pending}</td>
                <td data-cell="origin">{row ? (row.origin === 'preset' ? 'preset' : `trained here, ${row.trainedSteps} steps`) : pending}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
