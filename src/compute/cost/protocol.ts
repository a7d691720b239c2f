/**
 * The cost-versus-dimension lab's contract with the compute worker. Types only; the page
 * imports this file with `import type`.
 */
import type { CostMeasurement } from './cost-lab';

export type { CostMeasurement, CostOperationId } from './cost-lab';

export interface CostRunRequest {
  /** D values to measure, each in 2 … 64 (sorted and deduplicated by the worker). */
  dims: number[];
  /** Autoregressive layers K (default 2). */
  layers?: number;
  /** Hidden width of each MADE (default 64). */
  hidden?: number;
  /** Points per timed batch (default 256). */
  batch?: number;
  /** Timed runs per measurement after the untimed warm-up, median reported (default 7). */
  repeats?: number;
}

export interface CostProgress {
  measurement: CostMeasurement;
  /** Measurements done and in all. */
  done: number;
  total: number;
}

export interface CostRunResult {
  status: 'done' | 'cancelled';
  /** The tfjs backend that ran it, e.g. "wasm". */
  backend: string;
  layers: number;
  hidden: number;
  batch: number;
  /** Timed runs behind each median (after untimed warm-up runs of every operation). */
  repeats: number;
  rows: CostMeasurement[];
  /** The rows as CSV (dim,operation,passes,ms), for "Copy CSV". */
  csv: string;
}

export interface CostApi {
  /**
   * Measures the seven operations for each D; `onProgress` (a comlink proxy) hears of each
   * measurement. A new run cancels one still going.
   */
  costRun(request: CostRunRequest, onProgress: (progress: CostProgress) => void): Promise<CostRunResult>;
  /** Stops the running measurement loop at the next measurement boundary (no-op when idle). */
  costCancel(): Promise<void>;
}
