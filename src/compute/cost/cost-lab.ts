/**
 * The cost-versus-dimension lab: on the current backend, times the five operations of an
 * autoregressive flow for growing D and reports the network passes each needs:
 *   MAF density (1 pass/layer)  · MAF sampling (D)  · IAF density of external data (D)
 *   IAF sampling (1)            · IAF density of its own samples (1: its z is known)
 * Timing does not depend on the fit, so each D uses freshly initialised weights.
 */
import { tf } from '../tf';
import { DEFAULT_FLOW_CONFIG, type FlowKind } from '../../core/flow/config';
import { initFlowWeights } from '../../core/flow/init';
import { passesPerLayer, type FlowOperation } from '../../core/flow/schedule';
import { createRng } from '../../core/rng';
import { TfFlow } from '../flow/tf-flow';

export const COST_OPERATIONS = [
  { id: 'maf-density', kind: 'maf', op: 'density', label: 'MAF density' },
  { id: 'maf-sample', kind: 'maf', op: 'sample', label: 'MAF sampling' },
  { id: 'iaf-density', kind: 'iaf', op: 'density', label: 'IAF density (external data)' },
  { id: 'iaf-sample', kind: 'iaf', op: 'sample', label: 'IAF sampling' },
  { id: 'iaf-own-density', kind: 'iaf', op: 'ownSampleDensity', label: 'IAF density (own samples)' },
] as const satisfies readonly { id: string; kind: FlowKind; op: FlowOperation; label: string }[];

export type CostOperationId = (typeof COST_OPERATIONS)[number]['id'];

export interface CostLabOptions {
  dims: number[];
  layers: number;
  hidden: number;
  /** Points per timed batch. */
  batch: number;
  /** Timed repetitions per measurement (the median is reported). */
  repeats: number;
}

export interface CostMeasurement {
  dim: number;
  operation: CostOperationId;
  /** Network passes for the whole stack. */
  passes: number;
  ms: number;
}

export const DEFAULT_COST_OPTIONS: CostLabOptions = { dims: [2, 4, 8, 16, 32, 64], layers: 2, hidden: 64, batch: 256, repeats: 3 };

/** Runs one operation on a [n, D] batch and returns a tensor to await. */
function runOperation(flow: TfFlow, kind: FlowKind, op: FlowOperation, input: tf.Tensor2D): tf.Tensor {
  if (op === 'density') return flow.logProb(input, kind);
  if (op === 'sample') return flow.toData(input, kind).out;
  return flow.sampleWithLogProb(input, kind).logProb;
}

async function timeOnce(f: () => tf.Tensor): Promise<number> {
  const t0 = performance.now();
  const out = tf.tidy(f);
  await out.data();
  out.dispose();
  return performance.now() - t0;
}

/**
 * Measures every operation for every D, calling `onMeasurement` as each completes.
 * `cancelled()` is checked between measurements; a cancelled run stops cleanly.
 */
export async function runCostLab(
  options: CostLabOptions,
  onMeasurement: (m: CostMeasurement, done: number, total: number) => void,
  cancelled: () => boolean,
): Promise<'done' | 'cancelled'> {
  const total = options.dims.length * COST_OPERATIONS.length;
  let done = 0;
  for (const dim of options.dims) {
    const flow = new TfFlow(
      initFlowWeights({ ...DEFAULT_FLOW_CONFIG, dim, layers: options.layers, hidden: [options.hidden, options.hidden] }),
      false,
    );
    const rng = createRng(dim);
    const input = tf.tensor2d(Float32Array.from({ length: options.batch * dim }, () => rng.normal()), [options.batch, dim]);
    try {
      for (const o of COST_OPERATIONS) {
        // A macrotask turn, so a cancel message sent to the worker is delivered before the check.
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        if (cancelled()) return 'cancelled';
        await timeOnce(() => runOperation(flow, o.kind, o.op, input)); // warm-up (shader compile, allocation)
        const times: number[] = [];
        for (let r = 0; r < options.repeats; r++) times.push(await timeOnce(() => runOperation(flow, o.kind, o.op, input)));
        times.sort((a, b) => a - b);
        done++;
        onMeasurement(
          { dim, operation: o.id, passes: options.layers * passesPerLayer(o.kind, o.op, dim), ms: times[times.length >> 1] },
          done,
          total,
        );
      }
    } finally {
      input.dispose();
      flow.dispose();
    }
  }
  return 'done';
}

/** The results as CSV: dim,operation,passes,ms. */
export function costCsv(rows: readonly CostMeasurement[]): string {
  return ['dim,operation,passes,ms', ...rows.map((r) => `${r.dim},${r.operation},${r.passes},${r.ms.toFixed(3)}`)].join('\n') + '\n';
}
