/**
 * The lab's KL(q ‖ p) for an IAF trained by reverse KL on an energy target p_c = e^{−U_c}/Z_c
 * (U_c: the energy with its box wall, core/toy/energy.ts). Training minimises the Monte-Carlo
 * mean of log q(x) + U_c(x), x ~ q, which is KL(q ‖ p_c) − log Z_c; adding log Z_c (quadrature,
 * core/toy/energy-normaliser.ts) gives the KL itself, floor 0:
 *
 *   KL̂ = (1/n) Σ_j [log q(x_j) + U_c(x_j)] + log Z_c,   x_j = f(z_j), z_j ~ N(0, I),
 *   se = s/√n   (s the sample standard deviation of the n terms).
 */
import { tf } from '../tf';
import type { EnergyName } from '../../core/toy/energy';
import { meanWithStandardError } from '../../core/stats';
import type { TrainableFlow } from '../flow/trainer';
import { confinedEnergyTf } from '../flow/energy-tf';

export interface KlEstimate {
  /** KL̂(q ‖ p) in nats (log Z added). */
  value: number;
  /** Its Monte-Carlo standard error, nats. */
  standardError: number;
  /** Samples behind it. */
  samples: number;
}

/** log q(x) + U_c(x) for x = f(z) of an IAF or a coupling flow (which ignores the kind), one term per row of z [n, D] → [n] (one pass per layer). */
function reverseKlTerms(flow: TrainableFlow, energy: EnergyName, z: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const { x, logProb } = flow.sampleWithLogProb(z, 'iaf');
    return tf.add(logProb, confinedEnergyTf(energy, x));
  });
}

/** KL̂(q ‖ p_c) and its standard error from the noise z [n·2] (read back once). */
export async function estimateReverseKl(
  flow: TrainableFlow,
  energy: EnergyName,
  noise: Float32Array,
  logNormaliser: number,
): Promise<KlEstimate> {
  const n = noise.length / 2;
  const terms = tf.tidy(() => reverseKlTerms(flow, energy, tf.tensor2d(noise, [n, 2])));
  const values = await terms.data();
  terms.dispose();
  const { mean, standardError } = meanWithStandardError(values);
  return { value: mean + logNormaliser, standardError, samples: n };
}
