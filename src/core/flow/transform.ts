/**
 * The elementwise transform a layer applies to each transformed variable, given that
 * variable's parameters from the conditioner (a MADE in MAF/IAF, an MLP in a coupling layer).
 * Written in the layer's "parallel" (density, for MAF and coupling) direction v ↦ w:
 *
 *   affine (P = 2):      w = (v − μ)·e^{−α},  α = B·tanh(a/B),   log ∂w/∂v = −α
 *   spline (P = 3K − 1): w = s(v), a monotone rational-quadratic spline on [−Bs, Bs]
 *                        (spline.ts), identity outside,          log ∂w/∂v = log s'(v)
 *
 * Conditioner outputs are parameter-major: for D transformed variables the output row has
 * P·D columns and parameter p of variable i sits in column p·D + i (for the affine transform
 * this is the [μ_0..μ_{D−1}, a_0..a_{D−1}] layout of made.ts).
 */
import { boundAlpha } from './alpha-bound';
import { splineForward, splineInverse, splineKnots, splineParamCount, type ScalarMap } from './spline';

export type TransformKind = 'affine' | 'spline';

/** The transform fields of a flow config; all optional, with the defaults below. */
export interface TransformConfig {
  /** Elementwise transform of each layer (default 'affine'). */
  transform?: TransformKind;
  /** K, the spline's bins (default 8). */
  splineBins?: number;
  /** Bs: the spline acts on [−Bs, Bs], identity outside (default 4: 8gaussians lies within about ±4.2). */
  splineBound?: number;
}

const DEFAULT_SPLINE_BINS = 8;
const DEFAULT_SPLINE_BOUND = 4;

/** The transform of a config with its defaults filled in. */
export interface ResolvedTransform {
  kind: TransformKind;
  bins: number;
  splineBound: number;
  /** B of the affine α bound. */
  alphaBound: number;
}

export function resolveTransform(config: TransformConfig & { alphaBound: number }): ResolvedTransform {
  return {
    kind: config.transform ?? 'affine',
    bins: config.splineBins ?? DEFAULT_SPLINE_BINS,
    splineBound: config.splineBound ?? DEFAULT_SPLINE_BOUND,
    alphaBound: config.alphaBound,
  };
}

/** P: conditioner outputs per transformed variable. */
export function paramsPerVariable(t: ResolvedTransform): number {
  return t.kind === 'affine' ? 2 : splineParamCount(t.bins);
}

/** Throws naming the problem when the transform fields are out of range. */
export function validateTransform(config: TransformConfig): void {
  const kind = config.transform ?? 'affine';
  if (kind !== 'affine' && kind !== 'spline') throw new Error(`transform must be affine or spline, got ${String(kind)}`);
  const bins = config.splineBins ?? DEFAULT_SPLINE_BINS;
  if (!(Number.isInteger(bins) && bins >= 2 && bins <= 64)) throw new Error(`splineBins must be an integer in 2..64, got ${bins}`);
  const bound = config.splineBound ?? DEFAULT_SPLINE_BOUND;
  if (!(bound > 0 && bound <= 100)) throw new Error(`splineBound must be in (0, 100], got ${bound}`);
}

/** The P raw parameters of variable i from a parameter-major row of P·D outputs. */
function paramsOf(raw: ArrayLike<number>, i: number, D: number, P: number): number[] {
  return Array.from({ length: P }, (_, p) => raw[p * D + i]);
}

/** w_i = T(v_i) for transformed variable i of D, with log ∂w_i/∂v_i. */
export function transformForward(t: ResolvedTransform, raw: ArrayLike<number>, i: number, D: number, v: number): ScalarMap {
  if (t.kind === 'affine') {
    const alpha = boundAlpha(raw[D + i], t.alphaBound);
    return { value: (v - raw[i]) * Math.exp(-alpha), logDerivative: -alpha };
  }
  return splineForward(v, splineKnots(paramsOf(raw, i, D, paramsPerVariable(t)), t.bins, t.splineBound));
}

/** v_i = T⁻¹(w_i), with log ∂v_i/∂w_i. */
export function transformInverse(t: ResolvedTransform, raw: ArrayLike<number>, i: number, D: number, w: number): ScalarMap {
  if (t.kind === 'affine') {
    const alpha = boundAlpha(raw[D + i], t.alphaBound);
    return { value: w * Math.exp(alpha) + raw[i], logDerivative: alpha };
  }
  return splineInverse(w, splineKnots(paramsOf(raw, i, D, paramsPerVariable(t)), t.bins, t.splineBound));
}
