/**
 * Batched marginal Gaussianization in tfjs for values x [n] of one coordinate:
 *
 *   forward   z = G(x) = Φ⁻¹(F(x)),   log|dz/dx| = log f(x) − log φ(z)
 *   inverse   x = G⁻¹(z): the cell of the spec's table that brackets z, linear start, then
 *             safeguarded Newton steps x ← x − (G(x) − z)·φ(G(x))/f(x) (a step that leaves
 *             the bracket bisects instead; the bracket shrinks with every evaluation).
 *
 * Kernel CDF (anchors a_j, scales h_j, t_j = (x − a_j)/h_j, K anchors):
 *   F = (1/K) Σ σ(t_j),  1 − F = (1/K) Σ σ(−t_j),  f = (1/K) Σ σ(t_j)σ(−t_j)/h_j    [n, K]
 * Empirical CDF: linear between knots (searchSorted), exponential tails (marginal-spec.ts).
 *
 * Every function returns tensors its caller owns and works inside tf.tidy.
 */
import { tf } from '../tf';
import type { EmpiricalSpec, KernelSpec, MarginalSpec } from './marginal-spec';
import { normalLogPdfTf, normalQuantileFromLogTails } from './normal-tf';

type Tensor1D = tf.Tensor1D;

/** Below the float32 normal range: log of a sum that underflowed. */
const TINY = 1e-37;

/** int32 j − 1 where sorted[j − 1] ≤ value < sorted[j], clamped to [lo, hi] (searchSorted). */
function cellIndex(sorted: tf.Tensor1D, values: tf.Tensor1D, lo: number, hi: number): tf.Tensor1D {
  const found = tf.reshape(tf.searchSorted(sorted, values, 'right'), values.shape); // [1, n] → [n]
  const cell = tf.sub(found, tf.scalar(1, 'int32'));
  // (not clipByValue: the WASM backend's kernel reads int32 as float32)
  return tf.minimum(tf.maximum(cell, tf.scalar(lo, 'int32')), tf.scalar(hi, 'int32'));
}

/** log F, log(1 − F), log f at each x [n]. */
export interface MarginalValues {
  logLower: Tensor1D;
  logUpper: Tensor1D;
  logPdf: Tensor1D;
}

function evaluateKernel(spec: KernelSpec, x: Tensor1D): MarginalValues {
  const k = spec.anchors.length;
  const anchors = tf.tensor2d(spec.anchors, [1, k]);
  const inverseWidths = tf.tensor2d(spec.inverseWidths, [1, k]);
  const t = tf.mul(tf.sub(tf.expandDims(x, 1), anchors), inverseWidths); // [n, K]
  const below = tf.sigmoid(t);
  const above = tf.sigmoid(tf.neg(t));
  const meanLog = (sum: tf.Tensor) => tf.sub(tf.log(tf.maximum(sum, TINY * k)), Math.log(k));
  return {
    logLower: meanLog(tf.sum(below, 1)) as Tensor1D,
    logUpper: meanLog(tf.sum(above, 1)) as Tensor1D,
    logPdf: meanLog(tf.sum(tf.mul(tf.mul(below, above), inverseWidths), 1)) as Tensor1D,
  };
}

function evaluateEmpirical(spec: EmpiricalSpec, x: Tensor1D): MarginalValues {
  const m = spec.knotX.length;
  const knotX = tf.tensor1d(spec.knotX);
  // Segment k with v_k ≤ x < v_{k+1}, clamped to 0…m − 2 (the tails are handled below).
  const index = cellIndex(knotX, x, 0, m - 2);
  const next = tf.add(index, tf.scalar(1, 'int32'));
  const at = (values: Float32Array, i: tf.Tensor) => tf.gather(values, i);
  const x0 = at(spec.knotX, index);
  const x1 = at(spec.knotX, next);
  const width = tf.maximum(tf.sub(x1, x0), TINY);
  const w = tf.clipByValue(tf.div(tf.sub(x, x0), width), 0, 1);
  const lerp = (values: Float32Array) => {
    const a = at(values, index);
    return tf.add(a, tf.mul(tf.sub(at(values, next), a), w));
  };
  const insideLower = tf.log(tf.maximum(lerp(spec.knotP), TINY));
  const insideUpper = tf.log(tf.maximum(lerp(spec.knotS), TINY));
  const insidePdf = at(spec.segmentLogDensity, index);

  const { left, right } = spec;
  // Left: log F = log p_1 + (x − v_1)/s_L, log f = log F − log s_L.
  const leftLower = tf.add(tf.div(tf.sub(x, left.x), left.scale), left.logMass);
  const leftUpper = tf.log1p(tf.neg(tf.exp(leftLower)));
  const leftPdf = tf.sub(leftLower, Math.log(left.scale));
  // Right: log S = log(1 − p_m) − (x − v_m)/s_R, log f = log S − log s_R.
  const rightUpper = tf.add(tf.div(tf.sub(x, right.x), -right.scale), right.logMass);
  const rightLower = tf.log1p(tf.neg(tf.exp(rightUpper)));
  const rightPdf = tf.sub(rightUpper, Math.log(right.scale));

  const isLeft = tf.less(x, left.x);
  const isRight = tf.greaterEqual(x, right.x);
  const pick = (l: tf.Tensor, inside: tf.Tensor, r: tf.Tensor) =>
    tf.where(isLeft, l, tf.where(isRight, r, inside)) as Tensor1D;
  return {
    logLower: pick(leftLower, insideLower, rightLower),
    logUpper: pick(leftUpper, insideUpper, rightUpper),
    logPdf: pick(leftPdf, insidePdf, rightPdf),
  };
}

/** log F, log(1 − F) and log f of the fitted marginal at x [n]. */
export function evaluateMarginal(spec: MarginalSpec, x: Tensor1D): MarginalValues {
  return tf.tidy(() => {
    const values = spec.kind === 'kernel' ? evaluateKernel(spec, x) : evaluateEmpirical(spec, x);
    return { ...values };
  });
}

/** z = Φ⁻¹(F(x)) [n] and log|dz/dx| [n]. */
export function gaussianizeTf(spec: MarginalSpec, x: Tensor1D): { z: Tensor1D; logDet: Tensor1D } {
  return tf.tidy(() => {
    const { logLower, logUpper, logPdf } = evaluateMarginal(spec, x);
    const z = normalQuantileFromLogTails(logLower, logUpper) as Tensor1D;
    return { z, logDet: tf.sub(logPdf, normalLogPdfTf(z)) as Tensor1D };
  });
}

/** Safeguarded Newton steps after the table start (each costs one evaluation of F and f). */
const INVERSE_NEWTON_STEPS = 3;

/** x = G⁻¹(z) [n], see the file comment. */
export function degaussianizeTf(
  spec: MarginalSpec,
  z: Tensor1D,
  steps = INVERSE_NEWTON_STEPS,
): Tensor1D {
  return tf.tidy(() => {
    const { x: tableX, z: tableZ } = spec.table;
    const t = tableX.length;
    const span = tableX[t - 1] - tableX[0];
    // Cell j with z_j ≤ z < z_{j+1}; outside the table the bracket extends by 10 spans.
    const cell = cellIndex(tf.tensor1d(tableZ), z, -1, t - 1); // −1…T − 1
    const j = tf.minimum(tf.maximum(cell, tf.scalar(0, 'int32')), tf.scalar(t - 2, 'int32'));
    const one = tf.scalar(1, 'int32');
    const extendedX = Float32Array.of(tableX[0] - 10 * span, ...tableX, tableX[t - 1] + 10 * span);
    let lo = tf.gather(extendedX, tf.add(cell, one)) as Tensor1D;
    let hi = tf.gather(extendedX, tf.add(cell, tf.scalar(2, 'int32'))) as Tensor1D;
    const z0 = tf.gather(tableZ, j);
    const z1 = tf.gather(tableZ, tf.add(j, one));
    const x0 = tf.gather(tableX, j);
    const x1 = tf.gather(tableX, tf.add(j, one));
    const w = tf.clipByValue(tf.div(tf.sub(z, z0), tf.maximum(tf.sub(z1, z0), TINY)), 0, 1);
    let x = tf.clipByValue(
      tf.add(x0, tf.mul(tf.sub(x1, x0), w)),
      tableX[0] - 10 * span,
      tableX[t - 1] + 10 * span,
    ) as Tensor1D;
    x = tf.minimum(tf.maximum(x, lo), hi) as Tensor1D;
    for (let step = 0; step < steps; step++) {
      const { z: g, logDet } = gaussianizeTf(spec, x);
      const low = tf.less(g, z);
      lo = tf.where(low, x, lo) as Tensor1D;
      hi = tf.where(low, hi, x) as Tensor1D;
      // Newton: Δx = (G(x) − z) / G′(x), G′ = exp(log|dz/dx|).
      const newton = tf.sub(x, tf.mul(tf.sub(g, z), tf.exp(tf.neg(logDet))));
      const inside = tf.logicalAnd(tf.greaterEqual(newton, lo), tf.lessEqual(newton, hi));
      x = tf.where(inside, newton, tf.mul(tf.add(lo, hi), 0.5)) as Tensor1D;
    }
    return x;
  });
}
