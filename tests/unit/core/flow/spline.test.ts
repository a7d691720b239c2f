import { describe, expect, it } from 'vitest';
import { splineForward, splineInverse, splineKnots, splineParamCount, type SplineKnots } from '../../../../src/core/flow/spline';
import { createRng } from '../../../../src/core/rng';

const K = 8;
const BOUND = 4;

function randomKnots(seed: number, scale = 2): SplineKnots {
  const rng = createRng(seed);
  return splineKnots(Array.from({ length: splineParamCount(K) }, () => scale * rng.normal()), K, BOUND);
}

/** Points inside, in both tails, exactly on ±B and exactly on every knot. */
function probePoints(knots: Float64Array, seed: number): number[] {
  const rng = createRng(seed);
  const random = Array.from({ length: 200 }, () => -6 + 12 * rng.uniform());
  return [...random, ...knots, -BOUND, BOUND, -7.5, 9, -4.000001, 3.999999];
}

describe('rational-quadratic spline (float64)', () => {
  it('is exactly the identity for all-zero raw parameters', () => {
    const knots = splineKnots(new Array<number>(splineParamCount(K)).fill(0), K, BOUND);
    for (const x of [-5, -3.7, -0.2, 0, 1.3, 3.99, 4.5]) {
      const r = splineForward(x, knots);
      expect(r.value).toBeCloseTo(x, 12);
      expect(r.logDerivative).toBeCloseTo(0, 12);
    }
  });

  it('has increasing knots from −B to B, boundary derivatives 1, and passes through its knots with slopes δ_k', () => {
    for (let seed = 0; seed < 5; seed++) {
      const knots = randomKnots(seed);
      expect(knots.xs[0]).toBe(-BOUND);
      expect(knots.xs[K]).toBe(BOUND);
      expect(knots.ys[K]).toBe(BOUND);
      expect(knots.ds[0]).toBe(1);
      expect(knots.ds[K]).toBe(1);
      for (let k = 0; k < K; k++) {
        expect(knots.xs[k + 1] - knots.xs[k]).toBeGreaterThan(2 * BOUND * 9e-4);
        expect(knots.ys[k + 1] - knots.ys[k]).toBeGreaterThan(2 * BOUND * 9e-4);
      }
      for (let k = 1; k < K; k++) {
        const r = splineForward(knots.xs[k], knots);
        expect(r.value).toBeCloseTo(knots.ys[k], 10);
        expect(r.logDerivative).toBeCloseTo(Math.log(knots.ds[k]), 8);
      }
    }
  });

  it('round-trips in both directions, inside, in the tails and at bin edges', () => {
    for (let seed = 0; seed < 5; seed++) {
      const knots = randomKnots(10 + seed);
      for (const x of probePoints(knots.xs, seed)) {
        const y = splineForward(x, knots);
        const back = splineInverse(y.value, knots);
        expect(Math.abs(back.value - x)).toBeLessThan(1e-9);
        expect(Math.abs(back.logDerivative + y.logDerivative)).toBeLessThan(1e-7);
      }
      for (const y of probePoints(knots.ys, seed + 100)) {
        const x = splineInverse(y, knots);
        expect(Math.abs(splineForward(x.value, knots).value - y)).toBeLessThan(1e-9);
      }
    }
  });

  it('is strictly increasing and its log-derivative matches central differences', () => {
    const knots = randomKnots(3);
    let previous = -Infinity;
    for (let x = -5; x <= 5; x += 0.01) {
      const r = splineForward(x, knots);
      expect(r.value).toBeGreaterThan(previous);
      previous = r.value;
      const h = 1e-6;
      const slope = (splineForward(x + h, knots).value - splineForward(x - h, knots).value) / (2 * h);
      expect(Math.abs(Math.log(slope) - r.logDerivative)).toBeLessThan(1e-4);
    }
  });

  it('is the identity outside [−B, B] and continuous where the tails meet it', () => {
    const knots = randomKnots(4);
    for (const x of [-20, -4.5, 4.5, 20]) expect(splineForward(x, knots)).toEqual({ value: x, logDerivative: 0 });
    for (const edge of [-BOUND, BOUND]) {
      expect(Math.abs(splineForward(edge - 1e-9, knots).value - splineForward(edge + 1e-9, knots).value)).toBeLessThan(1e-8);
      expect(Math.abs(splineForward(edge * 0.999999999, knots).logDerivative)).toBeLessThan(1e-6);
    }
  });

  it('rejects a parameter vector of the wrong length', () => {
    expect(() => splineKnots([0, 0, 0], K, BOUND)).toThrow(/23 parameters/);
  });
});
