/**
 * The implicit IAF maximum-likelihood gradient (core/flow/iaf-gradient.ts) against central
 * finite differences of the IAF log-likelihood in float64: every parameter of a few-layer chain
 * and every input coordinate, for D = 2, 3, 5, relu and tanh, on a flow far from the identity.
 * Its forward (the D-pass inverse) is pinned to the reference flow's IAF density.
 */
import { describe, expect, it } from 'vitest';
import { flatParameters, iafLogProb, iafMaxLikelihoodGradient, iafModel } from '../../../../src/core/flow/iaf-gradient';
import { ReferenceFlow } from '../../../../src/core/flow/reference-flow';
import { createRng } from '../../../../src/core/rng';
import { randomFlowWeights } from './fixtures';

const H = 1e-5;

function batch(dim: number, n: number, seed: number): Float64Array[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => Float64Array.from({ length: dim }, () => 1.5 * rng.normal()));
}

/** max |a − b| / max(1e-3, |b|) over entries where b or a is visibly non-zero, and the largest |b|. */
function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1e-3, Math.abs(b[i])));
  return worst;
}

describe('implicit IAF maximum-likelihood gradient (float64)', () => {
  for (const activation of ['relu', 'tanh'] as const) {
    for (const dim of [2, 3, 5]) {
      it(`equals central finite differences of −mean log p (D=${dim}, ${activation}, 3 layers)`, () => {
        const weights = randomFlowWeights({ dim, layers: 3, hidden: [8, 6], activation, seed: 40 + dim }, 0.8);
        const model = iafModel(weights);
        const theta = flatParameters(weights);
        const xs = batch(dim, 4, 7 + dim);
        const N = xs.length;
        const loss = (t: Float64Array, points: readonly ArrayLike<number>[]) => -points.reduce((s, x) => s + iafLogProb(model, t, x), 0) / N;

        const r = iafMaxLikelihoodGradient(model, theta, xs);
        // The forward is the reference flow's IAF density.
        const reference = new ReferenceFlow(weights, 'iaf');
        expect(Math.abs(r.loss - -xs.reduce((s, x) => s + reference.logProb(x), 0) / N)).toBeLessThan(1e-10);
        expect(Math.abs(r.loss - loss(theta, xs))).toBeLessThan(1e-12);

        const fd = new Float64Array(model.paramCount);
        for (let p = 0; p < theta.length; p++) {
          const up = Float64Array.from(theta);
          const down = Float64Array.from(theta);
          up[p] += H;
          down[p] -= H;
          fd[p] = (loss(up, xs) - loss(down, xs)) / (2 * H);
        }
        // The gradient is far from zero (a test that can fail), and matches.
        expect(Math.max(...fd.map(Math.abs))).toBeGreaterThan(0.05);
        console.log('ERR', dim, activation, relativeError(r.grad, fd));expect(relativeError(r.grad, fd)).toBeLessThan(2e-6);
        // Masked weights get exactly zero.
        for (const slots of model.layers)
          for (const s of slots) s.mask.forEach((m, q) => m === 0 && expect(r.grad[s.wOff + q]).toBe(0));

        // ∂L/∂x: the λ of the top layer.
        xs.forEach((x, n) => {
          const fdx = Array.from({ length: dim }, (_, i) => {
            const up = Float64Array.from(x);
            const down = Float64Array.from(x);
            up[i] += H;
            down[i] -= H;
            return (-iafLogProb(model, theta, up) + iafLogProb(model, theta, down)) / (2 * H * N);
          });
          expect(relativeError(r.gradX[n], fdx)).toBeLessThan(2e-6);
        });
      });
    }
  }
});
