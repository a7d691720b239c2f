/**
 * The worker's CostApi: one run of the cost lab at a time. A run owns a cancel flag that
 * runCostLab checks between measurements; costCancel (or a newer run) sets it.
 */
import { tf } from '../tf';
import { DEFAULT_COST_OPTIONS, costCsv, runCostLab, type CostLabOptions, type CostMeasurement } from './cost-lab';
import type { CostApi, CostRunRequest } from './protocol';

const MIN_DIM = 2;
const MAX_DIM = 64;

interface ActiveRun {
  cancelled: boolean;
  finished: Promise<unknown>;
}

let active: ActiveRun | null = null;

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
  for (const key of ['layers', 'hidden', 'batch', 'repeats'] as const)
    if (Number.isNaN(options[key])) throw new Error(`${key} is out of range: ${String(request[key])}`);
  return options;
}

export const costApi: CostApi = {
  async costRun(request, onProgress) {
    const options = costOptions(request);
    if (active) {
      active.cancelled = true;
      await active.finished;
    }
    const run: ActiveRun = { cancelled: false, finished: Promise.resolve() };
    const rows: CostMeasurement[] = [];
    const measuring = runCostLab(
      options,
      (measurement, done, total) => {
        rows.push(measurement);
        // A proxy call into the page: not awaited, so the page drawing never slows the loop.
        void Promise.resolve(onProgress({ measurement, done, total })).catch(() => undefined);
      },
      () => run.cancelled,
    );
    run.finished = measuring.catch(() => undefined);
    active = run;
    try {
      const status = await measuring;
      return { status, backend: tf.getBackend(), layers: options.layers, hidden: options.hidden, batch: options.batch, repeats: options.repeats, rows, csv: costCsv(rows) };
    } finally {
      if (active === run) active = null;
    }
  },
  async costCancel() {
    if (active) active.cancelled = true;
  },
};
