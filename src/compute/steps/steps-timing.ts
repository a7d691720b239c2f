/**
 * The live trade-off table's figures: the seven operations of the cost lab (MAF density and
 * sampling, IAF density of external data, sampling, density of its own samples, coupling
 * density and sampling) timed at one
 * D on the current backend: every operation warmed up untimed, then the median of several timed
 * runs, each awaiting its result (the shared timing of compute/timing.ts, via runCostLab).
 */
import { tf } from '../tf';
import { runCostLab } from '../cost/cost-lab';
import { DEFAULT_TIMING } from '../timing';
import { STEPS_HIDDEN } from '../../core/flow/steps-fit';
import type { StepsTiming, StepsTimingRequest, StepsTimingRow } from './protocol';

export async function timeStepsOperations(request: StepsTimingRequest): Promise<StepsTiming> {
  const { dim, layers, n } = request;
  const rows: StepsTimingRow[] = [];
  const repeats = request.repeats ?? DEFAULT_TIMING.rounds;
  await runCostLab(
    { dims: [dim], layers, hidden: STEPS_HIDDEN[0], batch: n, repeats },
    (m) => rows.push({ operation: m.operation, passes: m.passes, ms: m.ms }),
    () => false,
  );
  return { backend: tf.getBackend(), dim, layers, n, repeats, rows };
}
