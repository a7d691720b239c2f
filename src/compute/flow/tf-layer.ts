/**
 * One autoregressive affine layer in tfjs: a MADE conditioner with masked dense layers,
 * its parallel direction T and its sequential inverse T⁻¹ (see core/flow/config.ts).
 * All functions return tensors and are meant to be called inside tf.tidy.
 */
import { tf } from '../tf';
import type { ArLayerWeights, DenseWeights, FlowConfig } from '../../core/flow/config';
import { madeMasks } from '../../core/flow/made';
import { matMul } from './matmul';
import { fusedParallelMap, type FusedLayerSpec } from './fused-parallel';

interface TfDense {
  w: tf.Variable<tf.Rank.R2>;
  b: tf.Variable<tf.Rank.R1>;
  /** Constant 0/1 mask, same shape as w. */
  mask: tf.Tensor2D;
}

export interface TfConditioner {
  /** [n, D] */
  mu: tf.Tensor2D;
  /** Bounded log-scale α = B·tanh(a/B), [n, D]. */
  alpha: tf.Tensor2D;
}

export interface TfLayerResult {
  out: tf.Tensor2D;
  /** log|det| of the applied map per point, [n]. */
  logDet: tf.Tensor1D;
}

let nextId = 0;

function toDense(d: DenseWeights, mask: Float32Array, trainable: boolean, name: string): TfDense {
  return {
    // tf.tidy disposes the initial-value tensors; the variables keep their own reference.
    w: tf.tidy(() => tf.variable(tf.tensor2d(d.w, [d.inDim, d.outDim]), trainable, `${name}_w`)),
    b: tf.tidy(() => tf.variable(tf.tensor1d(d.b), trainable, `${name}_b`)),
    mask: tf.keep(tf.tensor2d(mask, [d.inDim, d.outDim])),
  };
}

export class TfArLayer {
  readonly dim: number;
  readonly order: readonly number[];
  private readonly hidden: TfDense[];
  private readonly output: TfDense;
  /** One-hot row per variable, [1, D], as float (picks α_i) and as bool (selects column i). */
  private readonly unit: tf.Tensor2D[];
  private readonly isColumn: tf.Tensor2D[];

  constructor(
    readonly weights: ArLayerWeights,
    private readonly config: FlowConfig,
    trainable = true,
  ) {
    const masks = madeMasks(weights.structure);
    const id = nextId++;
    this.dim = config.dim;
    this.order = weights.structure.order;
    this.hidden = weights.hidden.map((d, l) => toDense(d, masks.hidden[l], trainable, `ar${id}_h${l}`));
    this.output = toDense(weights.output, masks.output, trainable, `ar${id}_out`);
    const oneHot = (i: number, dtype: 'float32' | 'bool') =>
      tf.keep(tf.tensor2d(Array.from({ length: this.dim }, (_, j) => (j === i ? 1 : 0)), [1, this.dim], dtype));
    this.unit = Array.from({ length: this.dim }, (_, i) => oneHot(i, 'float32'));
    this.isColumn = Array.from({ length: this.dim }, (_, i) => oneHot(i, 'bool'));
  }

  variables(): tf.Variable[] {
    return [...this.hidden, this.output].flatMap((d) => [d.w, d.b]);
  }

  /** The layer's weights for the fused parallel op (fused-parallel.ts). */
  fusedSpec(): FusedLayerSpec {
    return { dense: [...this.hidden, this.output], activation: this.config.activation, alphaBound: this.config.alphaBound };
  }

  /** W ⊙ M of every dense layer (hidden…, output), computed once per pass or sequence of passes. */
  private maskedWeights(): tf.Tensor2D[] {
    return [...this.hidden, this.output].map((d) => tf.mul(d.w, d.mask) as tf.Tensor2D);
  }

  /** One MADE pass on v [n, D]: μ and α for every variable. `masked` from maskedWeights(). */
  conditioner(v: tf.Tensor2D, masked: tf.Tensor2D[] = this.maskedWeights()): TfConditioner {
    let h: tf.Tensor2D = v;
    this.hidden.forEach((d, l) => {
      const pre = tf.add(matMul(h, masked[l]!), d.b) as tf.Tensor2D;
      h = this.config.activation === 'relu' ? tf.relu(pre) : tf.tanh(pre);
    });
    const out = tf.add(matMul(h, masked[this.hidden.length]!), this.output.b) as tf.Tensor2D;
    const D = this.dim;
    const [mu, raw] = tf.split(out, [D, D], 1) as [tf.Tensor2D, tf.Tensor2D];
    const B = this.config.alphaBound;
    return { mu, alpha: tf.mul(tf.tanh(tf.div(raw, B)), B) };
  }

  /**
   * T(v): w = (v − μ(v))·e^{−α(v)}, log|det| = −Σα. One pass, as one fused op with a
   * hand-written gradient (fused-parallel.ts; the same values as composing conditioner()).
   */
  parallel(v: tf.Tensor2D): TfLayerResult {
    return fusedParallelMap(v, [this.fusedSpec()]);
  }

  /**
   * T⁻¹(w): v_i = w_i·e^{α_i(v_<i)} + μ_i(v_<i), one pass per order position; log|det| = +Σα.
   * Column i is put in place with a select, not as v·(1 − e_i) + c·e_i: there a ±∞ in another
   * column of the candidate c would become ∞·0 = NaN in a column that is already computed.
   * α is bounded (±B) wherever the MADE's hidden units are finite, so Σ α·e_i stays a product.
   */
  sequential(w: tf.Tensor2D): TfLayerResult {
    let v: tf.Tensor2D = tf.zerosLike(w);
    let alphaSum: tf.Tensor1D = tf.zeros([w.shape[0]]);
    const masked = this.maskedWeights(); // the D passes share one masking
    for (const i of this.order) {
      const { mu, alpha } = this.conditioner(v, masked);
      const candidate = tf.add(tf.mul(w, tf.exp(alpha)), mu);
      v = tf.where(this.isColumn[i], candidate, v) as tf.Tensor2D;
      alphaSum = tf.add(alphaSum, tf.sum(tf.mul(alpha, this.unit[i]), 1));
    }
    return { out: v, logDet: alphaSum };
  }

  /** The current weights, read back (one await per tensor). */
  async readWeights(): Promise<ArLayerWeights> {
    const read = async (d: TfDense): Promise<DenseWeights> => ({
      inDim: d.w.shape[0],
      outDim: d.w.shape[1],
      w: (await d.w.data()) as Float32Array,
      b: (await d.b.data()) as Float32Array,
    });
    return {
      structure: this.weights.structure,
      hidden: await Promise.all(this.hidden.map(read)),
      output: await read(this.output),
    };
  }

  dispose(): void {
    for (const d of [...this.hidden, this.output]) {
      d.w.dispose();
      d.b.dispose();
      d.mask.dispose();
    }
    [...this.unit, ...this.isColumn].forEach((t) => t.dispose());
  }
}
