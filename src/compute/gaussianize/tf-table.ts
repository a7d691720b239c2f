/**
 * The fast path of a fitted marginal for the multi-layer passes (density grids, samples run
 * backwards): G(x) = Φ⁻¹(F(x)) as the monotone cubic Hermite interpolant of the spec's table
 * (nodes x_j, values z_j, one-sided end slopes m⁰_j, m¹_j per cell; marginal-spec.ts). In cell j,
 * with Δ = x_{j+1} − x_j and s = (x − x_j)/Δ ∈ [0, 1],
 *
 *   G(x) = h₀₀(s) z_j + h₁₀(s) Δ m⁰_j + h₀₁(s) z_{j+1} + h₁₁(s) Δ m¹_j,
 *   h₀₀ = 2s³ − 3s² + 1,  h₁₀ = s³ − 2s² + s,  h₀₁ = −2s³ + 3s²,  h₁₁ = s³ − s²,
 *   G′(x) = [h₀₀′ z_j + h₁₀′ Δ m⁰_j + h₀₁′ z_{j+1} + h₁₁′ Δ m¹_j] / Δ,
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

const INVERSE_STEPS = 4;

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
  /** Δ·m⁰ and Δ·m¹. */
  d0: Tensor;
  d1: Tensor;
}

function gatherCell(spec: MarginalSpec, j: Tensor1D): Cell {
  const { x, z, slopeStart, slopeEnd } = spec.table;
  const next = tf.add(j, tf.scalar(1, 'int32'));
  const x0 = tf.gather(x, j);
  const width = tf.sub(tf.gather(x, next), x0);
  return {
    x0,
    width,
    z0: tf.gather(z, j),
    z1: tf.gather(z, next),
    d0: tf.mul(tf.gather(slopeStart, j), width),
    d1: tf.mul(tf.gather(slopeEnd, j), width),
  };
}

/** Hermite value and ds-derivative at s for a cell. */
function hermite(c: Cell, s: Tensor): { value: Tensor; slope: Tensor } {
  const s2 = tf.square(s);
  const s3 = tf.mul(s2, s);
  const h00 = tf.add(tf.sub(tf.mul(s3, 2), tf.mul(s2, 3)), 1);
  const h10 = tf.add(tf.sub(s3, tf.mul(s2, 2)), s);
  const h01 = tf.sub(tf.mul(s2, 3), tf.mul(s3, 2));
  const h11 = tf.sub(s3, s2);
  const value = tf.addN([
    tf.mul(h00, c.z0),
    tf.mul(h10, c.d0),
    tf.mul(h01, c.z1),
    tf.mul(h11, c.d1),
  ]);
  const g00 = tf.mul(tf.sub(s2, s), 6); // h₀₀′ = 6s² − 6s = −h₀₁′
  const g10 = tf.add(tf.sub(tf.mul(s2, 3), tf.mul(s, 4)), 1);
  const g11 = tf.sub(tf.mul(s2, 3), tf.mul(s, 2));
  const slope = tf.addN([tf.mul(g00, tf.sub(c.z0, c.z1)), tf.mul(g10, c.d0), tf.mul(g11, c.d1)]);
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
