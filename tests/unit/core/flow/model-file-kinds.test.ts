/**
 * Model files of every family × transform through the dispatching reader/writer
 * (parseAnyModel / serializeAnyModel): exact round trips that give identical float64
 * log-densities, the version each writes (1 for affine MAF/IAF, 2 when a coupling layer or a
 * spline is used), and that version-1 files, written before either existed, still load.
 */
import { describe, expect, it } from 'vitest';
import {
  ModelFormatError,
  parseAnyModel,
  parseAnyModelText,
  parseModel,
  serializeAnyModel,
} from '../../../../src/core/flow/model-file';
import { FLOW_FAMILIES, initFlowModel, type FlowModel } from '../../../../src/core/flow/flow-spec';
import { ReferenceFlow } from '../../../../src/core/flow/reference-flow';
import { ReferenceCouplingFlow } from '../../../../src/core/flow/coupling';
import { paramsPerVariable, resolveTransform } from '../../../../src/core/flow/transform';

const roundTrip = (doc: unknown) => JSON.parse(JSON.stringify(doc));

const logProb = (m: FlowModel, x: number[]) =>
  m.flow === 'coupling'
    ? new ReferenceCouplingFlow(m.weights).logProb(x)
    : new ReferenceFlow(m.weights, m.flow).logProb(x);

/** A model whose layers are far from the identity: every output weight shifted by a fixed pattern. */
function model(flow: FlowModel['flow'], transform: 'affine' | 'spline'): FlowModel {
  const m = initFlowModel({
    flow,
    transform,
    splineBins: 5,
    layers: 3,
    hidden: [6, 7],
    seed: 8,
    dim: 3,
  });
  m.weights.layers.forEach((l, k) =>
    l.output.w.forEach((_, i) => (l.output.w[i] += Math.sin(7 * i + k) * 0.4)),
  );
  return m;
}

/** The worked example of docs/model-format.md: a version-1 file as written before spline and coupling. */
const VERSION_1_EXAMPLE = {
  format: 'flow-lab-model',
  version: 1,
  kind: 'maf',
  config: {
    dim: 2,
    layers: 1,
    hidden: [3],
    activation: 'relu',
    order: 'alternate',
    hiddenDegrees: 'deterministic',
    alphaBound: 3,
    seed: 1,
  },
  layers: [
    {
      order: [0, 1],
      hiddenDegrees: [[1, 1, 1]],
      hidden: [{ w: [1, -1, 0.5, 7, 7, 7], b: [0, 0.5, -1] }],
      output: { w: [9, 1, 9, 0.5, 9, -1, 9, 0, 9, 2, 9, 1], b: [0.1, -0.2, 0.3, 0] },
    },
  ],
};

describe('model files of every kind', () => {
  for (const flow of FLOW_FAMILIES)
    for (const transform of ['affine', 'spline'] as const) {
      it(`${flow} ${transform}: exact round trip, identical log-densities, version ${flow === 'coupling' || transform === 'spline' ? 2 : 1}`, () => {
        const m = model(flow, transform);
        const doc = roundTrip(serializeAnyModel(m, { dataset: 'moons', training: { steps: 7 } }));
        expect(doc.kind).toBe(flow);
        expect(doc.version).toBe(flow === 'coupling' || transform === 'spline' ? 2 : 1);
        const loaded = parseAnyModel(doc);
        expect(loaded.flow).toBe(flow);
        expect(loaded.meta).toEqual({ dataset: 'moons', training: { steps: 7 } });
        expect(loaded.weights.config).toEqual(m.weights.config);
        const P = paramsPerVariable(resolveTransform(m.weights.config));
        expect(P).toBe(transform === 'spline' ? 14 : 2);
        // P outputs per transformed variable: all 3 in an autoregressive layer, x_1 in coupling layer 0 (parity split).
        expect(loaded.weights.layers[0].output.outDim).toBe((flow === 'coupling' ? 1 : 3) * P);
        m.weights.layers.forEach((l, k) =>
          expect(Array.from(loaded.weights.layers[k].output.w)).toEqual(Array.from(l.output.w)),
        );
        for (const x of [
          [0.3, -1.2, 2.5],
          [-3.9, 0.1, 0.7],
        ])
          expect(logProb(loaded, x)).toBe(logProb(m, x));
      });
    }

  it('a spline MAF output of the affine width is refused, naming the layer and the width', () => {
    const doc = roundTrip(serializeAnyModel(model('maf', 'spline')));
    doc.layers[1].output = roundTrip(serializeAnyModel(model('maf', 'affine'))).layers[1].output;
    expect(() => parseAnyModel(doc)).toThrow(
      /^layers\[1\]\.output\.w: expected 294 numbers, got 42$/,
    );
  });

  it('version 1 files (written before spline and coupling) still load, both readers agree', () => {
    const any = parseAnyModelText(JSON.stringify(VERSION_1_EXAMPLE));
    const plain = parseModel(roundTrip(VERSION_1_EXAMPLE));
    expect(any.flow).toBe('maf');
    expect(any.weights).toEqual(plain.weights);
    // The docs' hand-computed value at x = (1, 2).
    expect(logProb(any, [1, 2])).toBeCloseTo(-3.122324, 6);
  });

  it('a version-1 file using a spline is refused; the MAF/IAF reader refuses a coupling file by name', () => {
    const spline = roundTrip(serializeAnyModel(model('iaf', 'spline')));
    spline.version = 1;
    expect(() => parseAnyModel(spline)).toThrow(ModelFormatError);
    expect(() => parseAnyModel(spline)).toThrow(
      /^version: transform "spline" needs version 2, the file says 1$/,
    );
    const coupling = roundTrip(serializeAnyModel(model('coupling', 'affine')));
    expect(() => parseModel(coupling)).toThrow(
      /^kind: expected "maf" or "iaf" \(this is a coupling model\)$/,
    );
    const affine2 = roundTrip(serializeAnyModel(model('maf', 'affine')));
    affine2.version = 2; // a newer writer may write 2 for any model
    expect(parseAnyModel(affine2).flow).toBe('maf');
  });
});
