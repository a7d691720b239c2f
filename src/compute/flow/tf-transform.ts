/**
 * The elementwise transform of a layer in tfjs (core/flow/transform.ts is the float64
 * specification), applied to a batch of D transformed variables given the conditioner's
 * parameter-major outputs raw [n, P·D] (parameter p of variable i in column p·D + i).
 *
 *   affine: w = (v − μ)·e^{−α}, α = B·tanh(a/B);   inverse v = w·e^{α} + μ
 *   spline: w = s(v) (tf-spline.ts);                inverse v = s⁻¹(w)
 *
 * Returns the mapped values [n, D] and the log-derivative of each variable's map [n, D]
 * (the layer's log|det| is its row sum, or a masked sum in a sequential inverse).
 * Call inside tf.tidy.
 */
import { tf } from '../tf';
import { paramsPerVariable, type ResolvedTransform } from '../../core/flow/transform';
import { splineForwardTf, splineInverseTf } from './tf-spline';

export interface TfElementwiseResult {
  /** [n, D] */
  out: tf.Tensor2D;
  /** log ∂out_i/∂in_i, [n, D]. */
  logDerivative: tf.Tensor2D;
}

export type TransformDirection = 'forward' | 'inverse';

/** μ [n, D] and bounded α [n, D] from affine outputs [n, 2D]. */
export function affineParams(raw: tf.Tensor2D, D: number, bound: number): { mu: tf.Tensor2D; alpha: tf.Tensor2D } {
  const [mu, a] = tf.split(raw, [D, D], 1) as [tf.Tensor2D, tf.Tensor2D];
  return { mu, alpha: tf.mul(tf.tanh(tf.div(a, bound)), bound) };
}

export function transformTf(t: ResolvedTransform, raw: tf.Tensor2D, input: tf.Tensor2D, direction: TransformDirection): TfElementwiseResult {
  const [n, D] = input.shape;
  if (t.kind === 'affine') {
    const { mu, alpha } = affineParams(raw, D, t.alphaBound);
    return direction === 'forward'
      ? { out: tf.mul(tf.sub(input, mu), tf.exp(tf.neg(alpha))), logDerivative: tf.neg(alpha) }
      : { out: tf.add(tf.mul(input, tf.exp(alpha)), mu), logDerivative: alpha };
  }
  // One row per (point, variable): [n, P·D] → [n, P, D] → [n, D, P] → [n·D, P].
  const P = paramsPerVariable(t);
  const rows = tf.reshape(tf.transpose(tf.reshape(raw, [n, P, D]), [0, 2, 1]), [n * D, P]) as tf.Tensor2D;
  const column = tf.reshape(input, [n * D, 1]) as tf.Tensor2D;
  const map = direction === 'forward' ? splineForwardTf : splineInverseTf;
  const r = map(column, rows, t.bins, t.splineBound);
  return { out: tf.reshape(r.value, [n, D]), logDerivative: tf.reshape(r.logDerivative, [n, D]) };
}
