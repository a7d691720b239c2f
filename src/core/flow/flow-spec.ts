/**
 * A flow as the app, the CLI and the presets name it: the family (MAF, IAF or coupling), the
 * elementwise transform (affine or spline), layers, hidden widths and seed. One function turns
 * a spec into the config of its family, one into fresh weights; compute/flow/build-flow.ts
 * builds the tfjs flow from either.
 *   maf, iaf: K autoregressive layers (config.ts), order "alternate", deterministic degrees
 *   coupling: K coupling layers (coupling-config.ts), split "parity"
 * Both use the α bound B = 3 and, for a spline, K = splineBins bins on [−Bs, Bs].
 */
import { DEFAULT_FLOW_CONFIG, type FlowConfig, type FlowKind, type FlowWeights } from './config';
import { DEFAULT_COUPLING_CONFIG, initCouplingWeights, type CouplingConfig, type CouplingWeights } from './coupling-config';
import { initFlowWeights } from './init';
import type { TransformConfig } from './transform';

export type FlowFamily = FlowKind | 'coupling';
export const FLOW_FAMILIES: readonly FlowFamily[] = ['maf', 'iaf', 'coupling'];

export interface FlowSpec extends TransformConfig {
  flow: FlowFamily;
  layers: number;
  /** Hidden widths of each layer's network (MADE or conditioner MLP), e.g. [64, 64]. */
  hidden: number[];
  seed: number;
  /** D (default 2). */
  dim?: number;
}

/** A flow's weights with the family that reads them. */
export type FlowModel =
  | { flow: FlowKind; weights: FlowWeights }
  | { flow: 'coupling'; weights: CouplingWeights };

/** The transform fields present in a spec, copied (absent ones stay absent: the defaults apply). */
function transformFields(spec: TransformConfig): TransformConfig {
  const t: TransformConfig = {};
  if (spec.transform !== undefined) t.transform = spec.transform;
  if (spec.splineBins !== undefined) t.splineBins = spec.splineBins;
  if (spec.splineBound !== undefined) t.splineBound = spec.splineBound;
  return t;
}

/** The MAF/IAF config of a spec (the app's defaults for everything the spec leaves open). */
export function autoregressiveConfig(spec: FlowSpec): FlowConfig {
  return {
    ...DEFAULT_FLOW_CONFIG,
    dim: spec.dim ?? DEFAULT_FLOW_CONFIG.dim,
    layers: spec.layers,
    hidden: [...spec.hidden],
    seed: spec.seed,
    ...transformFields(spec),
  };
}

/** The coupling config of a spec. */
export function couplingConfig(spec: FlowSpec): CouplingConfig {
  return {
    ...DEFAULT_COUPLING_CONFIG,
    dim: spec.dim ?? DEFAULT_COUPLING_CONFIG.dim,
    layers: spec.layers,
    hidden: [...spec.hidden],
    seed: spec.seed,
    ...transformFields(spec),
  };
}

/** Fresh, seeded weights of a spec (validated; throws naming a field out of range). */
export function initFlowModel(spec: FlowSpec): FlowModel {
  if (spec.flow === 'coupling') return { flow: 'coupling', weights: initCouplingWeights(couplingConfig(spec)) };
  return { flow: spec.flow, weights: initFlowWeights(autoregressiveConfig(spec)) };
}

/** The spec a model was built from (the inverse of initFlowModel for its fields). */
export function specOfModel(model: FlowModel): FlowSpec {
  const c = model.weights.config;
  return { flow: model.flow, dim: c.dim, layers: c.layers, hidden: [...c.hidden], seed: c.seed, ...transformFields(c) };
}
