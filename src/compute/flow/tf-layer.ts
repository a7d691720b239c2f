/**
 * One autoregressive layer in tfjs: a MADE conditioner with masked dense layers, its
 * parallel direction T and its sequential inverse T⁻¹ (see core/flow/config.ts). The
 * elementwise transform is affine (parallel direction fused, fused-parallel.ts) or a
 * rational-quadratic spline (config.transform; tf-transform.ts, by autodiff).
 * All functions return tensors and are meant to be called inside tf.tidy.
 */
import { tf } from '../tf';
import type { ArLayerWeights, DenseWeights, FlowConfig } from '../../core/flow/config';
import { madeMasks } from '../../core/flow/made';
import { paramsPerVariable, resolveTransform, type ResolvedTransform } from '../../core/flow/transform';
import { affineParams, transformTf } from './tf-transform';
import { matMul } from './matmul';
import { fusedParallelMap } from './fused-parallel';
import type { FusedLayerSpec } from './fused-layer-spec';
import type { SequentialLayerSpec } from './implicit-sequential';

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
  readonly transform: ResolvedTransform;
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
    this.transform = resolveTransform(config);
    const masks = madeMasks(weights.structure, paramsPerVariable(this.transform));
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

  /** The layer's weights for the fused parallel op (fused-parallel.ts); affine layers only. */
  fusedSpec(): FusedLayerSpec {
    if (this.transform.kind !== 'affine') throw new Error('only affine layers have a fused parallel op');
    return { dense: [...this.hidden, this.output], activation: this.config.activation, alphaBound: this.config.alphaBound };
  }

  /** The layer for the sequential op with the implicit gradient (implicit-sequential.ts); affine layers only. */
  sequentialSpec(): SequentialLayerSpec {
    return { ...this.fusedSpec(), columnAt: this.order.map((i) => this.isColumn[i]!) };
  }

  /** W ⊙ M of every dense layer (hidden…, output), computed once per pass or sequence of passes. */
  private maskedWeights(): tf.Tensor2D[] {
    return [...this.hidden, this.output].map((d) => tf.mul(d.w, d.mask) as tf.Tensor2D);
  }

  /** One MADE pass on v [n, D]: the P·D raw outputs (parameter-major). `masked` from maskedWeights(). */
  rawOutputs(v: tf.Tensor2D, masked: tf.Tensor2D[] = this.maskedWeights()): tf.Tensor2D {
    let h: tf.Tensor2D = v;
    this.hidden.forEach((d, l) => {
      const pre = tf.add(matMul(h, masked[l]!), d.b) as tf.Tensor2D;
      h = this.config.activation === 'relu' ? tf.relu(pre) : tf.tanh(pre);
    });
    return tf.add(matMul(h, masked[this.hidden.length]!), this.output.b) as tf.Tensor2D;
  }

  /** One MADE pass of an affine layer: μ and α for every variable. */
  conditioner(v: tf.Tensor2D, masked: tf.Tensor2D[] = this.maskedWeights()): TfConditioner {
    if (this.transform.kind !== 'affine') throw new Error('conditioner() gives (μ, α) of affine layers only');
    return affineParams(this.rawOutputs(v, masked), this.dim, this.config.alphaBound);
  }

  /**
   * T(v), one pass. Affine: w = (v − μ(v))·e^{−α(v)}, log|det| = −Σα, as one fused op with a
   * hand-written gradient (fused-parallel.ts; the same values as composing conditioner()).
   * Spline: w_i = s(v_i; θ_i(v_<i)), log|det| = Σ log s'_i, by autodiff.
   */
  parallel(v: tf.Tensor2D): TfLayerResult {
    if (this.transform.kind === 'affine') return fusedParallelMap(v, [this.fusedSpec()]);
    const r = transformTf(this.transform, this.rawOutputs(v), v, 'forward');
    return { out: r.out, logDet: tf.sum(r.logDerivative, 1) };
  }

  /**
   * T⁻¹(w), one pass per order position: v_i = T⁻¹(w_i; θ_i(v_<i)) (affine: w_i·e^{α_i} + μ_i),
   * log|det| = Σ_i log ∂v_i/∂w_i (affine: +Σα).
   * Column i is put in place with a select, not as v·(1 − e_i) + c·e_i: there a ±∞ in another
   * column of the candidate c would become ∞·0 = NaN in a column that is already computed.
   * The log-derivative is bounded (affine: |α| ≤ B) wherever the MADE's hidden units are finite,
   * so Σ log∂·e_i stays a product.
   */
  sequential(w: tf.Tensor2D): TfLayerResult {
    let v: tf.Tensor2D = tf.zerosLike(w);
    let logDet: tf.Tensor1D = tf.zeros([w.shape[0]]);
    const masked = this.maskedWeights(); // the D passes share one masking
    for (const i of this.order) {
      // Every variable's candidate is computed; only variable i's is kept (its inputs v_<i are final).
      const r = transformTf(this.transform, this.rawOutputs(v, masked), w, 'inverse');
      v = tf.where(this.isColumn[i], r.out, v) as tf.Tensor2D;
      logDet = tf.add(logDet, tf.sum(tf.mul(r.logDerivative, this.unit[i]), 1));
    }
    return { out: v, logDet };
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
