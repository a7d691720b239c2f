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
import { FieldError, checkChoice, checkInteger, checkNumberAbove, describeValue } from '../validation';
import { paramsPerVariable, resolveTransform, validateTransform } from './transform';

const OUTPUT_SCALE = 0.01;

export function uniformDense(inDim: number, outDim: number, rng: Rng, scale = 1): DenseWeights {
  const limit = scale / Math.sqrt(inDim);
  const draw = (n: number) => Float32Array.from({ length: n }, () => (2 * rng.uniform() - 1) * limit);
  return { inDim, outDim, w: draw(inDim * outDim), b: draw(outDim) };
}

/**
 * Validates every field of a config, strictly typed (a string "3", a boolean or [3] is
 * refused, never coerced); throws a FieldError naming the field.
 */
export function validateFlowConfig(config: FlowConfig): void {
  const c = config as unknown as Record<string, unknown>;
  checkInteger(c.dim, 'dim', 2, 128);
  checkInteger(c.layers, 'layers', 1, 64);
  if (!Array.isArray(c.hidden) || c.hidden.length < 1 || c.hidden.length > 4)
    throw new FieldError('hidden', `expected 1 to 4 widths, got ${describeValue(c.hidden)}`);
  c.hidden.forEach((h: unknown, l: number) => checkInteger(h, `hidden[${l}]`, 1, 1024));
  checkChoice(c.activation, 'activation', ['relu', 'tanh']);
  checkChoice(c.order, 'order', ['alternate', 'random']);
  checkChoice(c.hiddenDegrees, 'hiddenDegrees', ['deterministic', 'random']);
  checkNumberAbove(c.alphaBound, 'alphaBound', 0, 10);
  if (!Number.isSafeInteger(c.seed)) throw new FieldError('seed', `expected an integer, got ${describeValue(c.seed)}`);
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
