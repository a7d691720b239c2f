import { describe, expect, it } from 'vitest';
import { ReferenceFlow } from '../../../../src/core/flow/reference-flow';
import { layerClouds } from '../../../../src/panels/steps/layer-clouds';
import {
  computedVariables,
  flowInputFor,
  flowTrace,
  isParallelDirection,
  layerTraceOf,
  passCounterText,
  startingPoint,
} from '../../../../src/panels/steps/steps-trace';
import { maxAbsDiff, randomFlowWeights } from '../../core/flow/fixtures';

const weights = randomFlowWeights({ dim: 4, layers: 3, seed: 11 });

describe('stepper traces', () => {
  it('walks D passes for MAF sampling and IAF inversion, one for MAF density and IAF sampling', () => {
    const cases = [
      ['maf', 'sample', 'network passes: 4 of 4'],
      ['iaf', 'invert', 'network passes: 4 of 4'],
      ['maf', 'invert', 'network passes: 1'],
      ['iaf', 'sample', 'network passes: 1'],
    ] as const;
    for (const [kind, direction, done] of cases) {
      const trace = flowTrace(weights, kind, direction, startingPoint(direction, 4, 1, 0));
      for (let k = 0; k < 3; k++) {
        const layer = layerTraceOf(trace, k);
        const total = layer.steps.length;
        expect(total).toBe(isParallelDirection(kind, direction) ? 1 : 4);
        expect(passCounterText(layer, total)).toBe(done);
        expect(computedVariables(layer, 0)).toEqual([]);
        expect(computedVariables(layer, total).sort()).toEqual([0, 1, 2, 3]);
      }
    }
  });

  it('draws reproducible starting points: z ~ N(0, I) to sample, a mixture point to invert', () => {
    expect(startingPoint('sample', 4, 1, 0)).toEqual(startingPoint('sample', 4, 1, 0));
    expect(startingPoint('sample', 4, 1, 1)).not.toEqual(startingPoint('sample', 4, 1, 0));
    expect(startingPoint('invert', 6, 2, 0)).toHaveLength(6);
  });

  it('finds the flow input that gives a chosen input to an inner layer (exact inverse)', () => {
    const u = [0.4, -1.2, 0.7, 2.1];
    for (const kind of ['maf', 'iaf'] as const) {
      for (const direction of ['sample', 'invert'] as const) {
        for (let k = 0; k < 3; k++) {
          const input = flowInputFor(weights, kind, direction, k, u);
          const layer = layerTraceOf(flowTrace(weights, kind, direction, input), k);
          expect(maxAbsDiff(layer.input, u)).toBeLessThan(1e-9);
        }
      }
    }
  });
});

describe('clouds through the layers', () => {
  it('has K + 1 stages each way, ends where the flow maps the cloud, and names the layer of each stage', () => {
    for (const kind of ['maf', 'iaf'] as const) {
      const clouds = layerClouds(weights, kind, 20, 3);
      const flow = new ReferenceFlow(weights, kind);
      for (const stages of [clouds.toBase, clouds.toData]) {
        expect(stages).toHaveLength(4);
        expect(stages[0].layerIndex).toBeNull();
        expect(new Set(stages.slice(1).map((s) => s.layerIndex))).toEqual(new Set([0, 1, 2]));
      }
      // MAF: x → z runs layers 0, 1, 2 (parallel); IAF: 2, 1, 0 (sequential).
      expect(clouds.toBase[1].layerIndex).toBe(kind === 'maf' ? 0 : 2);
      const x = clouds.toBase[0].points.subarray(0, 4);
      expect(maxAbsDiff(clouds.toBase[3].points.subarray(0, 4), flow.toBase(x).out)).toBeLessThan(
        1e-5,
      );
      const z = clouds.toData[0].points.subarray(8, 12);
      expect(maxAbsDiff(clouds.toData[3].points.subarray(8, 12), flow.toData(z).out)).toBeLessThan(
        1e-5,
      );
    }
  });
});
