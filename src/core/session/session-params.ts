/**
 * The one declaration of which params of each worker session are live (applied on the
 * next step) and which rebuild the model (param-table.ts). Each worker session binds its
 * table to its protocol's params (`TableFor`: the compiler checks the table names exactly
 * those) and decides with `paramChanges`; the page reads the lab's and the distillation's
 * (state/lab-params.ts, panels/distill/useDistill.ts). docs/contributing.md has the table.
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

/*
 * The other panels' worker sessions hold no optimiser state a param could keep, so each of
 * their worker params rebuilds (a new fit, layer, stack or measurement); their live params
 * are the page's own (playback speed, the iteration or step shown) and never reach the
 * worker. Declared here all the same, so one place says what each param does.
 */

/** Step-by-step panel: a request names one fitted model (StepsModelRequest). */
export const STEPS_PARAM_TABLE = {
  kind: 'rebuild',
  dim: 'rebuild',
  layers: 'rebuild',
  seed: 'rebuild',
  trainSteps: 'rebuild',
  budgetMs: 'rebuild',
} as const satisfies ParamTable<Record<string, unknown>>;

/** Cost panel: every param of a run starts a new measurement (CostRunRequest). */
export const COST_PARAM_TABLE = {
  dims: 'rebuild',
  layers: 'rebuild',
  hidden: 'rebuild',
  batch: 'rebuild',
  repeats: 'rebuild',
} as const satisfies ParamTable<Record<string, unknown>>;

/** Masked-convolution panel: the layer is a function of its seed. */
export const CONV_PARAM_TABLE = { seed: 'rebuild' } as const satisfies ParamTable<Record<string, unknown>>;

/** Gaussianization panel: the RBIG stack's data and fit (RbigConfig less its key). */
export const GAUSSIANIZE_PARAM_TABLE = {
  points: 'rebuild',
  heldOut: 'rebuild',
  kind: 'rebuild',
  bandwidthFactor: 'rebuild',
  rotation: 'rebuild',
  seed: 'rebuild',
} as const satisfies ParamTable<Record<string, unknown>>;

/** Discrete-data panel: both models start from the seed's weights (DiscreteConfig less its key). */
export const DISCRETE_PARAM_TABLE = { seed: 'rebuild' } as const satisfies ParamTable<Record<string, unknown>>;
