/**
 * The model file: a versioned JSON document holding a flow's config and weights
 * (docs/model-format.md). parseModel/serializeModel handle MAF and IAF (affine or spline
 * layers); parseAnyModel/serializeAnyModel dispatch on `kind`, "coupling" going to
 * coupling-file.ts. Parsing validates everything — shapes, finite numbers, the variable
 * orders and hidden degrees against the config — and throws a ModelFormatError naming the
 * first problem (field or element); a file is loaded whole or not at all. Checks of single
 * values are the ones the CLI and the app share (core/validation.ts).
 *
 * Weight arrays are stored as base64 of little-endian float32 ({ "f32": "…" }), exact and
 * compact; plain arrays of numbers are accepted too, for hand-written files.
 */
import type { ArLayerWeights, DenseWeights, FlowConfig, FlowKind, FlowWeights } from './config';
import { validateFlowConfig } from './init';
import { hiddenDegrees as deterministicDegrees, layerOrder } from './made';
import { createRng } from '../rng';
import { encodeFloat32Base64 } from './base64';
import { dense, fail, isRecord, type Json } from './model-json';
import { FieldError } from '../validation';
import { plural } from '../plural';
import { paramsPerVariable, resolveTransform } from './transform';
import { MODEL_FORMAT, ModelFormatError, checkModelVersion, checkSupportedVersion, modelVersionFor } from './model-version';
import { parseCouplingModel, serializeCouplingModel } from './coupling-file';
import type { FlowModel } from './flow-spec';

export { MODEL_FORMAT, MODEL_VERSION, ModelFormatError } from './model-version';

export interface ModelMeta {
  /** Which flow the weights were trained as. */
  kind: FlowKind;
  /** Data set or energy target it was fitted to, if any. */
  dataset?: string;
  /** Free-form training summary (steps, final NLL, …). */
  training?: Record<string, number | string>;
}

export interface LoadedModel {
  weights: FlowWeights;
  meta: ModelMeta;
}

function parseConfig(v: Json): FlowConfig {
  if (!isRecord(v)) fail('config', 'missing');
  const config = v as unknown as FlowConfig;
  try {
    validateFlowConfig(config);
  } catch (e) {
    if (e instanceof FieldError) throw new ModelFormatError(`config.${e.message}`);
    throw e;
  }
  return { ...config, hidden: [...config.hidden] };
}

function intArray(v: Json, path: string): number[] {
  if (!Array.isArray(v) || !v.every((x) => Number.isInteger(x))) fail(path, 'expected an array of integers');
  return v as number[];
}

/** Checks the order and degrees of layer k against what the config prescribes. */
function parseLayer(v: Json, k: number, config: FlowConfig, expectedOrder: number[] | null): ArLayerWeights {
  const path = `layers[${k}]`;
  if (!isRecord(v)) fail(path, 'expected an object');
  const D = config.dim;
  const order = intArray(v.order, `${path}.order`);
  const sorted = [...order].sort((a, b) => a - b);
  if (order.length !== D || sorted.some((x, i) => x !== i)) fail(`${path}.order`, `must be a permutation of 0..${D - 1}`);
  if (expectedOrder && order.some((x, i) => x !== expectedOrder[i]))
    fail(`${path}.order`, `does not match order "${config.order}" of the config`);
  if (!Array.isArray(v.hiddenDegrees) || v.hiddenDegrees.length !== config.hidden.length)
    fail(`${path}.hiddenDegrees`, `expected ${plural(config.hidden.length, 'array')}`);
  const expectedDegrees =
    config.hiddenDegrees === 'deterministic' ? deterministicDegrees(D, config.hidden, 'deterministic', createRng(0)) : null;
  const degrees = v.hiddenDegrees.map((d, l) => {
    const p = `${path}.hiddenDegrees[${l}]`;
    const arr = intArray(d, p);
    if (arr.length !== config.hidden[l]) fail(p, `expected ${plural(config.hidden[l], 'degree')}, got ${arr.length}`);
    if (arr.some((x) => x < 1 || x > D - 1)) fail(p, `degrees must lie in 1..${D - 1}`);
    if (expectedDegrees && arr.some((x, i) => x !== expectedDegrees[l][i]))
      fail(p, 'does not match the deterministic degrees of the config');
    return arr;
  });
  if (!Array.isArray(v.hidden) || v.hidden.length !== config.hidden.length)
    fail(`${path}.hidden`, `expected ${plural(config.hidden.length, 'dense layer')}`);
  let inDim = D;
  const hidden = v.hidden.map((h, l) => {
    const d = dense(h, inDim, config.hidden[l], `${path}.hidden[${l}]`);
    inDim = config.hidden[l];
    return d;
  });
  return {
    structure: { dim: D, order, hiddenDegrees: degrees },
    hidden,
    output: dense(v.output, inDim, paramsPerVariable(resolveTransform(config)) * D, `${path}.output`),
  };
}

/** Parses and validates a model document (already JSON-decoded). */
export function parseModel(doc: Json): LoadedModel {
  if (!isRecord(doc)) fail('file', 'is not a JSON object');
  if (doc.format !== MODEL_FORMAT) fail('format', `expected "${MODEL_FORMAT}"`);
  checkSupportedVersion(doc.version);
  if (doc.kind !== 'maf' && doc.kind !== 'iaf')
    fail('kind', `expected "maf" or "iaf"${doc.kind === 'coupling' ? ' (this is a coupling model)' : ''}`);
  checkModelVersion(doc.version, doc.kind, isRecord(doc.config) ? doc.config.transform : undefined);
  const config = parseConfig(doc.config);
  if (!Array.isArray(doc.layers) || doc.layers.length !== config.layers)
    fail('layers', `expected ${plural(config.layers, 'layer')}`);
  const rng = createRng(0);
  const layers = doc.layers.map((l, k) =>
    parseLayer(l, k, config, config.order === 'alternate' ? layerOrder(config.dim, k, 'alternate', rng) : null),
  );
  const meta: ModelMeta = { kind: doc.kind };
  if (typeof doc.dataset === 'string') meta.dataset = doc.dataset;
  if (isRecord(doc.training)) meta.training = doc.training as Record<string, number | string>;
  return { weights: { config, layers }, meta };
}

/** Parses model text; JSON syntax errors become ModelFormatErrors too. */
export function parseModelText(text: string): LoadedModel {
  let doc: Json;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ModelFormatError(`file: not valid JSON (${(e as Error).message})`);
  }
  return parseModel(doc);
}

/** The document for a model; `JSON.stringify` it to write the file. */
export function serializeModel(weights: FlowWeights, meta: ModelMeta): Record<string, Json> {
  const d = (x: DenseWeights) => ({ w: { f32: encodeFloat32Base64(x.w) }, b: { f32: encodeFloat32Base64(x.b) } });
  return {
    format: MODEL_FORMAT,
    version: modelVersionFor(meta.kind, weights.config.transform),
    kind: meta.kind,
    ...(meta.dataset ? { dataset: meta.dataset } : {}),
    config: weights.config,
    layers: weights.layers.map((l) => ({
      order: l.structure.order,
      hiddenDegrees: l.structure.hiddenDegrees,
      hidden: l.hidden.map(d),
      output: d(l.output),
    })),
    ...(meta.training ? { training: meta.training } : {}),
  };
}

/** What a model file says besides its weights. */
export interface FlowModelMeta {
  dataset?: string;
  training?: Record<string, number | string>;
}

/** A model of any family (MAF, IAF or coupling) as loaded from a file. */
export type LoadedFlowModel = FlowModel & { meta: FlowModelMeta };

/** Parses and validates a model document of any kind: "coupling" → coupling-file.ts, else MAF/IAF. */
export function parseAnyModel(doc: Json): LoadedFlowModel {
  if (isRecord(doc) && doc.kind === 'coupling') {
    const m = parseCouplingModel(doc);
    return { flow: 'coupling', weights: m.weights, meta: m.meta };
  }
  const { weights, meta } = parseModel(doc);
  const { kind, ...rest } = meta;
  return { flow: kind, weights, meta: rest };
}

/** parseAnyModel of model text; JSON syntax errors become ModelFormatErrors too. */
export function parseAnyModelText(text: string): LoadedFlowModel {
  let doc: Json;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ModelFormatError(`file: not valid JSON (${(e as Error).message})`);
  }
  return parseAnyModel(doc);
}

/** The document for a model of any family; `JSON.stringify` it to write the file. */
export function serializeAnyModel(model: FlowModel, meta: FlowModelMeta = {}): Record<string, Json> {
  return model.flow === 'coupling'
    ? serializeCouplingModel(model.weights, meta)
    : serializeModel(model.weights, { kind: model.flow, ...meta });
}
