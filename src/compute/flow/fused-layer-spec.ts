/** One MADE layer as the fused parallel chain sees it (fused-parallel.ts, fused-parallel-wasm.ts). */
import type { tf } from '../tf';

export interface FusedDense {
  w: tf.Tensor2D;
  b: tf.Tensor1D;
  /** Constant 0/1 mask, the shape of w. */
  mask: tf.Tensor2D;
}

export interface FusedLayerSpec {
  /** Hidden layers then the output layer (2D outputs: μ then the raw log-scales). */
  dense: FusedDense[];
  activation: 'relu' | 'tanh';
  alphaBound: number;
}
