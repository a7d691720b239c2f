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
    ['future version', (d) => (d.version = 3), /^version: unsupported version 3/],
    ['bad kind', (d) => (d.kind = 'realnvp'), /^kind/],
    ['bad config', (d) => (d.config.layers = -1), /^config\.layers: expected an integer in 1\.\.64, got -1/],
    ['missing layer', (d) => d.layers.pop(), /^layers: expected 3 layers/],
    ['short weights', (d) => (d.layers[1].hidden[0].w = [1, 2, 3]), /layers\[1\]\.hidden\[0\]\.w: expected 32 numbers, got 3/],
    ['null weight', (d) => (d.layers[0].output.b = [0, 0, null, 0]), /^layers\[0\]\.output\.b\[2\]: expected a number, got null$/],
    ['"NaN" weight', (d) => (d.layers[0].output.b = [0, 'NaN', 0, 0]), /^layers\[0\]\.output\.b\[1\]: expected a number, got "NaN" \(a string\)$/],
    ['weight beyond float32', (d) => (d.layers[0].output.b = [0, 0, 0, 3.5e38]), /^layers\[0\]\.output\.b\[3\]: 3\.5e\+38 is outside the float32 range/],
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
    expect(() => parseModel(d)).toThrow(/^layers\[0\]\.output\.b\[1\]: NaN is not finite$/);
  });

  it('names the element holding 1e999 (JSON parses it to Infinity)', () => {
    const text = JSON.stringify(valid()).replace(/"b":\{"f32":"[^"]*"\}\}\}\]/, '"b":[0,0,1e999,0]}}]');
    expect(text).toContain('1e999');
    expect(() => parseModelText(text)).toThrow(/^layers\[2\]\.output\.b\[2\]: Infinity is not finite$/);
  });

  // Every numeric config field is type-checked strictly: no coercion of "3", true or [3].
  const configCases: [string, unknown, RegExp][] = [
    ['alphaBound', '3', /^config\.alphaBound: expected a number in \(0, 10\], got "3" \(a string\)$/],
    ['alphaBound', true, /^config\.alphaBound: expected a number in \(0, 10\], got true \(a boolean\)$/],
    ['alphaBound', [3], /^config\.alphaBound: expected a number in \(0, 10\], got an array of 1 element$/],
    ['alphaBound', null, /^config\.alphaBound: expected a number/],
    ['dim', '2', /^config\.dim: expected an integer in 2\.\.128, got "2" \(a string\)$/],
    ['layers', [3], /^config\.layers: expected an integer in 1\.\.64, got an array of 1 element$/],
    ['hidden', [16, '16'], /^config\.hidden\[1\]: expected an integer in 1\.\.1024, got "16" \(a string\)$/],
    ['hidden', 16, /^config\.hidden: expected 1 to 4 widths, got 16$/],
    ['seed', true, /^config\.seed: expected an integer, got true \(a boolean\)$/],
    ['seed', '1', /^config\.seed: expected an integer, got "1" \(a string\)$/],
    ['activation', 'gelu', /^config\.activation: expected "relu" or "tanh", got "gelu" \(a string\)$/],
  ];
  for (const [field, value, message] of configCases) {
    it(`refuses config.${field} = ${JSON.stringify(value)}, naming the field`, () => {
      const d = valid();
      d.config[field] = value;
      expect(() => parseModel(d)).toThrow(message);
    });
  }
});
