/**
 * The fast path of a fitted marginal for the multi-layer passes (density grids, samples run
 * backwards): G(x) = Φ⁻¹(F(x)) as the monotone cubic Hermite interpolant of the spec's table
 * (nodes x_j, values z_j, one-sided end slopes m⁰_j, m¹_j per cell; marginal-spec.ts). In cell j,
 * with Δ = x_{j+1} − x_j and s = (x − x_j)/Δ ∈ [0, 1],
 *
 *   G(x) = h₀₀(s) z_j + h₁₀(s) Δ m⁰_j + h₀₁(s) z_{j+1} + h₁₁(s) Δ m¹_j,
 *   h₀₀ = 2s³ − 3s² + 1,  h₁₀ = s³ − 2s² + s,  h₀₁ = −2s³ + 3s²,  h₁₁ = s³ − s²,
 *   G′(x) = (dG/ds) / Δ,
 *
 * evaluated from per-cell power-basis coefficients (fewer tensor ops than the basis form),
 *
 * and linear beyond the end nodes (|z| ≈ 37, core's clamp). The log|det| is
 * log G′ of this same interpolant, so forward, inverse and density are exactly one flow. The
 * inverse finds the cell of z among the z_j and solves the cubic by Newton steps in s from the
 * secant start (the cubic is monotone, so they stay in the cell after clamping).
 *
 * Cost: O(n log T) per layer, against O(n K) for the anchor evaluation (tf-marginal.ts), which
 * stays the reference for the 1-D stages and the per-iteration clouds.
 */
import { tf } from '../tf';
import type { MarginalSpec } from './marginal-spec';

type Tensor = tf.Tensor;
type Tensor1D = tf.Tensor1D;

const INVERSE_STEPS = 3;

/** int32 cell j ∈ [0, T − 2] with sorted[j] ≤ v < sorted[j + 1] (clamped at the ends). */
function cellOf(sorted: Float32Array, values: Tensor1D): Tensor1D {
  const found = tf.reshape(tf.searchSorted(sorted, values, 'right'), values.shape);
  const cell = tf.sub(found, tf.scalar(1, 'int32'));
  // (not clipByValue: the WASM backend's kernel reads int32 as float32)
  return tf.minimum(tf.maximum(cell, tf.scalar(0, 'int32')), tf.scalar(sorted.length - 2, 'int32'));
}

interface Cell {
  x0: Tensor;
  width: Tensor;
  z0: Tensor;
  z1: Tensor;
  /** c₀ … c₃ of the cell's cubic in s (marginal-spec.ts). */
  c: Tensor[];
}

function gatherCell(spec: MarginalSpec, j: Tensor1D): Cell {
  const { x, z, coefficients } = spec.table;
  const next = tf.add(j, tf.scalar(1, 'int32'));
  const x0 = tf.gather(x, j);
  return {
    x0,
    width: tf.sub(tf.gather(x, next), x0),
    z0: tf.gather(z, j),
    z1: tf.gather(z, next),
    c: coefficients.map((values) => tf.gather(values, j)),
  };
}

/** The cubic c₀ + c₁s + c₂s² + c₃s³ and its ds-derivative c₁ + 2c₂s + 3c₃s², by Horner. */
function hermite(cell: Cell, s: Tensor): { value: Tensor; slope: Tensor } {
  const [c0, c1, c2, c3] = cell.c;
  const value = tf.add(c0, tf.mul(s, tf.add(c1, tf.mul(s, tf.add(c2, tf.mul(s, c3))))));
  const slope = tf.add(c1, tf.mul(s, tf.add(tf.mul(c2, 2), tf.mul(tf.mul(c3, 3), s))));
  return { value, slope };
}

/** z = G(x) [n] and log|dz/dx| [n] by the table interpolant. */
export function gaussianizeTableTf(
  spec: MarginalSpec,
  x: Tensor1D,
): { z: Tensor1D; logDet: Tensor1D } {
  return tf.tidy(() => {
    const { x: nodes, slopeStart, slopeEnd } = spec.table;
    const t = nodes.length;
    const cell = gatherCell(spec, cellOf(nodes, x));
    const s = tf.clipByValue(tf.div(tf.sub(x, cell.x0), cell.width), 0, 1);
    const { value, slope } = hermite(cell, s);
    const inside = tf.div(slope, cell.width);
    // Linear beyond the ends, with the end slopes.
    const below = tf.less(x, nodes[0]);
    const above = tf.greater(x, nodes[t - 1]);
    const edgeSlope = tf.where(
      below,
      tf.scalar(slopeStart[0]),
      tf.where(above, tf.scalar(slopeEnd[t - 2]), inside),
    );
    const overshoot = tf.sub(x, tf.clipByValue(x, nodes[0], nodes[t - 1]));
    const z = tf.add(value, tf.mul(overshoot, edgeSlope)) as Tensor1D;
    return { z, logDet: tf.log(edgeSlope) as Tensor1D };
  });
}

/** x = G⁻¹(z) [n] for the same interpolant. */
export function degaussianizeTableTf(spec: MarginalSpec, z: Tensor1D): Tensor1D {
  return tf.tidy(() => {
    const { x: nodes, z: values, slopeStart, slopeEnd } = spec.table;
    const t = nodes.length;
    const cell = gatherCell(spec, cellOf(values, z));
    let s = tf.clipByValue(tf.div(tf.sub(z, cell.z0), tf.sub(cell.z1, cell.z0)), 0, 1);
    for (let step = 0; step < INVERSE_STEPS; step++) {
      const { value, slope } = hermite(cell, s);
      s = tf.clipByValue(tf.sub(s, tf.div(tf.sub(value, z), tf.maximum(slope, 1e-12))), 0, 1);
    }
    const inside = tf.add(cell.x0, tf.mul(s, cell.width));
    const below = tf.less(z, values[0]);
    const above = tf.greater(z, values[t - 1]);
    const lowX = tf.add(tf.div(tf.sub(z, values[0]), slopeStart[0]), nodes[0]);
    const highX = tf.add(tf.div(tf.sub(z, values[t - 1]), slopeEnd[t - 2]), nodes[t - 1]);
    return tf.where(below, lowX, tf.where(above, highX, inside)) as Tensor1D;
  });
}
