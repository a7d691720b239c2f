/**
 * The cost-versus-dimension lab: on the current backend, times the five operations of an
 * autoregressive flow and the two of a coupling flow for growing D and reports the network
 * passes each needs:
 *   MAF density (1 pass/layer)  · MAF sampling (D)  · IAF density of external data (D)
 *   IAF sampling (1)            · IAF density of its own samples (1: its z is known)
 *   coupling density (1)        · coupling sampling (1: the pass-through half is known both ways)
 * Timing does not depend on the fit, so each D uses freshly initialised weights (one MAF/IAF
 * stack, one affine coupling stack of the same layers and hidden widths). Each figure is the
 * median of `repeats` timed runs after untimed warm-up runs of every operation (timing.ts).
 */
import { tf } from '../tf';
import { DEFAULT_FLOW_CONFIG } from '../../core/flow/config';
import type { FlowFamily } from '../../core/flow/flow-spec';
import { initFlowWeights } from '../../core/flow/init';
import { passesPerLayer, type FlowOperation } from '../../core/flow/schedule';
import { createRng } from '../../core/rng';
import { buildFlow, type AnyTfFlow } from '../flow/build-flow';
import { TfFlow } from '../flow/tf-flow';
import { DEFAULT_TIMING, medianTimes } from '../timing';

export const COST_OPERATIONS = [
  { id: 'maf-density', kind: 'maf', op: 'density', label: 'MAF density' },
  { id: 'maf-sample', kind: 'maf', op: 'sample', label: 'MAF sampling' },
  { id: 'iaf-density', kind: 'iaf', op: 'density', label: 'IAF density (external data)' },
  { id: 'iaf-sample', kind: 'iaf', op: 'sample', label: 'IAF sampling' },
  { id: 'iaf-own-density', kind: 'iaf', op: 'ownSampleDensity', label: 'IAF density (own samples)' },
  { id: 'coupling-density', kind: 'coupling', op: 'density', label: 'Coupling density' },
  { id: 'coupling-sample', kind: 'coupling', op: 'sample', label: 'Coupling sampling' },
] as const satisfies readonly { id: string; kind: FlowFamily; op: FlowOperation; label: string }[];

export type CostOperationId = (typeof COST_OPERATIONS)[number]['id'];

export interface CostLabOptions {
  dims: number[];
  layers: number;
  hidden: number;
  /** Points per timed batch. */
  batch: number;
  /** Timed runs per measurement, after the warm-up (the median is reported). */
  repeats: number;
}

export interface CostMeasurement {
  dim: number;
  operation: CostOperationId;
  /** Network passes for the whole stack. */
  passes: number;
  /** Median ms of `runs` timed runs (after the untimed warm-up). */
  ms: number;
  runs: number;
}

export const DEFAULT_COST_OPTIONS: CostLabOptions = { dims: [2, 4, 8, 16, 32, 64], layers: 2, hidden: 64, batch: 256, repeats: DEFAULT_TIMING.rounds };

/** The flows of one D: the MAF/IAF weights (read either way) and a coupling stack. */
interface CostFlows {
  autoregressive: TfFlow;
  coupling: AnyTfFlow;
}

/** Runs one operation on a [n, D] batch and returns a tensor to await. */
function runOperation(flows: CostFlows, kind: FlowFamily, op: FlowOperation, input: tf.Tensor2D): tf.Tensor {
  if (kind === 'coupling') {
    if (op === 'density') return flows.coupling.logProb(input);
    if (op === 'sample') return flows.coupling.toData(input).out;
    return flows.coupling.sampleWithLogProb(input).logProb;
  }
  const flow = flows.autoregressive;
  if (op === 'density') return flow.logProb(input, kind);
  if (op === 'sample') return flow.toData(input, kind).out;
  return flow.sampleWithLogProb(input, kind).logProb;
}

/**
 * Measures every operation for every D, calling `onMeasurement` for each (all of a D
 * together, once its rounds are done). Timing (timing.ts): every operation of a D runs untimed
 * `warmupRounds` times first, then `repeats` timed rounds, round-robin; the median is reported.
 * `cancelled()` is checked between rounds; a cancelled run stops cleanly.
 */
export async function runCostLab(
  options: CostLabOptions,
  onMeasurement: (m: CostMeasurement, done: number, total: number) => void,
  cancelled: () => boolean,
): Promise<'done' | 'cancelled'> {
  const total = options.dims.length * COST_OPERATIONS.length;
  let done = 0;
  for (const dim of options.dims) {
    const hidden = [options.hidden, options.hidden];
    const flows: CostFlows = {
      autoregressive: new TfFlow(initFlowWeights({ ...DEFAULT_FLOW_CONFIG, dim, layers: options.layers, hidden }), false),
      coupling: buildFlow({ flow: 'coupling', dim, layers: options.layers, hidden, seed: DEFAULT_FLOW_CONFIG.seed }, false),
    };
    const rng = createRng(dim);
    const input = tf.tensor2d(Float32Array.from({ length: options.batch * dim }, () => rng.normal()), [options.batch, dim]);
    try {
      const medians = await medianTimes(
        COST_OPERATIONS.map((o) => () => runOperation(flows, o.kind, o.op, input)),
        { warmupRounds: DEFAULT_TIMING.warmupRounds, rounds: options.repeats },
        cancelled,
      );
      if (!medians) return 'cancelled';
      COST_OPERATIONS.forEach((o, k) => {
        done++;
        onMeasurement({ dim, operation: o.id, passes: options.layers * passesPerLayer(o.kind, o.op, dim), ms: medians[k], runs: options.repeats }, done, total);
      });
    } finally {
      input.dispose();
      flows.autoregressive.dispose();
      flows.coupling.dispose();
    }
  }
  return 'done';
}

/** The results as CSV: dim,operation,passes,ms. */
export function costCsv(rows: readonly CostMeasurement[]): string {
  return ['dim,operation,passes,ms', ...rows.map((r) => `${r.dim},${r.operation},${r.passes},${r.ms.toFixed(3)}`)].join('\n') + '\n';
}
