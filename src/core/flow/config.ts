/**
 * Configuration and weights of an autoregressive affine flow, shared by the float64
 * reference (core) and the tfjs engine (compute).
 *
 * One layer T maps v ↦ w with w_i = (v_i − μ_i(v_<i))·exp(−α_i(v_<i)), where μ, α come from one
 * MADE pass on v (parallel). Its inverse is sequential: v_i = w_i·exp(α_i(v_<i)) + μ_i(v_<i).
 * The bounded log-scale is α = B·tanh(a / B) with B = alphaBound (a soft clamp, as libraries
 * bound the log-scale: raw exp diverges easily), so one
 * layer scales by at most e^B and a runaway pre-activation cannot overflow exp.
 *
 * The same weights define two flows (as TFP's `Invert(MaskedAutoregressiveFlow)`):
 *   MAF: z = T_K ∘ … ∘ T_1(x)  — density in one parallel pass, sampling sequential.
 *   IAF: x = T_K ∘ … ∘ T_1(z)  — sampling in one parallel pass, density sequential.
 * so the MAF's sampling map and the IAF's sampling map are inverses of each other.
 */
import type { HiddenDegreeKind, MadeStructure, OrderKind } from './made';
import type { TransformConfig } from './transform';

export type FlowKind = 'maf' | 'iaf';

/**
 * The optional transform fields (transform.ts) choose the elementwise map of every layer:
 * affine (the default, everything above) or a rational-quadratic spline, whose MADE outputs
 * 3K − 1 parameters per variable instead of (μ, a).
 */
export interface FlowConfig extends TransformConfig {
  dim: number;
  /** Number of autoregressive layers K. */
  layers: number;
  /** Hidden widths of each MADE, e.g. [32, 32]. */
  hidden: number[];
  activation: 'relu' | 'tanh';
  order: OrderKind;
  hiddenDegrees: HiddenDegreeKind;
  /** B in α = B·tanh(a/B). */
  alphaBound: number;
  seed: number;
}

/**
 * The default affine flow: 12 layers of MADE 2×32. Depth, not width, closes the KL gap on
 * 8gaussians in the lab's 3,000 steps (docs/performance.md, "Fits in the same steps"): 12 × 2×32
 * reaches ≈ 0.06 nats above the entropy floor where 5 × 2×64 plateaus at ≈ 0.13.
 */
export const DEFAULT_FLOW_CONFIG: FlowConfig = {
  dim: 2,
  layers: 12,
  hidden: [32, 32],
  activation: 'relu',
  order: 'alternate',
  hiddenDegrees: 'deterministic',
  alphaBound: 3,
  seed: 1,
};

/** A dense layer: y = x @ (W ⊙ M) + b, with W row-major [inDim, outDim]. */
export interface DenseWeights {
  inDim: number;
  outDim: number;
  w: Float32Array;
  b: Float32Array;
}

/** Weights of one autoregressive layer: its structure plus hidden layers and output layer. */
export interface ArLayerWeights {
  structure: MadeStructure;
  hidden: DenseWeights[];
  /** Output [h_last, 2D]: columns μ_0..μ_{D−1}, a_0..a_{D−1}; [h_last, P·D] parameter-major for a spline (transform.ts). */
  output: DenseWeights;
}

export interface FlowWeights {
  config: FlowConfig;
  layers: ArLayerWeights[];
}

export { boundAlpha } from './alpha-bound';
