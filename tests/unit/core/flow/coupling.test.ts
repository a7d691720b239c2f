import { describe, expect, it } from 'vitest';
import { ReferenceCouplingFlow } from '../../../../src/core/flow/coupling';
import { DEFAULT_COUPLING_CONFIG, couplingSplit, initCouplingWeights } from '../../../../src/core/flow/coupling-config';
import { logAbsDet, numericJacobian } from '../../../../src/core/flow/jacobian';
import type { TransformKind } from '../../../../src/core/flow/transform';
import { maxAbsDiff, normalPoint, randomCouplingWeights } from './fixtures';

const TRANSFORMS: TransformKind[] = ['affine', 'spline'];
/** Spline parameters get a larger scale so the bins differ visibly from the identity. */
const scaleOf = (t: TransformKind) => (t === 'spline' ? 1.5 : 0.5);

describe('float64 coupling flow', () => {
  it('alternates the split so every coordinate is transformed by some layer', () => {
    expect(couplingSplit(2, 0, 'parity')).toEqual({ pass: [0], transformed: [1] });
    expect(couplingSplit(2, 1, 'parity')).toEqual({ pass: [1], transformed: [0] });
    expect(couplingSplit(5, 0, 'halves')).toEqual({ pass: [0, 1], transformed: [2, 3, 4] });
    expect(couplingSplit(5, 1, 'parity')).toEqual({ pass: [1, 3], transformed: [0, 2, 4] });
  });

  for (const transform of TRANSFORMS) {
    for (const [dim, split] of [[2, 'parity'], [3, 'halves'], [5, 'parity']] as const) {
      it(`${transform} D=${dim} ${split}: round-trips x → z → x and z → x → z, tails included`, () => {
        const flow = new ReferenceCouplingFlow(randomCouplingWeights({ dim, split, transform, seed: dim }, scaleOf(transform)));
        for (let s = 0; s < 8; s++) {
          const p = normalPoint(dim, s, s % 2 === 0 ? 1 : 3);
          expect(maxAbsDiff(flow.toData(flow.toBase(p).out).out, p)).toBeLessThan(1e-9);
          expect(maxAbsDiff(flow.toBase(flow.toData(p).out).out, p)).toBeLessThan(1e-9);
        }
      });

      it(`${transform} D=${dim} ${split}: each layer's Jacobian is block triangular with log|det| = the engine's`, () => {
        const flow = new ReferenceCouplingFlow(randomCouplingWeights({ dim, split, transform, seed: 7 + dim }, scaleOf(transform)));
        const v = normalPoint(dim, 99, 1.5);
        for (const layer of flow.layers) {
          const J = numericJacobian((p) => layer.apply(p, 'forward').out, v);
          for (const i of layer.pass) for (let j = 0; j < dim; j++) expect(Math.abs(J[i][j] - (i === j ? 1 : 0))).toBeLessThan(1e-8);
          for (const i of layer.transformed)
            for (const j of layer.transformed) if (i !== j) expect(Math.abs(J[i][j])).toBeLessThan(1e-8);
          // Central differences lose a little near a spline knot (the curvature jumps there).
          expect(Math.abs(logAbsDet(J) - layer.apply(v, 'forward').logDet)).toBeLessThan(1e-5);
          const Jinv = numericJacobian((p) => layer.apply(p, 'inverse').out, v);
          expect(Math.abs(logAbsDet(Jinv) - layer.apply(v, 'inverse').logDet)).toBeLessThan(1e-5);
        }
        const Jflow = numericJacobian((p) => flow.toBase(p).out, v);
        expect(Math.abs(logAbsDet(Jflow) - flow.toBase(v).logDet)).toBeLessThan(1e-5);
      });
    }

    it(`${transform}: sampleWithLogProb agrees with logProb of the same samples`, () => {
      const flow = new ReferenceCouplingFlow(randomCouplingWeights({ transform, seed: 3 }, scaleOf(transform)));
      for (let s = 0; s < 5; s++) {
        const { x, logProb } = flow.sampleWithLogProb(normalPoint(2, s));
        expect(flow.logProb(x)).toBeCloseTo(logProb, 9);
      }
    });

    it(`${transform}: the 2D density integrates to 1 over a covering grid`, () => {
      const flow = new ReferenceCouplingFlow(randomCouplingWeights({ transform, seed: 4, layers: 3 }, transform === 'spline' ? 0.6 : 0.3));
      const lo = -7;
      const n = 180;
      const h = (2 * -lo) / n;
      let total = 0;
      for (let a = 0; a < n; a++)
        for (let b = 0; b < n; b++) total += Math.exp(flow.logProb([lo + (a + 0.5) * h, lo + (b + 0.5) * h]));
      expect(Math.abs(total * h * h - 1)).toBeLessThan(0.02);
    });

    it(`${transform}: a fresh flow is close to the identity, and the same config gives the same weights`, () => {
      const weights = initCouplingWeights({ ...DEFAULT_COUPLING_CONFIG, transform });
      const flow = new ReferenceCouplingFlow(weights);
      const x = normalPoint(2, 5);
      expect(maxAbsDiff(flow.toBase(x).out, x)).toBeLessThan(0.2);
      expect(Array.from(initCouplingWeights({ ...DEFAULT_COUPLING_CONFIG, transform }).layers[3].output.w)).toEqual(
        Array.from(weights.layers[3].output.w),
      );
      expect(weights.layers[0].output.outDim).toBe(transform === 'affine' ? 2 : 23);
    });
  }

  it('rejects configs out of range, naming the field', () => {
    expect(() => initCouplingWeights({ ...DEFAULT_COUPLING_CONFIG, split: 'diagonal' as never })).toThrow(/split/);
    expect(() => initCouplingWeights({ ...DEFAULT_COUPLING_CONFIG, transform: 'spline', splineBins: 1 })).toThrow(/splineBins/);
    expect(() => initCouplingWeights({ ...DEFAULT_COUPLING_CONFIG, dim: 1 })).toThrow(/dim/);
  });
});
