/**
 * Adam (Kingma & Ba 2015) with global-norm gradient clipping and a finiteness gate, on one
 * flat vector of all parameters so that a step costs a fixed, small number of kernels
 * whatever the number of weight tensors:
 *   g ← concat(grads) · min(1, c / ‖g‖₂)                                   [P]
 *   m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,  u = η·m̂ / (√v̂ + ε)
 *   θ_k ← θ_k − u_k   (u split back to each variable's shape)
 * With ok = isFinite(loss) ∧ isFinite(‖g‖) as 1 or 0: m ← ok·m_new + (1−ok)·m (exact either way),
 * t counts accepted steps, and u carries a factor ok, so a rejected step leaves every parameter
 * bit-identical (θ − 0 = θ) and adds 1 to `skipped`. No readback: the gate is evaluated on the device.
 */
import { tf } from '../tf';
import { fusedAdamStep } from './fast-ops';

export interface AdamOptions {
  learningRate: number;
  clipNorm: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

export class GatedAdam {
  private readonly m: tf.Variable<tf.Rank.R1>;
  private readonly v: tf.Variable<tf.Rank.R1>;
  /** Applied (not skipped) steps, for bias correction; a device scalar. */
  private readonly t: tf.Variable;
  readonly skipped: tf.Variable;
  private readonly sizes: number[];
  learningRate: number;

  constructor(
    private readonly vars: tf.Variable[],
    private readonly options: AdamOptions,
  ) {
    this.learningRate = options.learningRate;
    this.sizes = vars.map((p) => p.size);
    const total = this.sizes.reduce((a, b) => a + b, 0);
    // tf.tidy disposes the initial-value tensors; the variables keep their own reference.
    this.m = tf.tidy(() => tf.variable(tf.zeros([total]), false));
    this.v = tf.tidy(() => tf.variable(tf.zeros([total]), false));
    this.t = tf.tidy(() => tf.variable(tf.scalar(0), false));
    this.skipped = tf.tidy(() => tf.variable(tf.scalar(0), false));
  }

  /** Applies one step for `grads` (aligned with the variables) unless loss or grads are non-finite. */
  apply(loss: tf.Scalar, grads: tf.Tensor[]): void {
    const b1 = this.options.beta1 ?? 0.9;
    const b2 = this.options.beta2 ?? 0.999;
    const eps = this.options.epsilon ?? 1e-8;
    tf.tidy(() => {
      // On WASM the whole step is one JavaScript kernel with the same arithmetic (fast-ops.ts).
      const fused = fusedAdamStep(loss, grads, this.vars, { m: this.m, v: this.v, t: this.t, skipped: this.skipped }, {
        learningRate: this.learningRate,
        clipNorm: this.options.clipNorm,
        beta1: b1,
        beta2: b2,
        epsilon: eps,
      });
      if (fused) {
        fused.params.forEach((p, k) => this.vars[k].assign(p));
        this.m.assign(fused.state.m);
        this.v.assign(fused.state.v);
        this.t.assign(fused.state.t);
        this.skipped.assign(fused.state.skipped);
        return;
      }
      const raw = tf.concat(grads.map((g) => tf.reshape(g, [-1])));
      const norm = tf.sqrt(tf.sum(tf.square(raw)));
      // 1 when the step is accepted, 0 when rejected. Gating by arithmetic, not tf.where with a
      // scalar condition (which tiles the condition to [P]: the slowest op of the step on WASM).
      const ok = tf.cast(tf.logicalAnd(tf.isFinite(loss), tf.isFinite(norm)), 'float32');
      const keep = tf.sub(1, ok);
      // Non-finite entries are zeroed so that everything below stays finite (0·finite = 0).
      const safe = tf.where(tf.isFinite(raw), raw, tf.zerosLike(raw));
      const clip = tf.minimum(1, tf.div(this.options.clipNorm, tf.add(tf.sqrt(tf.sum(tf.square(safe))), 1e-12)));
      const g = tf.mul(safe, clip);
      const blend = (fresh: tf.Tensor, old: tf.Tensor) => tf.add(tf.mul(fresh, ok), tf.mul(old, keep));
      const m = blend(tf.add(tf.mul(this.m, b1), tf.mul(g, 1 - b1)), this.m);
      const v = blend(tf.add(tf.mul(this.v, b2), tf.mul(tf.square(g), 1 - b2)), this.v);
      const tNew = tf.add(this.t, ok);
      // η·√(1−β₂ᵗ)/(1−β₁ᵗ) folds both bias corrections into one step size; ·ok zeroes a rejected step.
      const stepSize = tf.mul(
        tf.div(tf.mul(this.learningRate, tf.sqrt(tf.sub(1, tf.pow(b2, tf.maximum(tNew, 1))))), tf.sub(1, tf.pow(b1, tf.maximum(tNew, 1)))),
        ok,
      );
      const update = tf.mul(stepSize, tf.div(m, tf.add(tf.sqrt(v), eps)));
      this.splitBack(update as tf.Tensor1D).forEach((part, k) => {
        const p = this.vars[k];
        p.assign(tf.sub(p, tf.reshape(part, p.shape)));
      });
      this.m.assign(m as tf.Tensor1D);
      this.v.assign(v as tf.Tensor1D);
      this.t.assign(tNew);
      this.skipped.assign(tf.add(this.skipped, keep));
    });
  }

  /**
   * The flat update cut back into one part per variable, in two levels: groups of about √K
   * consecutive variables first, then each group. tfjs-wasm's slice copies its whole input
   * out of the WASM heap, so K slices of the flat vector cost K·P copied floats; two levels
   * cost about 2√K·P.
   */
  private splitBack(flat: tf.Tensor1D): tf.Tensor1D[] {
    const K = this.sizes.length;
    const groupSize = Math.max(1, Math.round(Math.sqrt(K)));
    const parts: tf.Tensor1D[] = [];
    let offset = 0;
    for (let start = 0; start < K; start += groupSize) {
      const sizes = this.sizes.slice(start, start + groupSize);
      const total = sizes.reduce((a, b) => a + b, 0);
      const group = K > groupSize ? tf.slice(flat, offset, total) : flat;
      offset += total;
      let inner = 0;
      for (const size of sizes) {
        parts.push(sizes.length > 1 ? tf.slice(group, inner, size) : group);
        inner += size;
      }
    }
    return parts;
  }

  dispose(): void {
    [this.m, this.v, this.t, this.skipped].forEach((t) => t.dispose());
  }
}
