/**
 * The flow in tfjs: K autoregressive layers used as MAF or IAF (core/flow/config.ts), with
 * affine or spline transforms (config.transform).
 *   parallel direction   P = T_K ∘ … ∘ T_1   (one pass per layer)
 *   sequential direction S = P⁻¹             (D passes per layer)
 *   MAF: x → z is P, z → x is S.   IAF: z → x is P, x → z is S.
 * Functions returning tensors are tidy-safe: call them inside tf.tidy, or dispose results.
 */
import { tf } from '../tf';
import { fusedParallelMap } from './fused-parallel';
import { implicitSequentialMap } from './implicit-sequential';
import type { FlowConfig, FlowKind, FlowWeights } from '../../core/flow/config';
import { LOG_2PI } from '../../core/flow/reference';
import { TfArLayer, type TfLayerResult } from './tf-layer';
import { disposeSequentialMasks, fusedSequential, fusedSequentialApplies } from '../webgpu/sequential';

export interface TfMapResult extends TfLayerResult {
  /** Points before the first layer and after each layer, in the order computed. */
  path?: tf.Tensor2D[];
}

/** Σ_i log N(z_i; 0, 1) per row: [n, D] → [n]. */
export function standardNormalLogProb(z: tf.Tensor2D): tf.Tensor1D {
  return tf.sub(tf.mul(tf.sum(tf.square(z), 1), -0.5), (0.5 * LOG_2PI) * z.shape[1]);
}

export class TfFlow {
  readonly config: FlowConfig;
  readonly layers: TfArLayer[];
  private readonly structures;

  constructor(weights: FlowWeights, trainable = true) {
    this.config = { ...weights.config, hidden: [...weights.config.hidden] };
    this.layers = weights.layers.map((l) => new TfArLayer(l, this.config, trainable));
    this.structures = this.layers.map((l) => l.weights.structure);
  }

  variables(): tf.Variable[] {
    return this.layers.flatMap((l) => l.variables());
  }

  parallel(v: tf.Tensor2D, keepPath = false): TfMapResult {
    if (keepPath || (this.config.transform ?? 'affine') !== 'affine') return this.chain(v, this.layers, (l, t) => l.parallel(t), keepPath);
    // The whole chain as one fused op (the training hot path; fused-parallel.ts).
    return fusedParallelMap(v, this.layers.map((l) => l.fusedSpec()));
  }

  sequential(w: tf.Tensor2D, keepPath = false): TfMapResult {
    // On WebGPU without a gradient tape: the whole chain as one WGSL program (webgpu/sequential.ts).
    if (!keepPath && fusedSequentialApplies(this.config)) {
      return fusedSequential({ config: this.config, variables: this.variables(), structures: this.structures }, w);
    }
    if (keepPath || (this.config.transform ?? 'affine') !== 'affine') return this.chain(w, [...this.layers].reverse(), (l, t) => l.sequential(t), keepPath);
    // The whole chain as one op with an implicit gradient (no tape through the D passes; implicit-sequential.ts).
    return implicitSequentialMap(w, this.layers.map((l) => l.sequentialSpec()));
  }

  private chain(
    input: tf.Tensor2D,
    layers: TfArLayer[],
    apply: (l: TfArLayer, t: tf.Tensor2D) => TfLayerResult,
    keepPath: boolean,
  ): TfMapResult {
    let cur = input;
    let logDet: tf.Tensor1D = tf.zeros([input.shape[0]]);
    const path = keepPath ? [input] : undefined;
    for (const layer of layers) {
      const r = apply(layer, cur);
      cur = r.out;
      logDet = tf.add(logDet, r.logDet);
      path?.push(cur);
    }
    return { out: cur, logDet, path };
  }

  /** x → z with log|det ∂z/∂x|. */
  toBase(x: tf.Tensor2D, kind: FlowKind, keepPath = false): TfMapResult {
    return kind === 'maf' ? this.parallel(x, keepPath) : this.sequential(x, keepPath);
  }

  /** z → x with log|det ∂x/∂z|. */
  toData(z: tf.Tensor2D, kind: FlowKind, keepPath = false): TfMapResult {
    return kind === 'maf' ? this.sequential(z, keepPath) : this.parallel(z, keepPath);
  }

  /** log p(x) = log N(z) + log|det ∂z/∂x|, [n]. */
  logProb(x: tf.Tensor2D, kind: FlowKind): tf.Tensor1D {
    const { out, logDet } = this.toBase(x, kind);
    return tf.add(standardNormalLogProb(out), logDet);
  }

  /** x = f(z) and log p(x) = log N(z) − log|det ∂x/∂z|: no inversion needed. */
  sampleWithLogProb(z: tf.Tensor2D, kind: FlowKind): { x: tf.Tensor2D; logProb: tf.Tensor1D } {
    const { out, logDet } = this.toData(z, kind);
    return { x: out, logProb: tf.sub(standardNormalLogProb(z), logDet) };
  }

  /**
   * Jacobian ∂out/∂in of one layer's map (or of the whole x → z map when layerIndex is
   * null) at a single point, by reverse-mode autodiff: one gradient per output row. [D][D].
   */
  async jacobian(point: ArrayLike<number>, kind: FlowKind, layerIndex: number | null): Promise<number[][]> {
    const D = this.config.dim;
    const map = (v: tf.Tensor2D): tf.Tensor2D => {
      if (layerIndex === null) return this.toBase(v, kind).out;
      const layer = this.layers[layerIndex];
      // The layer as it acts in the x → z direction of this flow kind.
      return kind === 'maf' ? layer.parallel(v).out : layer.sequential(v).out;
    };
    const rows = tf.tidy(() => {
      const v = tf.tensor2d(Array.from(point), [1, D]);
      const out: tf.Tensor[] = [];
      for (let i = 0; i < D; i++) {
        const pick = tf.cast(tf.oneHot([i], D), 'float32') as tf.Tensor2D;
        out.push(tf.grad((t: tf.Tensor) => tf.sum(tf.mul(map(t as tf.Tensor2D), pick)))(v));
      }
      return tf.concat(out, 0);
    });
    const data = await rows.data();
    rows.dispose();
    return Array.from({ length: D }, (_, i) => Array.from(data.slice(i * D, (i + 1) * D)));
  }

  async readWeights(): Promise<FlowWeights> {
    return { config: { ...this.config, hidden: [...this.config.hidden] }, layers: await Promise.all(this.layers.map((l) => l.readWeights())) };
  }

  dispose(): void {
    disposeSequentialMasks(this.structures);
    this.layers.forEach((l) => l.dispose());
  }
}
