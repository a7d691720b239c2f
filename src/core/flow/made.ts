/**
 * MADE masks and degrees (Germain et al. 2015).
 *
 * Each variable i ∈ {0..D−1} gets a degree deg(i) ∈ {1..D}: its position in the layer's
 * variable order (1-based). Hidden units get degrees in {1..D−1}. A connection from a unit of
 * degree d_in to a hidden unit of degree d_out exists when d_out ≥ d_in; to an output of
 * variable i (μ_i or α_i) when deg(i) > d_in (strict). So output i depends only on variables
 * earlier in the order: the network is autoregressive and the flow's Jacobian triangular.
 *
 * Masks are row-major [in, out] Float32Arrays of 0/1, the layout of `x @ (W ⊙ M)`.
 * The output layer has 2D columns: [μ_0 … μ_{D−1}, a_0 … a_{D−1}] — or, for a transform with
 * P parameters per variable (transform.ts), P·D columns, parameter p of variable i in p·D + i.
 */
import type { Rng } from '../types';

export type OrderKind = 'alternate' | 'random';
export type HiddenDegreeKind = 'deterministic' | 'random';

/** The structure of one autoregressive layer: the variable order and all unit degrees. */
export interface MadeStructure {
  dim: number;
  /** order[p] = the variable computed at position p (0-based). A permutation of 0..D−1. */
  order: number[];
  /** Degree of each hidden unit, one array per hidden layer. */
  hiddenDegrees: number[][];
}

export interface MadeMasks {
  /** Masks of the hidden layers: [D, h1], [h1, h2], … */
  hidden: Float32Array[];
  /** Mask of the output layer: [h_last, P·D] (P = 2 for the affine transform). */
  output: Float32Array;
}

/** deg(i) for every variable i: 1 + its position in the order. */
export function inputDegrees(order: readonly number[]): number[] {
  const deg = new Array<number>(order.length);
  order.forEach((variable, position) => {
    deg[variable] = position + 1;
  });
  return deg;
}

/** The variable order of layer k in a stack: natural/reversed alternating, or a seeded permutation. */
export function layerOrder(dim: number, layerIndex: number, kind: OrderKind, rng: Rng): number[] {
  const natural = Array.from({ length: dim }, (_, i) => i);
  if (kind === 'alternate') return layerIndex % 2 === 0 ? natural : natural.reverse();
  for (let i = dim - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [natural[i], natural[j]] = [natural[j], natural[i]];
  }
  return natural;
}

/**
 * Hidden degrees: deterministic `k mod (D−1) + 1`, or random in [min of previous layer, D−1]
 * (MADE's rule, which avoids units that can connect to nothing).
 */
export function hiddenDegrees(
  dim: number,
  widths: readonly number[],
  kind: HiddenDegreeKind,
  rng: Rng,
): number[][] {
  if (dim < 2) throw new Error(`MADE needs at least 2 dimensions, got ${dim}`);
  let lowest = 1;
  return widths.map((width) => {
    const degrees = Array.from({ length: width }, (_, k) =>
      kind === 'deterministic' ? (k % (dim - 1)) + 1 : lowest + rng.int(dim - lowest),
    );
    lowest = Math.min(...degrees);
    return degrees;
  });
}

function maskBetween(inDeg: readonly number[], outDeg: readonly number[], strict: boolean) {
  const mask = new Float32Array(inDeg.length * outDeg.length);
  for (let r = 0; r < inDeg.length; r++) {
    for (let c = 0; c < outDeg.length; c++) {
      const connected = strict ? outDeg[c] > inDeg[r] : outDeg[c] >= inDeg[r];
      mask[r * outDeg.length + c] = connected ? 1 : 0;
    }
  }
  return mask;
}

/** Builds every mask of one MADE from its structure, with P outputs per variable. */
export function madeMasks(structure: MadeStructure, paramsPerVariable = 2): MadeMasks {
  const inDeg = inputDegrees(structure.order);
  const hidden: Float32Array[] = [];
  let prev = inDeg;
  for (const degrees of structure.hiddenDegrees) {
    hidden.push(maskBetween(prev, degrees, false));
    prev = degrees;
  }
  const outDeg = Array.from({ length: paramsPerVariable }, () => inDeg).flat();
  return { hidden, output: maskBetween(prev, outDeg, true) };
}

/**
 * Input→output connectivity of the whole network: conn[j][i] = 1 when input variable j can
 * reach output variable i (through any of its parameters, e.g. μ_i or α_i). For a correct MADE, conn[j][i] = 1 only when
 * deg(j) < deg(i): strictly lower-triangular in the layer's order.
 */
export function connectivity(structure: MadeStructure, masks: MadeMasks): number[][] {
  const dim = structure.dim;
  // reach[j] = set of units in the current layer reachable from input j (as 0/1 vector).
  let reach = Array.from({ length: dim }, (_, j) => {
    const v = new Float64Array(dim);
    v[j] = 1;
    return v;
  });
  const layers = [...masks.hidden, masks.output];
  let inWidth = dim;
  for (const mask of layers) {
    const outWidth = mask.length / inWidth;
    reach = reach.map((v) => {
      const next = new Float64Array(outWidth);
      for (let r = 0; r < inWidth; r++) {
        if (!v[r]) continue;
        for (let c = 0; c < outWidth; c++) if (mask[r * outWidth + c]) next[c] = 1;
      }
      return next;
    });
    inWidth = outWidth;
  }
  const blocks = inWidth / dim; // P parameters per variable
  return reach.map((v) =>
    Array.from({ length: dim }, (_, i) => (Array.from({ length: blocks }, (_, p) => v[p * dim + i]).some(Boolean) ? 1 : 0)),
  );
}
