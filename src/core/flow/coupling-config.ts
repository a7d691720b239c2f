/**
 * Configuration, weights and initialisation of a coupling flow (NICE, Dinh et al. 2014;
 * RealNVP, Dinh et al. 2017), shared by the float64 reference (coupling.ts) and the tfjs
 * engine (compute/flow/tf-coupling.ts).
 *
 * One coupling layer T splits the D coordinates into a pass-through set p and a transformed
 * set t. An MLP of v_p (the conditioner) gives the parameters of an elementwise transform of
 * v_t (transform.ts, the same affine map and α bound as the autoregressive layers, or a spline):
 *   w_p = v_p,   w_t = (v_t − μ(v_p))·e^{−α(v_p)},   log|det ∂w/∂v| = −Σ_{i∈t} α_i
 * Its inverse is one pass too, since v_p = w_p is known: v_t = w_t·e^{α(w_p)} + μ(w_p).
 * The flow z = T_K ∘ … ∘ T_1(x) alternates the split so every coordinate gets transformed:
 *   'parity': even indices pass in even layers, odd indices in odd layers (D = 2: x_1 passes,
 *             x_2 is transformed, then the roles swap);
 *   'halves': the first ⌊D/2⌋ pass in even layers, the rest in odd layers.
 */
import { createRng } from '../rng';
import type { DenseWeights } from './config';
import { uniformDense } from './init';
import { paramsPerVariable, resolveTransform, validateTransform, type TransformConfig } from './transform';

export type CouplingSplit = 'parity' | 'halves';

export interface CouplingConfig extends TransformConfig {
  dim: number;
  /** Number of coupling layers K. */
  layers: number;
  /** Hidden widths of each conditioner MLP, e.g. [32, 32]. */
  hidden: number[];
  activation: 'relu' | 'tanh';
  split: CouplingSplit;
  /** B in α = B·tanh(a/B) (affine transform). */
  alphaBound: number;
  seed: number;
}

/** The lab's default affine architecture (12 layers, 2×32), as the autoregressive flows' (config.ts). */
export const DEFAULT_COUPLING_CONFIG: CouplingConfig = {
  dim: 2,
  layers: 12,
  hidden: [32, 32],
  activation: 'relu',
  split: 'parity',
  alphaBound: 3,
  seed: 1,
};

/** One coupling layer: its split and its conditioner MLP ([|p|] → … → [P·|t|], parameter-major). */
export interface CouplingLayerWeights {
  /** Pass-through coordinates, increasing. */
  pass: number[];
  /** Transformed coordinates, increasing; pass ∪ transformed = 0..D−1. */
  transformed: number[];
  hidden: DenseWeights[];
  output: DenseWeights;
}

export interface CouplingWeights {
  config: CouplingConfig;
  layers: CouplingLayerWeights[];
}

/** The split of layer k: { pass, transformed }. */
export function couplingSplit(dim: number, layerIndex: number, split: CouplingSplit): { pass: number[]; transformed: number[] } {
  const all = Array.from({ length: dim }, (_, i) => i);
  const first = split === 'parity' ? all.filter((i) => i % 2 === 0) : all.slice(0, Math.floor(dim / 2));
  const second = all.filter((i) => !first.includes(i));
  return layerIndex % 2 === 0 ? { pass: first, transformed: second } : { pass: second, transformed: first };
}

/** Throws naming the problem when a config is out of range. */
export function validateCouplingConfig(config: CouplingConfig): void {
  const whole = (v: number, lo: number, hi: number) => Number.isInteger(v) && v >= lo && v <= hi;
  if (!whole(config.dim, 2, 128)) throw new Error(`dim must be an integer in 2..128, got ${config.dim}`);
  if (!whole(config.layers, 1, 64)) throw new Error(`layers must be an integer in 1..64, got ${config.layers}`);
  if (!Array.isArray(config.hidden) || config.hidden.length < 1 || config.hidden.length > 4)
    throw new Error('hidden must list 1 to 4 widths');
  for (const h of config.hidden)
    if (!whole(h, 1, 1024)) throw new Error(`hidden width must be an integer in 1..1024, got ${h}`);
  if (config.activation !== 'relu' && config.activation !== 'tanh')
    throw new Error(`activation must be relu or tanh, got ${String(config.activation)}`);
  if (config.split !== 'parity' && config.split !== 'halves')
    throw new Error(`split must be parity or halves, got ${String(config.split)}`);
  if (!(config.alphaBound > 0 && config.alphaBound <= 10))
    throw new Error(`alphaBound must be in (0, 10], got ${config.alphaBound}`);
  if (!Number.isInteger(config.seed)) throw new Error(`seed must be an integer, got ${config.seed}`);
  validateTransform(config);
}

/**
 * Fresh weights, as initFlowWeights: hidden layers U(±1/√fan_in), the output layer scaled by
 * 0.01 so every layer starts close to the identity. Same config, same weights.
 */
export function initCouplingWeights(config: CouplingConfig): CouplingWeights {
  validateCouplingConfig(config);
  const rng = createRng(config.seed);
  const P = paramsPerVariable(resolveTransform(config));
  const layers = Array.from({ length: config.layers }, (_, k): CouplingLayerWeights => {
    const { pass, transformed } = couplingSplit(config.dim, k, config.split);
    const hidden: DenseWeights[] = [];
    let inDim = pass.length;
    for (const width of config.hidden) {
      hidden.push(uniformDense(inDim, width, rng));
      inDim = width;
    }
    return { pass, transformed, hidden, output: uniformDense(inDim, P * transformed.length, rng, 0.01) };
  });
  return { config: { ...config, hidden: [...config.hidden] }, layers };
}
