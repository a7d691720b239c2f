import { describe, expect, it } from 'vitest';
import { parseModel, parseModelText, serializeModel, ModelFormatError } from '../../../../src/core/flow/model-file';
import { decodeFloat32Base64, encodeFloat32Base64 } from '../../../../src/core/flow/base64';
import { ReferenceFlow } from '../../../../src/core/flow/reference-flow';
import { randomFlowWeights } from './fixtures';

const roundTrip = (doc: unknown) => JSON.parse(JSON.stringify(doc));

describe('model file', () => {
  it('base64 float32 round-trips every length and special value', () => {
    for (let n = 0; n < 7; n++) {
      const v = Float32Array.from({ length: n }, (_, i) => (i - 3) * 1.2345e-3 + i * 1e6);
      expect(Array.from(decodeFloat32Base64(encodeFloat32Base64(v)))).toEqual(Array.from(v));
    }
  });

  it('round-trips weights exactly and the loaded flow gives identical log-densities', () => {
    const weights = randomFlowWeights({ dim: 3, seed: 9, order: 'random', hiddenDegrees: 'random' });
    const doc = roundTrip(serializeModel(weights, { kind: 'iaf', dataset: 'moons', training: { steps: 10 } }));
    const loaded = parseModel(doc);
    expect(loaded.meta).toEqual({ kind: 'iaf', dataset: 'moons', training: { steps: 10 } });
    const a = new ReferenceFlow(weights, 'iaf');
    const b = new ReferenceFlow(loaded.weights, 'iaf');
    expect(b.logProb([0.1, -0.4, 1.3])).toBe(a.logProb([0.1, -0.4, 1.3]));
  });

  const valid = () => roundTrip(serializeModel(randomFlowWeights({ dim: 2, seed: 1 }), { kind: 'maf' }));
  // A model document as parsed JSON, mutated freely by the cases below.
  type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const cases: [string, (d: Doc) => void, RegExp][] = [
    ['wrong format', (d) => (d.format = 'x'), /^format/],
    ['future version', (d) => (d.version = 2), /^version: unsupported version 2/],
    ['bad kind', (d) => (d.kind = 'realnvp'), /^kind/],
    ['bad config', (d) => (d.config.layers = -1), /^config: layers/],
    ['missing layer', (d) => d.layers.pop(), /^layers: expected 3 layers/],
    ['short weights', (d) => (d.layers[1].hidden[0].w = [1, 2, 3]), /layers\[1\]\.hidden\[0\]\.w: expected 32 numbers, got 3/],
    ['NaN weight', (d) => (d.layers[0].output.b = [0, 0, null, 0]), /layers\[0\]\.output\.b: expected an array of numbers/],
    ['corrupt base64', (d) => (d.layers[0].output.w.f32 = '@@@'), /layers\[0\]\.output\.w: base64 contains invalid/],
    ['order not a permutation', (d) => (d.layers[0].order = [0, 0]), /layers\[0\]\.order: must be a permutation/],
    ['order against config', (d) => (d.layers[0].order = [1, 0]), /layers\[0\]\.order: does not match order "alternate"/],
    ['degrees against config', (d) => (d.layers[2].hiddenDegrees[1][0] = 2), /layers\[2\]\.hiddenDegrees\[1\]: degrees must lie in 1\.\.1/],
  ];
  for (const [name, mutate, message] of cases) {
    it(`rejects a file with ${name}, naming the problem`, () => {
      const d = valid();
      mutate(d);
      expect(() => parseModel(d)).toThrow(ModelFormatError);
      expect(() => parseModel(d)).toThrow(message);
    });
  }

  it('rejects text that is not JSON', () => {
    expect(() => parseModelText('{oops')).toThrow(/^file: not valid JSON/);
  });

  it('accepts non-finite checks for base64 payloads too', () => {
    const d = valid();
    d.layers[0].output.b = { f32: encodeFloat32Base64(Float32Array.from([0, Number.NaN, 0, 0])) };
    expect(() => parseModel(d)).toThrow(/output\.b: value 1 is not finite/);
  });
});
