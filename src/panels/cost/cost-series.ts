/** The seven measured operations of the cost lab (five MAF/IAF, two coupling), in plot and table order, with their labels. */
import type { CostMeasurement, CostOperationId } from '../../compute/cost/protocol';
import type { CostSeriesInput } from '../../viz/cost-plot';

export const COST_SERIES: readonly { id: CostOperationId; label: string }[] = [
  { id: 'maf-density', label: 'MAF density' },
  { id: 'maf-sample', label: 'MAF sampling' },
  { id: 'iaf-density', label: 'IAF density (external data)' },
  { id: 'iaf-sample', label: 'IAF sampling' },
  { id: 'iaf-own-density', label: 'IAF density (own samples)' },
  { id: 'coupling-density', label: 'Coupling density' },
  { id: 'coupling-sample', label: 'Coupling sampling' },
];

/** Rows grouped into the plot's series (every series present, possibly empty). */
export function seriesOf(rows: readonly CostMeasurement[]): CostSeriesInput[] {
  return COST_SERIES.map(({ id, label }) => ({
    id,
    label,
    points: rows.filter((r) => r.operation === id).map((r) => ({ dim: r.dim, ms: r.ms, passes: r.passes })),
  }));
}
