/**
 * The fused WebGPU maximum-likelihood step of an affine autoregressive stack trained as a MAF
 * or as an IAF: three GPU dispatches per step, whatever the number of layers (the composed tfjs
 * path dispatches 831 kernels a step for the default MAF, 1,813 for the IAF: docs/performance.md):
 *   1. row pass       x [N, D], θ, masks → workspace [N, R]   (forward + backward per point:
 *                     MAF wgsl-rows.ts; IAF wgsl-rows-iaf.ts, the sequential density and the
 *                     implicit gradient, writing the same workspace layout)
 *   2. parameter pass workspace, masks   → G = [∇θ L | L]      (sums over the batch)
 *   3. Adam           S, G               → S'                  (one workgroup, norm + update)
 * The parameters live in one flat state S = [θ | m | v | t | skipped] on the GPU (layout.ts).
 * The flow's own tf.Variables are not touched by a step: sync() copies θ back into them
 * (one slice per variable), and status() and dispose() sync first, so a caller that reads
 * the flow after status() (as the lab's frames do) sees the trained weights.
 */
import { tf } from '../tf';
import type { TfFlow } from '../flow/tf-flow';
import { madeMasks } from '../../core/flow/made';
import { fusedLayout, packMasks, type FusedLayout } from './layout';
import { rowPassWgsl } from './wgsl-rows';
import { iafRowPassWgsl } from './wgsl-rows-iaf';
import type { FlowKind } from '../../core/flow/config';
import { ADAM_THREADS, ADAM_UNIFORMS, adamWgsl, paramGradWgsl } from './wgsl-params';
import { flatProgram, runProgram, type FlatProgram } from './programs';

export interface FusedAdamOptions {
  learningRate: number;
  clipNorm: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

/** The tensors of one pass, for tests: the workspace rows and G = [∇θ L | L]. */
export interface FusedPassResult {
  work: tf.Tensor2D;
  grad: tf.Tensor1D;
}

export class FusedMafTrainer {
  readonly layout: FusedLayout;
  private state: tf.Tensor1D;
  private readonly masks: tf.Tensor1D;
  private readonly vars: tf.Variable[];
  private readonly keyBase: string;
  private readonly activation: 'relu' | 'tanh';
  private readonly bound: number;
  private readonly programs = new Map<string, FlatProgram>();
  private lastGrad: tf.Tensor1D | null = null;
  private dirty = false;
  private skippedVar: tf.Variable | null = null;
  learningRate: number;

  constructor(
    flow: TfFlow,
    private readonly options: FusedAdamOptions,
    /** The density the step maximises: MAF (x → z parallel) or IAF (x → z sequential). */
    readonly kind: FlowKind = 'maf',
  ) {
    const config = flow.config;
    this.layout = fusedLayout(config.dim, config.layers, config.hidden);
    this.activation = config.activation;
    this.bound = config.alphaBound;
    this.learningRate = options.learningRate;
    this.vars = flow.variables();
    const masks = flow.layers.map((layer) => {
      const m = madeMasks(layer.weights.structure, 2);
      return [...m.hidden, m.output];
    });
    const P = this.layout.paramCount;
    if (this.vars.reduce((a, v) => a + v.size, 0) !== P) throw new Error('the flow does not match the fused layout');
    // The masks are part of the shader's inputs; the structure (and so the masks) is fixed per flow.
    this.masks = tf.keep(tf.tensor1d(packMasks(this.layout, masks)));
    this.keyBase = `${kind}_${config.dim}_${config.layers}_${config.hidden.join('x')}_${config.activation}_${config.alphaBound}`;
    this.state = tf.keep(
      tf.tidy(() => tf.concat([...this.vars.map((v) => tf.reshape(v, [-1])), tf.zeros([2 * P + 2])]) as tf.Tensor1D),
    );
  }

  private program(name: 'rows' | 'grad' | 'adam', batch: number): FlatProgram {
    const key = `${this.keyBase}_${name}`;
    let p = this.programs.get(key);
    const L = this.layout;
    if (!p) {
      if (name === 'rows') {
        const code = this.kind === 'maf' ? rowPassWgsl(L, this.activation, this.bound, true) : iafRowPassWgsl(L, this.activation, this.bound);
        p = flatProgram(key, ['xin', 'state', 'maskv'], [batch, L.rowLength], batch, code);
      } else if (name === 'grad') {
        p = flatProgram(key, ['work', 'maskv'], [L.paramCount + 1], L.paramCount + 1, paramGradWgsl(L));
      } else {
        p = flatProgram(key, ['state', 'grad'], [3 * L.paramCount + 2], ADAM_THREADS, adamWgsl(L.paramCount), {
          workgroup: ADAM_THREADS,
          uniforms: ADAM_UNIFORMS,
        });
      }
      this.programs.set(key, p);
    }
    // The batch size changes the output shape and dispatch only, not the source.
    if (name === 'rows') {
      return { ...p, outputShape: [batch, L.rowLength], dispatch: [Math.ceil(batch / 64), 1, 1] };
    }
    return p;
  }

  /** Passes 1 and 2 on x [N, D] (no update): the workspace and G. Caller disposes. */
  gradients(x: tf.Tensor2D): FusedPassResult {
    const work = runProgram(this.program('rows', x.shape[0]), [x, this.state, this.masks]) as tf.Tensor2D;
    const grad = runProgram(this.program('grad', x.shape[0]), [work, this.masks]) as tf.Tensor1D;
    return { work, grad };
  }

  /** One training step on the batch x [N, D]: three dispatches, no readback. */
  step(x: tf.Tensor2D): void {
    const { work, grad } = this.gradients(x);
    work.dispose();
    const b1 = this.options.beta1 ?? 0.9;
    const b2 = this.options.beta2 ?? 0.999;
    const next = runProgram(this.program('adam', x.shape[0]), [this.state, grad], [
      this.learningRate,
      b1,
      b2,
      this.options.epsilon ?? 1e-8,
      this.options.clipNorm,
      1 - b1,
      1 - b2,
    ]) as tf.Tensor1D;
    this.state.dispose();
    this.state = tf.keep(next);
    this.lastGrad?.dispose();
    this.lastGrad = tf.keep(grad);
    this.dirty = true;
  }

  /** Copies θ into the flow's variables (one slice per variable) if a step ran since the last copy. */
  sync(): void {
    if (!this.dirty) return;
    let offset = 0;
    for (const v of this.vars) {
      const size = v.size;
      const at = offset;
      tf.tidy(() => v.assign(tf.reshape(tf.slice(this.state, at, size), v.shape)));
      offset += size;
    }
    this.dirty = false;
  }

  /** The loss of the last step (NaN before the first) and the rejected-step count, read back. */
  async readStatus(): Promise<{ loss: number; skipped: number }> {
    this.sync();
    const P = this.layout.paramCount;
    const tail = tf.tidy(() => {
      const parts = [tf.slice(this.state, 3 * P + 1, 1)];
      if (this.lastGrad) parts.push(tf.slice(this.lastGrad, P, 1));
      return tf.concat(parts);
    });
    const data = await tail.data();
    tail.dispose();
    return { skipped: data[0], loss: data.length > 1 ? data[1] : Number.NaN };
  }

  /** The rejected-step count as a device scalar (updated on each call; no readback). */
  skippedSteps(): tf.Variable {
    const P = this.layout.paramCount;
    const current = tf.tidy(() => tf.reshape(tf.slice(this.state, 3 * P + 1, 1), []));
    if (!this.skippedVar) this.skippedVar = tf.variable(current, false);
    else this.skippedVar.assign(current);
    current.dispose();
    return this.skippedVar;
  }

  /** θ as a flat tensor (for tests; caller disposes). */
  parameters(): tf.Tensor1D {
    return tf.slice(this.state, 0, this.layout.paramCount);
  }

  dispose(): void {
    this.sync();
    this.state.dispose();
    this.masks.dispose();
    this.lastGrad?.dispose();
    this.lastGrad = null;
    this.skippedVar?.dispose();
    this.skippedVar = null;
  }
}
