/**
 * The one declaration of which params of each training session are live (applied on the
 * next step) and which rebuild the model (param-table.ts). The worker sessions
 * (compute/lab/session.ts, compute/distill/session.ts) and the page (state/lab-params.ts,
 * panels/distill/useDistill.ts) read these tables; the compiler checks they cover exactly
 * the params of LabParams and DistillConfig (the lab's and the distillation's protocol.ts).
 */
import type { ParamTable } from './param-table';

export const LAB_PARAM_TABLE = {
  flow: 'rebuild',
  transform: 'rebuild',
  dataset: 'rebuild',
  layers: 'rebuild',
  hidden: 'rebuild',
  seed: 'rebuild',
  learningRate: 'live',
  batchSize: 'live',
} as const satisfies ParamTable<Record<string, unknown>>;

export const DISTILL_PARAM_TABLE = {
  teacherText: 'rebuild',
  studentText: 'rebuild',
  startFrom: 'rebuild',
  dataset: 'rebuild',
  direction: 'rebuild',
  warmStart: 'rebuild',
  seed: 'rebuild',
  learningRate: 'live',
  batchSize: 'live',
} as const satisfies ParamTable<Record<string, unknown>>;
