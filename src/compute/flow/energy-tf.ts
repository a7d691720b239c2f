/**
 * The energy targets U1–U4 (Rezende & Mohamed 2015, Table 1) in tfjs, p* ∝ e^{−U},
 * for reverse-KL training. [n, 2] → [n].
 *   w₁ = sin(2πz₁/4),  w₂ = 3·exp(−½((z₁−1)/0.6)²),  w₃ = 3·σ((z₁−1)/0.3)
 *   U1 = ½((‖z‖−2)/0.4)² − ln(e^{−½((z₁−2)/0.6)²} + e^{−½((z₁+2)/0.6)²})
 *   U2 = ½((z₂−w₁)/0.4)²
 *   U3 = −ln(e^{−½((z₂−w₁)/0.35)²} + e^{−½((z₂−w₁+w₂)/0.35)²})
 *   U4 = −ln(e^{−½((z₂−w₁)/0.4)²} + e^{−½((z₂−w₁+w₃)/0.35)²})
 * U2–U4 do not normalise over the whole plane (nothing confines z₁), so the targets are
 * defined on the box |z₁|, |z₂| ≤ ENERGY_BOX, as the quadrature normaliser in core is; for
 * training, a steep quadratic wall ½(dist/0.05)² outside the box keeps samples inside (core's
 * confinedEnergy is the same U_c in float64, and its normaliser is confinedLogNormaliser).
 */
import { tf } from '../tf';
import { ENERGY_BOX, ENERGY_WALL_WIDTH, type EnergyName } from '../../core/toy/energy';

const halfSq = (t: tf.Tensor, scale: number) => tf.mul(tf.square(tf.div(t, scale)), 0.5);

/** −ln(e^{−a} + e^{−b}) for a, b ≥ … computed stably as −logSumExp(−a, −b). */
function negLogAddExpNeg(a: tf.Tensor1D, b: tf.Tensor1D): tf.Tensor1D {
  return tf.neg(tf.logSumExp(tf.stack([tf.neg(a), tf.neg(b)], 1), 1));
}

/** The unconfined energy U(z), without the box wall. */
export function energyTf(id: EnergyName, z: tf.Tensor2D): tf.Tensor1D {
  const [z1m, z2m] = tf.split(z, 2, 1);
  const z1 = tf.reshape(z1m, [-1]) as tf.Tensor1D;
  const z2 = tf.reshape(z2m, [-1]) as tf.Tensor1D;
  const w1 = tf.sin(tf.mul(z1, (2 * Math.PI) / 4));
  switch (id) {
    case 'u1': {
      const r = tf.sqrt(tf.add(tf.sum(tf.square(z), 1), 1e-12));
      const ring = halfSq(tf.sub(r, 2), 0.4) as tf.Tensor1D;
      const modes = negLogAddExpNeg(halfSq(tf.sub(z1, 2), 0.6) as tf.Tensor1D, halfSq(tf.add(z1, 2), 0.6) as tf.Tensor1D);
      return tf.add(ring, modes);
    }
    case 'u2':
      return halfSq(tf.sub(z2, w1), 0.4) as tf.Tensor1D;
    case 'u3': {
      const w2 = tf.mul(tf.exp(tf.neg(halfSq(tf.sub(z1, 1), 0.6))), 3);
      const d = tf.sub(z2, w1);
      return negLogAddExpNeg(halfSq(d, 0.35) as tf.Tensor1D, halfSq(tf.add(d, w2), 0.35) as tf.Tensor1D);
    }
    case 'u4': {
      const w3 = tf.mul(tf.sigmoid(tf.div(tf.sub(z1, 1), 0.3)), 3);
      const d = tf.sub(z2, w1);
      return negLogAddExpNeg(halfSq(d, 0.4) as tf.Tensor1D, halfSq(tf.add(d, w3), 0.35) as tf.Tensor1D);
    }
  }
}

/** U(z) plus the box wall Σ_j ½(max(0, |z_j| − box)/0.05)², for reverse-KL training. [n, 2] → [n]. */
export function confinedEnergyTf(id: EnergyName, z: tf.Tensor2D, box = ENERGY_BOX): tf.Tensor1D {
  const outside = tf.relu(tf.sub(tf.abs(z), box));
  return tf.add(energyTf(id, z), tf.sum(halfSq(outside, ENERGY_WALL_WIDTH), 1));
}
