import { describe, expect, it } from 'vitest';
import { ReferenceFlow } from '../../../../src/core/flow/reference-flow';
import { traceFlow } from '../../../../src/core/flow/trace';
import { passesPerLayer } from '../../../../src/core/flow/schedule';
import { randomFlowWeights } from './fixtures';

describe('flow traces', () => {
  const dim = 4;
  const weights = randomFlowWeights({ dim, layers: 2, seed: 4 });
  const point = [0.3, -1.2, 0.8, 0.1];

  it('lists D passes for MAF sampling and IAF density, 1 for MAF density and IAF sampling', () => {
    const cases = [
      ['maf', 'sample', dim],
      ['iaf', 'density', dim],
      ['maf', 'density', 1],
      ['iaf', 'sample', 1],
    ] as const;
    for (const [kind, op, passes] of cases) {
      const t = traceFlow(new ReferenceFlow(weights, kind), op, point);
      for (const layer of t.layers) expect(layer.steps.length).toBe(passes);
      expect(passesPerLayer(kind, op, dim)).toBe(passes);
    }
  });

  it('reproduces the engine outputs exactly, step by step', () => {
    for (const kind of ['maf', 'iaf'] as const) {
      const flow = new ReferenceFlow(weights, kind);
      for (const op of ['sample', 'density'] as const) {
        const t = traceFlow(flow, op, point);
        const direct = op === 'sample' ? flow.toData(point) : flow.toBase(point);
        expect(t.output).toEqual(Array.from(direct.out));
        expect(t.logDet).toBe(direct.logDet);
        t.layers.forEach((layer, s) => {
          const last = layer.steps[layer.steps.length - 1];
          expect(last.state).toEqual(layer.output);
          expect(layer.output).toEqual(Array.from(direct.path[s + 1]));
          expect(last.logDet).toBe(layer.logDet);
          // Each sequential step fills exactly one new variable, in the layer's order.
          if (layer.direction === 'sequential')
            layer.steps.forEach((step, p) => {
              expect(step.variables).toEqual([flow.layers[layer.layerIndex].order[p]]);
              expect(step.state.filter((v) => !Number.isNaN(v)).length).toBe(p + 1);
            });
        });
        const lp = op === 'density' ? flow.logProb(point) : flow.sampleWithLogProb(point).logProb;
        expect(t.logProb).toBeCloseTo(lp, 12);
      }
    }
  });
});
