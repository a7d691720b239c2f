/**
 * Seeded initial weights of a flow. Hidden layers as PyTorch's nn.Linear default:
 * W, b ~ U(−1/√fan_in, 1/√fan_in). Non-zero biases matter here: with D = 2 the first MADE
 * layer sees one variable, and zero biases would put every ReLU kink at the origin.
 * The output layer is scaled by `outputScale` (0.01) so that every layer starts close to the
 * identity map (for a spline, all-zero outputs are exactly the identity: spline.ts).
 */
import { createRng } from '../rng';
import type { Rng } from '../types';
import type { ArLayerWeights, DenseWeights, FlowConfig, FlowWeights } from './config';
import { hiddenDegrees, layerOrder, madeMasks } from './made';
import { paramsPerVariable, resolveTransform, validateTransform } from './transform';

const OUTPUT_SCALE = 0.01;

export function uniformDense(inDim: number, outDim: number, rng: Rng, scale = 1): DenseWeights {
  const limit = scale / Math.sqrt(inDim);
  const draw = (n: number) => Float32Array.from({ length: n }, () => (2 * rng.uniform() - 1) * limit);
  return { inDim, outDim, w: draw(inDim * outDim), b: draw(outDim) };
}

/** Validates the parts of a config every engine relies on; throws naming the problem. */
export function validateFlowConfig(config: FlowConfig): void {
  const whole = (v: number, lo: number, hi: number) => Number.isInteger(v) && v >= lo && v <= hi;
  if (!whole(config.dim, 2, 128)) throw new Error(`dim must be an integer in 2..128, got ${config.dim}`);
  if (!whole(config.layers, 1, 64)) throw new Error(`layers must be an integer in 1..64, got ${config.layers}`);
  if (!Array.isArray(config.hidden) || config.hidden.length < 1 || config.hidden.length > 4)
    throw new Error('hidden must list 1 to 4 widths');
  for (const h of config.hidden)
    if (!whole(h, 1, 1024)) throw new Error(`hidden width must be an integer in 1..1024, got ${h}`);
  if (config.activation !== 'relu' && config.activation !== 'tanh')
    throw new Error(`activation must be relu or tanh, got ${String(config.activation)}`);
  if (config.order !== 'alternate' && config.order !== 'random')
    throw new Error(`order must be alternate or random, got ${String(config.order)}`);
  if (config.hiddenDegrees !== 'deterministic' && config.hiddenDegrees !== 'random')
    throw new Error(`hiddenDegrees must be deterministic or random, got ${String(config.hiddenDegrees)}`);
  if (!(config.alphaBound > 0 && config.alphaBound <= 10))
    throw new Error(`alphaBound must be in (0, 10], got ${config.alphaBound}`);
  if (!Number.isInteger(config.seed)) throw new Error(`seed must be an integer, got ${config.seed}`);
  validateTransform(config);
}

/** Fresh weights for a config; the same config (seed included) gives the same weights. */
export function initFlowWeights(config: FlowConfig): FlowWeights {
  validateFlowConfig(config);
  const rng = createRng(config.seed);
  const P = paramsPerVariable(resolveTransform(config));
  const layers: ArLayerWeights[] = [];
  for (let k = 0; k < config.layers; k++) {
    const order = layerOrder(config.dim, k, config.order, rng);
    const structure = {
      dim: config.dim,
      order,
      hiddenDegrees: hiddenDegrees(config.dim, config.hidden, config.hiddenDegrees, rng),
    };
    const hidden: DenseWeights[] = [];
    let inDim = config.dim;
    for (const width of config.hidden) {
      hidden.push(uniformDense(inDim, width, rng));
      inDim = width;
    }
    layers.push({ structure, hidden, output: uniformDense(inDim, P * config.dim, rng, OUTPUT_SCALE) });
  }
  // Masks are derived, not stored; computing them here validates the structure early.
  layers.forEach((layer) => madeMasks(layer.structure, P));
  return { config: { ...config, hidden: [...config.hidden] }, layers };
}
