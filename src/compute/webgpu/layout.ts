/**
 * Memory layouts of the fused WebGPU MAF step (pure arithmetic, no GPU).
 *
 * Parameters: one flat vector θ [P] in the order of TfFlow.variables(): for layer k = 0..K−1,
 * for dense l = 1..L+1 (L hidden layers, then the output layer): W_l row-major [d_{l−1}, d_l],
 * then b_l [d_l]; widths d_0 = D, d_1..d_L = hidden, d_{L+1} = 2D (μ then raw log-scales).
 * The optimiser state is S = [θ (P) | m (P) | v (P) | t | skipped], length 3P + 2.
 *
 * Workspace: one row of R floats per batch point, written by the row pass:
 *   per layer k: act_0 = v_k (D), act_1..act_L = h_l (d_l), raw = o (2D),
 *                gpre_1..gpre_{L+1} (d_l): ∂loss/∂(pre-activation of dense l);
 *   then z (D), Σ_k log|det| (1), log p(x) (1).
 * The IAF row pass (wgsl-rows-iaf.ts) writes the same layout for the same layers in the IAF
 * direction z → x: act_0 of layer k is its input u_k (k = 0: z), the column named z holds x (the
 * chain's end), and Σ log|det| is log|det ∂z/∂x| = Σ_k Σ_i α_i.
 */
import type { FlowKind } from '../../core/flow/config';

export interface DenseSlot {
  /** Input and output widths d_{l−1}, d_l. */
  din: number;
  dout: number;
  /** Offsets of W_l and b_l in θ. */
  wOff: number;
  bOff: number;
  /** Column of this dense layer's input activations in a workspace row. */
  inCol: number;
  /** Column of its output: h_l (hidden) or o (output layer). */
  outCol: number;
  /** Column of ∂loss/∂pre_l. */
  gCol: number;
}

export interface FusedLayout {
  dim: number;
  layers: number;
  /** Hidden widths d_1..d_L. */
  hidden: readonly number[];
  /** dense[k][l − 1] for l = 1..L+1. */
  dense: DenseSlot[][];
  /** Workspace column of v_k (= act_0 of layer k), per layer. */
  inputCol: number[];
  /** Number of parameters P. */
  paramCount: number;
  /** Workspace row length R and the columns of z, log|det| and log p. */
  rowLength: number;
  zCol: number;
  logDetCol: number;
  logProbCol: number;
}

export function fusedLayout(dim: number, layers: number, hidden: readonly number[]): FusedLayout {
  if (hidden.length < 1) throw new Error('the fused MADE needs at least one hidden layer');
  const widths = [dim, ...hidden, 2 * dim];
  let p = 0;
  let col = 0;
  const dense: DenseSlot[][] = [];
  const inputCol: number[] = [];
  for (let k = 0; k < layers; k++) {
    // act_0..act_L then raw o: consecutive columns.
    const actCol: number[] = [];
    for (let l = 0; l < widths.length; l++) {
      actCol.push(col);
      col += widths[l];
    }
    const slots: DenseSlot[] = [];
    for (let l = 1; l < widths.length; l++) {
      const din = widths[l - 1];
      const dout = widths[l];
      slots.push({ din, dout, wOff: p, bOff: p + din * dout, inCol: actCol[l - 1], outCol: actCol[l], gCol: 0 });
      p += din * dout + dout;
    }
    for (const slot of slots) {
      slot.gCol = col;
      col += slot.dout;
    }
    inputCol.push(actCol[0]);
    dense.push(slots);
  }
  const zCol = col;
  return {
    dim,
    layers,
    hidden: [...hidden],
    dense,
    inputCol,
    paramCount: p,
    rowLength: zCol + dim + 2,
    zCol,
    logDetCol: zCol + dim,
    logProbCol: zCol + dim + 1,
  };
}

/** Workspace column of the base point z of x → z: the chain's end (MAF) or its start (IAF). */
export function baseColumn(layout: FusedLayout, kind: FlowKind): number {
  return kind === 'maf' ? layout.zCol : layout.inputCol[0];
}

/** The masks of every dense layer packed like θ (1 for biases); masks[k][l−1] row-major. */
export function packMasks(layout: FusedLayout, masks: readonly (readonly Float32Array[])[]): Float32Array {
  const out = new Float32Array(layout.paramCount);
  layout.dense.forEach((slots, k) =>
    slots.forEach((slot, l) => {
      out.set(masks[k][l], slot.wOff);
      out.fill(1, slot.bOff, slot.bOff + slot.dout);
    }),
  );
  return out;
}
