/**
 * Adam (Kingma & Ba 2015) with global-norm gradient clipping and a finiteness gate, written
 * with plain tfjs ops so that a bad step is skipped entirely on the device, with no readback:
 *   g ← g · min(1, c / ‖g‖₂)
 *   m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,  θ ← θ − η · m̂ / (√v̂ + ε)
 * and every assignment is `where(ok, new, old)` with ok = isFinite(loss) ∧ isFinite(‖g‖).
 * A skipped step leaves θ, m and v bit-identical and adds 1 to `skipped`.
 */
import { tf } from '../tf';

export interface AdamOptions {
  learningRate: number;
  clipNorm: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

export class GatedAdam {
  private readonly m: tf.Variable[];
  private readonly v: tf.Variable[];
  /** Number of applied (not skipped) steps, for bias correction; a device scalar. */
  private readonly t: tf.Variable;
  readonly skipped: tf.Variable;
  learningRate: number;

  constructor(
    private readonly vars: tf.Variable[],
    private readonly options: AdamOptions,
  ) {
    this.learningRate = options.learningRate;
    this.m = vars.map((p) => tf.variable(tf.zerosLike(p), false));
    this.v = vars.map((p) => tf.variable(tf.zerosLike(p), false));
    this.t = tf.variable(tf.scalar(0), false);
    this.skipped = tf.variable(tf.scalar(0), false);
  }

  /** Applies one step for `grads` (aligned with the variables) unless loss or grads are non-finite. */
  apply(loss: tf.Scalar, grads: tf.Tensor[]): void {
    const b1 = this.options.beta1 ?? 0.9;
    const b2 = this.options.beta2 ?? 0.999;
    const eps = this.options.epsilon ?? 1e-8;
    tf.tidy(() => {
      const sq = grads.map((g) => tf.sum(tf.square(g)));
      const norm = tf.sqrt(tf.addN(sq));
      const ok = tf.logicalAnd(tf.isFinite(loss), tf.isFinite(norm));
      const scale = tf.minimum(1, tf.div(this.options.clipNorm, tf.add(norm, 1e-12)));
      const tNew = tf.add(this.t, 1);
      const c1 = tf.sub(1, tf.pow(b1, tNew));
      const c2 = tf.sub(1, tf.pow(b2, tNew));
      const stepSize = tf.div(tf.mul(this.learningRate, tf.sqrt(c2)), c1);
      grads.forEach((gRaw, k) => {
        const g = tf.mul(gRaw, scale);
        const m = tf.add(tf.mul(this.m[k], b1), tf.mul(g, 1 - b1));
        const v = tf.add(tf.mul(this.v[k], b2), tf.mul(tf.square(g), 1 - b2));
        const p = tf.sub(this.vars[k], tf.mul(stepSize, tf.div(m, tf.add(tf.sqrt(v), eps))));
        this.m[k].assign(tf.where(ok, m, this.m[k]));
        this.v[k].assign(tf.where(ok, v, this.v[k]));
        this.vars[k].assign(tf.where(ok, p, this.vars[k]));
      });
      this.t.assign(tf.where(ok, tNew, this.t));
      this.skipped.assign(tf.add(this.skipped, tf.sub(1, tf.cast(ok, 'float32'))));
    });
  }

  dispose(): void {
    [...this.m, ...this.v, this.t, this.skipped].forEach((t) => t.dispose());
  }
}
