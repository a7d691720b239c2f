/**
 * The coupling flow in tfjs (core/flow/coupling-config.ts; float64 reference coupling.ts).
 *   layer T (density direction):  w_p = v_p,  w_t = T_θ(v_t),  θ = MLP(v_p)   one pass
 *   its inverse (sampling):       v_p = w_p,  v_t = T_θ⁻¹(w_t), θ = MLP(w_p)  one pass
 *   flow: z = T_K ∘ … ∘ T_1(x), so density and sampling both take K passes.
 * The split is done with constant 0/1 selection matrices (x·S_p [n, |p|], x·S_t [n, |t|];
 * reassembly x_p·S_pᵀ + w_t·S_tᵀ): products have gradients on every backend, gather's
 * gradient (unsorted segment sum) has no WASM kernel.
 * Usable by FlowTrainer for maximum likelihood and reverse KL (the flow kind is ignored:
 * both directions are parallel). Functions returning tensors are tidy-safe.
 */
import { tf } from '../tf';
import type { DenseWeights, FlowKind } from '../../core/flow/config';
import type { CouplingConfig, CouplingLayerWeights, CouplingWeights } from '../../core/flow/coupling-config';
import { resolveTransform, type ResolvedTransform } from '../../core/flow/transform';
import { matMul } from './matmul';
import { standardNormalLogProb } from './tf-flow';
import { transformTf } from './tf-transform';
import type { TfLayerResult } from './tf-layer';

let nextId = 0;

/** S [D, |idx|] with S[idx[j]][j] = 1: x·S picks the columns idx. */
function selection(dim: number, idx: readonly number[]): tf.Tensor2D {
  const s = new Float32Array(dim * idx.length);
  idx.forEach((i, j) => (s[i * idx.length + j] = 1));
  return tf.keep(tf.tensor2d(s, [dim, idx.length]));
}

interface TfDense {
  w: tf.Variable<tf.Rank.R2>;
  b: tf.Variable<tf.Rank.R1>;
}

class TfCouplingLayer {
  private readonly dense: TfDense[];
  private readonly pick: { pass: tf.Tensor2D; transformed: tf.Tensor2D; passT: tf.Tensor2D; transformedT: tf.Tensor2D };

  constructor(
    readonly weights: CouplingLayerWeights,
    private readonly config: CouplingConfig,
    private readonly transform: ResolvedTransform,
    trainable = true,
  ) {
    const id = nextId++;
    this.dense = [...weights.hidden, weights.output].map((d, l) => ({
      w: tf.tidy(() => tf.variable(tf.tensor2d(d.w, [d.inDim, d.outDim]), trainable, `cp${id}_${l}_w`)),
      b: tf.tidy(() => tf.variable(tf.tensor1d(d.b), trainable, `cp${id}_${l}_b`)),
    }));
    const D = config.dim;
    const pass = selection(D, weights.pass);
    const transformed = selection(D, weights.transformed);
    this.pick = { pass, transformed, passT: tf.keep(tf.transpose(pass)), transformedT: tf.keep(tf.transpose(transformed)) };
  }

  variables(): tf.Variable[] {
    return this.dense.flatMap((d) => [d.w, d.b]);
  }

  /** The conditioner MLP: v_p [n, |p|] → raw parameters [n, P·|t|]. */
  rawOutputs(passValues: tf.Tensor2D): tf.Tensor2D {
    let h = passValues;
    const last = this.dense.length - 1;
    this.dense.forEach((d, l) => {
      const pre = tf.add(matMul(h, d.w), d.b) as tf.Tensor2D;
      h = l === last ? pre : this.config.activation === 'relu' ? tf.relu(pre) : tf.tanh(pre);
    });
    return h;
  }

  /** T(v) ('forward', density direction) or T⁻¹(w) ('inverse', sampling direction): [n, D] → [n, D]. */
  apply(input: tf.Tensor2D, direction: 'forward' | 'inverse'): TfLayerResult {
    const passValues = matMul(input, this.pick.pass);
    const r = transformTf(this.transform, this.rawOutputs(passValues), matMul(input, this.pick.transformed), direction);
    const out = tf.add(matMul(passValues, this.pick.passT), matMul(r.out, this.pick.transformedT)) as tf.Tensor2D;
    return { out, logDet: tf.sum(r.logDerivative, 1) };
  }

  async readWeights(): Promise<CouplingLayerWeights> {
    const read = async (d: TfDense): Promise<DenseWeights> => ({
      inDim: d.w.shape[0],
      outDim: d.w.shape[1],
      w: (await d.w.data()) as Float32Array,
      b: (await d.b.data()) as Float32Array,
    });
    const dense = await Promise.all(this.dense.map(read));
    return { pass: [...this.weights.pass], transformed: [...this.weights.transformed], hidden: dense.slice(0, -1), output: dense[dense.length - 1] };
  }

  dispose(): void {
    for (const d of this.dense) {
      d.w.dispose();
      d.b.dispose();
    }
    Object.values(this.pick).forEach((t) => t.dispose());
  }
}

export class TfCouplingFlow {
  readonly config: CouplingConfig;
  readonly layers: TfCouplingLayer[];

  constructor(weights: CouplingWeights, trainable = true) {
    this.config = { ...weights.config, hidden: [...weights.config.hidden] };
    const transform = resolveTransform(this.config);
    this.layers = weights.layers.map((l) => new TfCouplingLayer(l, this.config, transform, trainable));
  }

  variables(): tf.Variable[] {
    return this.layers.flatMap((l) => l.variables());
  }

  /** x → z = T_K ∘ … ∘ T_1(x) with log|det ∂z/∂x| [n]: K passes. */
  toBase(x: tf.Tensor2D): TfLayerResult {
    return this.chain(x, this.layers, 'forward');
  }

  /** z → x = T_1⁻¹ ∘ … ∘ T_K⁻¹(z) with log|det ∂x/∂z| [n]: K passes. */
  toData(z: tf.Tensor2D): TfLayerResult {
    return this.chain(z, [...this.layers].reverse(), 'inverse');
  }

  private chain(input: tf.Tensor2D, layers: TfCouplingLayer[], direction: 'forward' | 'inverse'): TfLayerResult {
    let cur = input;
    let logDet: tf.Tensor1D = tf.zeros([input.shape[0]]);
    for (const layer of layers) {
      const r = layer.apply(cur, direction);
      cur = r.out;
      logDet = tf.add(logDet, r.logDet);
    }
    return { out: cur, logDet };
  }

  /** log p(x) = log N(z) + log|det ∂z/∂x|, [n]. The kind is accepted for FlowTrainer and ignored. */
  logProb(x: tf.Tensor2D, _kind?: FlowKind): tf.Tensor1D {
    const { out, logDet } = this.toBase(x);
    return tf.add(standardNormalLogProb(out), logDet);
  }

  /** x = f(z) and log p(x) = log N(z) − log|det ∂x/∂z|, one pass per layer. */
  sampleWithLogProb(z: tf.Tensor2D, _kind?: FlowKind): { x: tf.Tensor2D; logProb: tf.Tensor1D } {
    const { out, logDet } = this.toData(z);
    return { x: out, logProb: tf.sub(standardNormalLogProb(z), logDet) };
  }

  async readWeights(): Promise<CouplingWeights> {
    return { config: { ...this.config, hidden: [...this.config.hidden] }, layers: await Promise.all(this.layers.map((l) => l.readWeights())) };
  }

  dispose(): void {
    this.layers.forEach((l) => l.dispose());
  }
}
