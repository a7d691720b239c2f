import { describe, expect, it } from 'vitest';
import { parseCouplingModel, serializeCouplingModel } from '../../../../src/core/flow/coupling-file';
import { ModelFormatError } from '../../../../src/core/flow/model-file';
import { ReferenceCouplingFlow } from '../../../../src/core/flow/coupling';
import { encodeFloat32Base64 } from '../../../../src/core/flow/base64';
import { randomCouplingWeights } from './fixtures';

const roundTrip = (doc: unknown) => JSON.parse(JSON.stringify(doc));

describe('coupling model file', () => {
  for (const transform of ['affine', 'spline'] as const) {
    it(`round-trips ${transform} weights exactly and the loaded flow gives identical log-densities`, () => {
      const weights = randomCouplingWeights({ dim: 3, split: 'halves', transform, seed: 4 });
      const doc = roundTrip(serializeCouplingModel(weights, { dataset: 'moons', training: { steps: 10 } }));
      expect(doc.kind).toBe('coupling');
      const loaded = parseCouplingModel(doc);
      expect(loaded.meta).toEqual({ dataset: 'moons', training: { steps: 10 } });
      expect(loaded.weights.config).toEqual(weights.config);
      const x = [0.3, -1.2, 2.5];
      expect(new ReferenceCouplingFlow(loaded.weights).logProb(x)).toBe(new ReferenceCouplingFlow(weights).logProb(x));
    });
  }

  const valid = () => roundTrip(serializeCouplingModel(randomCouplingWeights({ dim: 2, seed: 1, layers: 3 })));
  type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const cases: [string, (d: Doc) => void, RegExp][] = [
    ['wrong format', (d) => (d.format = 'x'), /^format/],
    ['future version', (d) => (d.version = 3), /^version: unsupported version 3/],
    ['version 1 (before coupling existed)', (d) => (d.version = 1), /^version: a coupling model needs version 2, the file says 1/],
    ['an autoregressive kind', (d) => (d.kind = 'maf'), /^kind: expected "coupling"/],
    ['bad split in config', (d) => (d.config.split = 'diagonal'), /^config: split/],
    ['bad transform in config', (d) => (d.config.transform = 'cubic'), /^config: transform/],
    ['missing layer', (d) => d.layers.pop(), /^layers: expected 3 layers/],
    ['split against config', (d) => (d.layers[1].pass = [0]), /^layers\[1\]\.pass: does not match split "parity"/],
    ['short weights', (d) => (d.layers[2].hidden[0].w = [1, 2]), /^layers\[2\]\.hidden\[0\]\.w: expected 16 numbers, got 2/],
    ['output for another transform', (d) => (d.config.transform = 'spline'), /^layers\[0\]\.output\.w: expected 368 numbers/],
    ['non-finite weight', (d) => (d.layers[0].output.b = { f32: encodeFloat32Base64(Float32Array.from([0, Number.NaN])) }), /^layers\[0\]\.output\.b\[1\]: NaN is not finite/],
  ];
  for (const [name, mutate, message] of cases) {
    it(`rejects ${name}, naming the problem`, () => {
      const doc = valid();
      mutate(doc);
      expect(() => parseCouplingModel(doc)).toThrow(ModelFormatError);
      expect(() => parseCouplingModel(doc)).toThrow(message);
    });
  }
});
