/** MAF and IAF with spline layers (float64): the same invariants as the affine flow's tests. */
import { describe, expect, it } from 'vitest';
import { ReferenceFlow } from '../../../../src/core/flow/reference-flow';
import { layerParallel, layerSequentialInverse } from '../../../../src/core/flow/reference';
import { logAbsDet, numericJacobian, permuteToOrder } from '../../../../src/core/flow/jacobian';
import { connectivity, madeMasks } from '../../../../src/core/flow/made';
import { initFlowWeights } from '../../../../src/core/flow/init';
import { DEFAULT_FLOW_CONFIG } from '../../../../src/core/flow/config';
import { maxAbsDiff, normalPoint, randomFlowWeights } from './fixtures';

const spline = { transform: 'spline' as const, splineBins: 6, splineBound: 3 };

describe('float64 spline MAF / IAF', () => {
  it('the MADE with 3K − 1 outputs per variable stays strictly autoregressive', () => {
    const w = randomFlowWeights({ dim: 4, seed: 1, ...spline });
    for (const layer of w.layers) {
      expect(layer.output.outDim).toBe(17 * 4);
      const masks = madeMasks(layer.structure, 17);
      const conn = permuteToOrder(connectivity(layer.structure, masks), layer.structure.order);
      for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) expect(conn[a][b]).toBe(b > a ? 1 : 0);
    }
  });

  for (const dim of [2, 4]) {
    it(`round-trips z → x → z and x → z → x for MAF and IAF, tails included (D=${dim})`, () => {
      const w = randomFlowWeights({ dim, seed: dim, ...spline }, 1.5);
      for (const kind of ['maf', 'iaf'] as const) {
        const flow = new ReferenceFlow(w, kind);
        for (let s = 0; s < 6; s++) {
          const p = normalPoint(dim, s, s % 2 ? 3 : 1);
          expect(maxAbsDiff(flow.toBase(flow.toData(p).out).out, p)).toBeLessThan(1e-9);
          expect(maxAbsDiff(flow.toData(flow.toBase(p).out).out, p)).toBeLessThan(1e-9);
        }
      }
    });

    it(`layer Jacobians are triangular in the layer order with log|det| = Σ log s' (D=${dim})`, () => {
      const flow = new ReferenceFlow(randomFlowWeights({ dim, seed: 10 + dim, ...spline }, 1.5), 'maf');
      const v = normalPoint(dim, 99, 1.5);
      for (const layer of flow.layers) {
        const J = numericJacobian((p) => layerParallel(layer, p).out, v);
        const P = permuteToOrder(J, layer.order);
        for (let a = 0; a < dim; a++) for (let b = a + 1; b < dim; b++) expect(Math.abs(P[a][b])).toBeLessThan(1e-9);
        expect(Math.abs(logAbsDet(J) - layerParallel(layer, v).logDet)).toBeLessThan(1e-5);
        const Jinv = numericJacobian((p) => layerSequentialInverse(layer, p).out, v);
        expect(Math.abs(logAbsDet(Jinv) - layerSequentialInverse(layer, v).logDet)).toBeLessThan(1e-5);
      }
    });
  }

  it('reports the local affine equivalent: w = (v − μ)·e^{−α} with α = −log ∂w/∂v', () => {
    const flow = new ReferenceFlow(randomFlowWeights({ dim: 3, seed: 5, ...spline }, 1.5), 'maf');
    const v = normalPoint(3, 2);
    const r = layerParallel(flow.layers[0], v);
    for (let i = 0; i < 3; i++) expect((v[i] - r.mu[i]) * Math.exp(-r.alpha[i])).toBeCloseTo(r.out[i], 12);
    expect(-r.alpha.reduce((s, a) => s + a, 0)).toBeCloseTo(r.logDet, 12);
    expect(() => flow.layers[0].conditioner(v)).toThrow(/affine/);
  });

  it('the 2D spline MAF density integrates to 1 over a covering grid', () => {
    const flow = new ReferenceFlow(randomFlowWeights({ dim: 2, seed: 3, ...spline }, 0.6), 'maf');
    const lo = -7;
    const n = 180;
    const h = (2 * -lo) / n;
    let total = 0;
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++) total += Math.exp(flow.logProb([lo + (a + 0.5) * h, lo + (b + 0.5) * h]));
    expect(Math.abs(total * h * h - 1)).toBeLessThan(0.02);
  });

  it('a fresh spline flow is the identity up to its 0.01-scaled outputs', () => {
    const flow = new ReferenceFlow(initFlowWeights({ ...DEFAULT_FLOW_CONFIG, transform: 'spline' }), 'maf');
    const x = normalPoint(2, 1);
    expect(maxAbsDiff(flow.toBase(x).out, x)).toBeLessThan(0.2);
    expect(() => initFlowWeights({ ...DEFAULT_FLOW_CONFIG, transform: 'cubic' as never })).toThrow(/transform/);
  });
});
