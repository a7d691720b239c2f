import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import { symmetricEigen } from '../../../../src/core/gaussianize/jacobi-eigen';
import {
  cholesky,
  covariance,
  identity,
  multiply,
  transpose,
} from '../../../../src/core/gaussianize/matrix';
import {
  fitRotation,
  pcaRotation,
  randomOrthogonal,
  rotate,
  unrotate,
} from '../../../../src/core/gaussianize/rotation';

function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

function randomPoints(n: number, dim: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const mixing = Float64Array.from({ length: dim * dim }, () => rng.normal());
  const data = new Float64Array(n * dim);
  for (let i = 0; i < n; i++) {
    const e = Float64Array.from({ length: dim }, () => rng.normal());
    for (let r = 0; r < dim; r++)
      for (let c = 0; c < dim; c++) data[i * dim + r] += mixing[r * dim + c] * e[c];
  }
  return data;
}

describe('symmetric Jacobi eigen solver', () => {
  for (const dim of [1, 2, 3, 5, 8]) {
    it(`reconstructs a covariance C = V Λ Vᵀ with orthonormal V (D = ${dim})`, () => {
      const c = covariance(randomPoints(300, dim, dim), 300, dim);
      const { values, vectors } = symmetricEigen(c, dim);
      const lambda = new Float64Array(dim * dim);
      for (let k = 0; k < dim; k++) lambda[k * dim + k] = values[k];
      const rebuilt = multiply(multiply(vectors, lambda, dim), transpose(vectors, dim), dim);
      expect(maxAbsDifference(rebuilt, c)).toBeLessThan(1e-10);
      expect(
        maxAbsDifference(multiply(transpose(vectors, dim), vectors, dim), identity(dim)),
      ).toBeLessThan(1e-12);
      for (let k = 1; k < dim; k++) expect(values[k]).toBeLessThanOrEqual(values[k - 1]);
    });
  }

  it('matches the closed form of a 2×2 matrix', () => {
    const { values, vectors } = symmetricEigen([2, 1, 1, 2], 2);
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    expect(Math.abs(vectors[0])).toBeCloseTo(Math.SQRT1_2, 14);
    expect(vectors[0] * vectors[2]).toBeCloseTo(0.5, 14); // (1, 1)/√2
  });
});

describe('rotations', () => {
  for (const dim of [2, 3, 4, 7]) {
    it(`random orthogonal Q has QᵀQ = I and |det Q| = 1 (D = ${dim})`, () => {
      const rng = createRng(40 + dim);
      for (let trial = 0; trial < 20; trial++) {
        const q = randomOrthogonal(dim, rng);
        expect(maxAbsDifference(multiply(transpose(q, dim), q, dim), identity(dim))).toBeLessThan(
          1e-10,
        );
        expect(maxAbsDifference(multiply(q, transpose(q, dim), dim), identity(dim))).toBeLessThan(
          1e-10,
        );
      }
    });

    it(`PCA rotation is orthogonal and decorrelates, in descending variance (D = ${dim})`, () => {
      const data = randomPoints(500, dim, 90 + dim);
      const q = pcaRotation(data, 500, dim);
      expect(maxAbsDifference(multiply(transpose(q, dim), q, dim), identity(dim))).toBeLessThan(
        1e-10,
      );
      const c = covariance(rotate(q, data, 500, dim), 500, dim);
      for (let a = 0; a < dim; a++) {
        for (let b = 0; b < dim; b++)
          if (a !== b) expect(Math.abs(c[a * dim + b])).toBeLessThan(1e-9);
        if (a > 0) expect(c[a * dim + a]).toBeLessThanOrEqual(c[(a - 1) * dim + a - 1]);
      }
    });
  }

  it('random rotations are Haar: the angle of a 2-D rotation is uniform', () => {
    const rng = createRng(5);
    const bins = new Array(4).fill(0);
    for (let t = 0; t < 4000; t++) {
      const q = randomOrthogonal(2, rng);
      const angle = Math.atan2(q[2], q[0]); // first column (cos θ, sin θ)
      bins[Math.min(3, Math.floor(((angle + Math.PI) / (2 * Math.PI)) * 4))]++;
    }
    for (const count of bins) expect(Math.abs(count - 1000)).toBeLessThan(120);
  });

  it('unrotate inverts rotate, and every kind is orthogonal', () => {
    const data = randomPoints(200, 3, 3);
    for (const kind of ['pca', 'random', 'pursuit'] as const) {
      const q = fitRotation(kind, data, 200, 3, createRng(1));
      expect(maxAbsDifference(multiply(transpose(q, 3), q, 3), identity(3))).toBeLessThan(1e-10);
      expect(maxAbsDifference(unrotate(q, rotate(q, data, 200, 3), 200, 3), data)).toBeLessThan(
        1e-12,
      );
    }
  });
});

describe('Cholesky', () => {
  it('factors a covariance as L Lᵀ with L lower-triangular', () => {
    const c = covariance(randomPoints(100, 4, 11), 100, 4);
    const l = cholesky(c, 4);
    for (let r = 0; r < 4; r++) for (let k = r + 1; k < 4; k++) expect(l[r * 4 + k]).toBe(0);
    expect(maxAbsDifference(multiply(l, transpose(l, 4), 4), c)).toBeLessThan(1e-12);
    expect(() => cholesky(Float64Array.of(1, 2, 2, 1), 2)).toThrow();
  });
});
