/**
 * The dequantization bound, in float64. A continuous density p on R² defines a pmf on the
 * lattice by integrating over each unit cell,
 *
 *   P̂(x) = ∫_{[0,1)²} p(x + u) du,      Σ_x P̂(x) ≤ 1,
 *
 * and by Jensen's inequality (log is concave)
 *
 *   E_{u~U[0,1)²}[−log p(x + u)] ≥ −log P̂(x),
 *
 * so the dequantized NLL E_{x~P} E_u[−log p(x + u)] is an upper bound on the cross-entropy
 * −Σ_x P(x) log P̂(x), which is itself ≥ H(P) (Gibbs' inequality, as Σ P̂ ≤ 1). A plain NLL
 * −Σ_x P(x) log p(x) has no such floor: p can spike on the points.
 */

/** Offsets (a + ½)/k, (b + ½)/k of the k² midpoint-rule nodes of the unit cell, row-major [k², 2]. */
export function cellMidpoints(k: number): Float64Array {
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a positive integer, got ${k}`);
  const out = new Float64Array(2 * k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      out[2 * (a * k + b)] = (a + 0.5) / k;
      out[2 * (a * k + b) + 1] = (b + 0.5) / k;
    }
  return out;
}

/** log((1/n) Σ e^{v_i}), stable; −∞ when every v_i is −∞. */
export function logMeanExp(values: ArrayLike<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  if (!Number.isFinite(max)) return max;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp(values[i] - max);
  return max + Math.log(sum / values.length);
}

/**
 * log P̂(x_k) for every lattice point by the midpoint rule: logP[k·q … (k+1)·q) are
 * log p(x_k + node) at the q = k² nodes of cellMidpoints. [m].
 */
export function cellLogMass(
  logDensityAtNodes: ArrayLike<number>,
  nodesPerCell: number,
): Float64Array {
  const m = logDensityAtNodes.length / nodesPerCell;
  if (!Number.isInteger(m)) throw new Error('the log-densities do not fill whole cells');
  const out = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const slice = Array.from(
      { length: nodesPerCell },
      (_, j) => logDensityAtNodes[k * nodesPerCell + j],
    );
    out[k] = logMeanExp(slice);
  }
  return out;
}

/** −Σ_k P_k log Q_k (nats), from log Q. */
export function crossEntropy(probs: ArrayLike<number>, logQ: ArrayLike<number>): number {
  let h = 0;
  for (let k = 0; k < probs.length; k++) if (probs[k] > 0) h -= probs[k] * logQ[k];
  return h;
}

export interface WeightedEstimate {
  mean: number;
  /** Monte-Carlo standard error of the mean. */
  standardError: number;
}

/**
 * E_{x~P} E_u[f(x, u)] from r draws of u per lattice point: values[k·r + j] = f(x_k, u_j).
 * mean = Σ_k P_k·mean_j f, and its standard error √(Σ_k P_k² s_k² / r), s_k² the sample
 * variance of point k's draws.
 */
export function weightedMonteCarlo(
  probs: ArrayLike<number>,
  values: ArrayLike<number>,
  drawsPerPoint: number,
): WeightedEstimate {
  const r = drawsPerPoint;
  if (!Number.isInteger(r) || r < 2) throw new Error(`need at least 2 draws per point, got ${r}`);
  if (values.length !== probs.length * r)
    throw new Error(`expected ${probs.length * r} values, got ${values.length}`);
  let mean = 0;
  let variance = 0;
  for (let k = 0; k < probs.length; k++) {
    let s = 0;
    for (let j = 0; j < r; j++) s += values[k * r + j];
    const m = s / r;
    let ss = 0;
    for (let j = 0; j < r; j++) ss += (values[k * r + j] - m) ** 2;
    mean += probs[k] * m;
    variance += (probs[k] * probs[k] * (ss / (r - 1))) / r;
  }
  return { mean, standardError: Math.sqrt(variance) };
}
