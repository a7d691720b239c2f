/**
 * The worker's CostApi: one run of the cost lab at a time, through the session RunLoop
 * (compute/session/run-loop.ts). A run claims the loop's run counter: a newer run or
 * costCancel makes it stale, runCostLab sees that between measurements and stops, and the
 * newer run starts only once the stale one has released its tensors (the serial queue).
 * Every param of a run rebuilds (COST_PARAM_TABLE): there is nothing to keep between runs.
 */
import { tf } from '../tf';
import { DEFAULT_COST_OPTIONS, costCsv, runCostLab, type CostLabOptions, type CostMeasurement } from './cost-lab';
import type { CostApi, CostRunRequest } from './protocol';
import { RunLoop } from '../session/run-loop';
import { paramsOf, type TableFor } from '../../core/session/param-table';
import { COST_PARAM_TABLE } from '../../core/session/session-params';

const MIN_DIM = 2;
const MAX_DIM = 64;

const runner = new RunLoop('cost');

/** Every param of a run rebuilds (bound here: the table must name exactly CostRunRequest's). */
const PARAM_TABLE: TableFor<Required<CostRunRequest>, typeof COST_PARAM_TABLE> = COST_PARAM_TABLE;

const intIn = (value: number | undefined, min: number, max: number, fallback: number): number =>
  value === undefined ? fallback : Number.isInteger(value) && value >= min && value <= max ? value : NaN;

/** The options of a request, or an error naming what is wrong with it. */
export function costOptions(request: CostRunRequest): CostLabOptions {
  const dims = [...new Set(request.dims ?? [])].sort((a, b) => a - b);
  if (dims.length === 0) throw new Error('choose at least one dimension D');
  const bad = dims.find((d) => !Number.isInteger(d) || d < MIN_DIM || d > MAX_DIM);
  if (bad !== undefined) throw new Error(`D must be an integer from ${MIN_DIM} to ${MAX_DIM}, not ${bad}`);
  const options: CostLabOptions = {
    dims,
    layers: intIn(request.layers, 1, 12, DEFAULT_COST_OPTIONS.layers),
    hidden: intIn(request.hidden, 8, 256, DEFAULT_COST_OPTIONS.hidden),
    batch: intIn(request.batch, 1, 4096, DEFAULT_COST_OPTIONS.batch),
    repeats: intIn(request.repeats, 1, 20, DEFAULT_COST_OPTIONS.repeats),
  };
  for (const key of paramsOf(PARAM_TABLE, 'rebuild'))
    if (key !== 'dims' && Number.isNaN(options[key])) throw new Error(`${key} is out of range: ${String(request[key])}`);
  return options;
}

export const costApi: CostApi = {
  costRun(request, onProgress) {
    const options = costOptions(request);
    const live = runner.claim(); // the run before this one (if any) is stale from now on
    return runner.command(async () => {
      const rows: CostMeasurement[] = [];
      const status = live()
        ? await runCostLab(
            options,
            (measurement, done, total) => {
              rows.push(measurement);
              // A proxy call into the page: not awaited, so the page drawing never slows the loop.
              void Promise.resolve(onProgress({ measurement, done, total })).catch(() => undefined);
            },
            () => !live(),
          )
        : 'cancelled';
      return { status, backend: tf.getBackend(), layers: options.layers, hidden: options.hidden, batch: options.batch, repeats: options.repeats, rows, csv: costCsv(rows) };
    });
  },
  async costCancel() {
    runner.stop();
  },
};
