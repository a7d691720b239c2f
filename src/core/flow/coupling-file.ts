/**
 * Model files of coupling flows: the same versioned JSON document as model-file.ts
 * (format "flow-lab-model", version 2: model-version.ts) with `"kind": "coupling"`, a CouplingConfig and, per
 * layer, its split and conditioner weights:
 *   { format, version, kind: "coupling", dataset?, config, training?,
 *     layers: [{ pass: [..], transformed: [..], hidden: [{ w, b }, …], output: { w, b } }] }
 * Weights are base64 float32 ({ "f32": "…" }) or plain arrays of numbers. Parsing validates
 * everything (the split against the config, every shape, finite numbers) and throws a
 * ModelFormatError naming the first problem. model-file.ts dispatches here on kind "coupling".
 */
import { couplingSplit, validateCouplingConfig, type CouplingConfig, type CouplingLayerWeights, type CouplingWeights } from './coupling-config';
import { encodeFloat32Base64 } from './base64';
import { dense, fail, isRecord, type Json } from './model-json';
import type { DenseWeights } from './config';
import { MODEL_FORMAT, checkModelVersion, modelVersionFor } from './model-version';
import { paramsPerVariable, resolveTransform } from './transform';

export interface CouplingModelMeta {
  dataset?: string;
  training?: Record<string, number | string>;
}

export interface LoadedCouplingModel {
  weights: CouplingWeights;
  meta: CouplingModelMeta;
}

function parseConfig(v: Json): CouplingConfig {
  if (!isRecord(v)) fail('config', 'missing');
  const config = v as unknown as CouplingConfig;
  try {
    validateCouplingConfig(config);
  } catch (e) {
    fail('config', (e as Error).message);
  }
  return { ...config, hidden: [...config.hidden] };
}

function parseLayer(v: Json, k: number, config: CouplingConfig): CouplingLayerWeights {
  const path = `layers[${k}]`;
  if (!isRecord(v)) fail(path, 'expected an object');
  const expected = couplingSplit(config.dim, k, config.split);
  for (const key of ['pass', 'transformed'] as const) {
    const got = v[key];
    if (!Array.isArray(got) || got.length !== expected[key].length || got.some((x, i) => x !== expected[key][i]))
      fail(`${path}.${key}`, `does not match split "${config.split}" of the config (expected [${expected[key].join(', ')}])`);
  }
  if (!Array.isArray(v.hidden) || v.hidden.length !== config.hidden.length)
    fail(`${path}.hidden`, `expected ${config.hidden.length} dense layers`);
  let inDim = expected.pass.length;
  const hidden = v.hidden.map((h, l) => {
    const d = dense(h, inDim, config.hidden[l], `${path}.hidden[${l}]`);
    inDim = config.hidden[l];
    return d;
  });
  const P = paramsPerVariable(resolveTransform(config));
  return { ...expected, hidden, output: dense(v.output, inDim, P * expected.transformed.length, `${path}.output`) };
}

/** Parses and validates a coupling model document (already JSON-decoded). */
export function parseCouplingModel(doc: Json): LoadedCouplingModel {
  if (!isRecord(doc)) fail('file', 'is not a JSON object');
  if (doc.format !== MODEL_FORMAT) fail('format', `expected "${MODEL_FORMAT}"`);
  if (doc.kind !== 'coupling') fail('kind', 'expected "coupling"');
  checkModelVersion(doc.version, 'coupling', undefined);
  const config = parseConfig(doc.config);
  if (!Array.isArray(doc.layers) || doc.layers.length !== config.layers) fail('layers', `expected ${config.layers} layers`);
  const layers = doc.layers.map((l, k) => parseLayer(l, k, config));
  const meta: CouplingModelMeta = {};
  if (typeof doc.dataset === 'string') meta.dataset = doc.dataset;
  if (isRecord(doc.training)) meta.training = doc.training as Record<string, number | string>;
  return { weights: { config, layers }, meta };
}

/** The document for a coupling model; `JSON.stringify` it to write the file. */
export function serializeCouplingModel(weights: CouplingWeights, meta: CouplingModelMeta = {}): Record<string, Json> {
  const d = (x: DenseWeights) => ({ w: { f32: encodeFloat32Base64(x.w) }, b: { f32: encodeFloat32Base64(x.b) } });
  return {
    format: MODEL_FORMAT,
    version: modelVersionFor('coupling', weights.config.transform),
    kind: 'coupling',
    ...(meta.dataset ? { dataset: meta.dataset } : {}),
    config: weights.config,
    layers: weights.layers.map((l) => ({ pass: l.pass, transformed: l.transformed, hidden: l.hidden.map(d), output: d(l.output) })),
    ...(meta.training ? { training: meta.training } : {}),
  };
}
