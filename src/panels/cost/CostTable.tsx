import type { CostMeasurement } from '../../compute/cost/protocol';
import { formatMs } from '../density/format';
import { COST_SERIES } from './cost-series';

/** One row per D, one column per operation: median time and the pass count. */
export function CostTable({ rows }: { rows: CostMeasurement[] }) {
  const dims = [...new Set(rows.map((r) => r.dim))].sort((a, b) => a - b);
  const runs = rows[0]?.runs;
  return (
    <div className="cost-table-wrap">
      <table className="cost-table">
        <caption className="muted">
          {runs ? `Median of ${runs} timed runs` : 'Median time'} per batch, after untimed warm-up runs (network passes
          for the whole flow)
        </caption>
        <thead>
          <tr>
            <th scope="col">D</th>
            {COST_SERIES.map((s) => (
              <th key={s.id} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {dims.map((dim) => (
            <tr key={dim}>
              <th scope="row">{dim}</th>
              {COST_SERIES.map((s) => {
                const r = rows.find((m) => m.dim === dim && m.operation === s.id);
                return (
                  <td key={s.id} data-passes={r?.passes}>
                    {r ? `${formatMs(r.ms)} (${r.passes})` : '–'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
