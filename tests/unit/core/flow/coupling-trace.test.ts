import { describe, expect, it } from 'vitest';
import { initCouplingWeights, DEFAULT_COUPLING_CONFIG } from '../../../../src/core/flow/coupling-config';
import { ReferenceCouplingFlow } from '../../../../src/core/flow/coupling';
import { blockOrder, couplingLayerJacobian, traceCouplingFlow } from '../../../../src/core/flow/coupling-trace';
import { logAbsDet, permuteToOrder } from '../../../../src/core/flow/jacobian';
import { createRng } from '../../../../src/core/rng';

/** Weights with a non-trivial conditioner (the initial output layer is scaled by 0.01). */
function weights(dim: number, layers: number) {
  const w = initCouplingWeights({ ...DEFAULT_COUPLING_CONFIG, dim, layers, hidden: [8, 8], seed: 3 });
  const rng = createRng(5);
  for (const l of w.layers) for (let k = 0; k < l.output.w.length; k++) l.output.w[k] = 0.5 * rng.normal();
  return w;
}

describe('coupling flow trace', () => {
  it('sampling then density returns the point, one pass per layer, logProb as the reference', () => {
    const w = weights(4, 3);
    const z = [0.3, -1.2, 0.8, 0.1];
    const sample = traceCouplingFlow(w, 'sample', z);
    expect(sample.layers.map((l) => l.layerIndex)).toEqual([2, 1, 0]);
    expect(sample.layers.every((l) => l.passes === 1)).toBe(true);
    const density = traceCouplingFlow(w, 'density', sample.output);
    expect(density.layers.map((l) => l.layerIndex)).toEqual([0, 1, 2]);
    density.output.forEach((v, i) => expect(v).toBeCloseTo(z[i], 10));
    expect(density.logProb).toBeCloseTo(new ReferenceCouplingFlow(w).logProb(sample.output), 10);
    expect(sample.logProb).toBeCloseTo(density.logProb, 9);
  });

  it('copies the pass-through half exactly', () => {
    const w = weights(5, 2);
    for (const l of traceCouplingFlow(w, 'density', [1, 2, 3, 4, 5]).layers)
      for (const i of l.pass) expect(l.output[i]).toBe(l.input[i]);
  });

  it('a layer Jacobian is block lower-triangular in (pass, transformed) order, log|det| = the trace', () => {
    const w = weights(5, 2);
    for (const op of ['density', 'sample'] as const)
      for (const layer of traceCouplingFlow(w, op, [0.4, -0.2, 1.1, 0.7, -0.9]).layers) {
        const J = couplingLayerJacobian(w, layer);
        const P = permuteToOrder(J, blockOrder(layer));
        const p = layer.pass.length;
        for (let a = 0; a < P.length; a++)
          for (let b = a + 1; b < P.length; b++) expect(P[a][b]).toBe(0);
        for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) expect(P[a][b]).toBeCloseTo(a === b ? 1 : 0, 8);
        for (let a = p; a < P.length; a++) for (let b = p; b < a; b++) expect(P[a][b]).toBe(0);
        // The conditioner reads the pass half: the lower-left block is not zero.
        expect(P.slice(p).some((row) => row.slice(0, p).some((v) => Math.abs(v) > 1e-6))).toBe(true);
        expect(logAbsDet(J)).toBeCloseTo(layer.logDet, 6);
      }
  });
});
