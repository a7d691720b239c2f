import { describe, expect, it } from 'vitest';
import { ReferenceFlow } from '../../../../src/core/flow/reference-flow';
import { layerParallel } from '../../../../src/core/flow/reference';
import { logAbsDet, numericJacobian, permuteToOrder } from '../../../../src/core/flow/jacobian';
import { createRng } from '../../../../src/core/rng';
import { maxAbsDiff, randomFlowWeights } from './fixtures';

const randomPoint = (dim: number, seed: number) => {
  const rng = createRng(seed);
  return Float64Array.from({ length: dim }, () => rng.normal());
};

describe('float64 reference flow', () => {
  for (const dim of [2, 4, 8]) {
    it(`round-trips z → x → z for MAF and IAF (D=${dim})`, () => {
      const w = randomFlowWeights({ dim, seed: dim });
      for (const kind of ['maf', 'iaf'] as const) {
        const flow = new ReferenceFlow(w, kind);
        for (let s = 0; s < 5; s++) {
          const z = randomPoint(dim, s);
          const x = flow.toData(z).out;
          expect(maxAbsDiff(flow.toBase(x).out, z)).toBeLessThan(1e-10);
        }
      }
    });

    it(`layer Jacobian is triangular in the layer order with log|det| = −Σα (D=${dim})`, () => {
      const w = randomFlowWeights({ dim, seed: 10 + dim });
      const flow = new ReferenceFlow(w, 'maf');
      const v = randomPoint(dim, 99);
      for (const layer of flow.layers) {
        const J = numericJacobian((p) => layerParallel(layer, p).out, v);
        const P = permuteToOrder(J, layer.order);
        for (let a = 0; a < dim; a++) for (let b = a + 1; b < dim; b++) expect(Math.abs(P[a][b])).toBeLessThan(1e-9);
        expect(logAbsDet(J)).toBeCloseTo(layerParallel(layer, v).logDet, 6);
      }
    });
  }

  it('the MAF and IAF sampling maps of the same weights are inverses of each other', () => {
    const w = randomFlowWeights({ dim: 4, seed: 5 });
    const maf = new ReferenceFlow(w, 'maf');
    const iaf = new ReferenceFlow(w, 'iaf');
    const z = randomPoint(4, 1);
    expect(maxAbsDiff(iaf.toData(maf.toData(z).out).out, z)).toBeLessThan(1e-10);
    expect(maxAbsDiff(maf.toData(iaf.toData(z).out).out, z)).toBeLessThan(1e-10);
  });

  it('whole-flow log|det ∂z/∂x| equals the log-determinant of the numeric Jacobian', () => {
    const w = randomFlowWeights({ dim: 3, seed: 8 });
    for (const kind of ['maf', 'iaf'] as const) {
      const flow = new ReferenceFlow(w, kind);
      const x = randomPoint(3, 4);
      const J = numericJacobian((p) => flow.toBase(p).out, x);
      expect(logAbsDet(J)).toBeCloseTo(flow.toBase(x).logDet, 6);
    }
  });

  it('sampleWithLogProb agrees with logProb of the same samples', () => {
    const w = randomFlowWeights({ dim: 2, seed: 2 });
    for (const kind of ['maf', 'iaf'] as const) {
      const flow = new ReferenceFlow(w, kind);
      const { x, logProb } = flow.sampleWithLogProb(randomPoint(2, 7));
      expect(flow.logProb(x)).toBeCloseTo(logProb, 9);
    }
  });

  it('the 2D density integrates to 1 over a covering grid', () => {
    const flow = new ReferenceFlow(randomFlowWeights({ dim: 2, seed: 3 }, 0.3), 'maf');
    const lo = -9;
    const hi = 9;
    const n = 360;
    const h = (hi - lo) / n;
    let total = 0;
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++) total += Math.exp(flow.logProb([lo + (a + 0.5) * h, lo + (b + 0.5) * h]));
    expect(total * h * h).toBeCloseTo(1, 2);
  });
});
