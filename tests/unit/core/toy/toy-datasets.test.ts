import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import type { PointSet } from '../../../../src/core/types';
import { isInCheckerboard } from '../../../../src/core/toy/checkerboard';
import { RING_RADII } from '../../../../src/core/toy/curves';
import {
  EIGHT_GAUSSIANS_CENTRES,
  EIGHT_GAUSSIANS_SIGMA,
} from '../../../../src/core/toy/eight-gaussians';
import {
  TOY_DATASETS,
  TOY_INFO,
  isToyName,
  sampleToy,
} from '../../../../src/core/toy/toy-datasets';
import { columnMoments } from './grid';

const N = 20_000;
const sample = (name: (typeof TOY_DATASETS)[number], n = N, seed = 11): PointSet =>
  sampleToy(name, n, createRng(seed));

/** Angle wrapped into [−period/2, period/2). */
const wrap = (angle: number, period: number): number =>
  angle - period * Math.floor(angle / period + 0.5);

const sameValues = (a: Float32Array, b: Float32Array): boolean =>
  a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

const rms = (values: number[]): number =>
  Math.sqrt(values.reduce((s, v) => s + v * v, 0) / values.length);

describe('toy data set registry', () => {
  it('lists eight sets, each with a label, a description and a sampler', () => {
    expect(TOY_DATASETS).toHaveLength(8);
    for (const name of TOY_DATASETS) {
      expect(isToyName(name)).toBe(true);
      expect(TOY_INFO[name].label.length).toBeGreaterThan(0);
      expect(TOY_INFO[name].description.length).toBeGreaterThan(10);
    }
    expect(isToyName('u1')).toBe(false);
    expect(() => sampleToy('nope' as never, 3, createRng(1))).toThrow(/Unknown toy/);
  });

  it('is reproducible from a seed, returns [n, 2] float32 finite points inside the view', () => {
    for (const name of TOY_DATASETS) {
      for (const n of [0, 1, 7, 1001]) {
        const a = sample(name, n, 5);
        expect(a.n).toBe(n);
        expect(a.dim).toBe(2);
        expect(a.data).toBeInstanceOf(Float32Array);
        expect(a.data.length).toBe(2 * n);
        expect(sameValues(sample(name, n, 5).data, a.data)).toBe(true);
      }
      const big = sample(name);
      expect(sameValues(sample(name, N, 6).data, big.data)).toBe(false);
      let inside = 0;
      let finite = 0;
      for (const v of big.data) {
        if (Number.isFinite(v)) finite++;
        if (Math.abs(v) <= TOY_INFO[name].halfWidth) inside++;
      }
      expect(finite).toBe(big.data.length);
      expect(inside / big.data.length).toBeGreaterThan(0.995);
    }
  });

  it('rejects bad counts', () => {
    expect(() => sampleToy('moons', -1, createRng(1))).toThrow(/non-negative integer/);
    expect(() => sampleToy('moons', 2.5, createRng(1))).toThrow(/non-negative integer/);
  });
});

describe('toy data set recipes', () => {
  it('8gaussians: equal clusters at the 8 scaled centres with σ = 0.5/1.414', () => {
    const { data } = sample('8gaussians');
    const counts = new Array(8).fill(0);
    let sumSq = 0;
    for (let i = 0; i < N; i++) {
      let best = 0;
      let bestD2 = Infinity;
      for (let k = 0; k < 8; k++) {
        const d2 =
          (data[2 * i] - EIGHT_GAUSSIANS_CENTRES[2 * k]) ** 2 +
          (data[2 * i + 1] - EIGHT_GAUSSIANS_CENTRES[2 * k + 1]) ** 2;
        if (d2 < bestD2) [best, bestD2] = [k, d2];
      }
      counts[best]++;
      sumSq += bestD2;
    }
    for (const c of counts) expect(c / N).toBeCloseTo(1 / 8, 1.6);
    // E‖x − c‖² = 2σ² per point
    expect(sumSq / N / (2 * EIGHT_GAUSSIANS_SIGMA ** 2)).toBeCloseTo(1, 1.5);
    for (let k = 0; k < 8; k++) {
      expect(
        Math.hypot(EIGHT_GAUSSIANS_CENTRES[2 * k], EIGHT_GAUSSIANS_CENTRES[2 * k + 1]),
      ).toBeCloseTo(4 / 1.414, 12);
    }
  });

  it('moons: mean (0, 0.3) and noise 0.1 around the two scaled arcs', () => {
    const { data } = sample('moons');
    const { mean } = columnMoments(data, N, 2);
    // E(cos t, sin t) = (0, 2/π) on the outer arc, (1, ½ − 2/π) on the inner: mean (½, ¼), ×2 − (1, 0.2)
    expect(mean[0]).toBeCloseTo(0, 1.5);
    expect(mean[1]).toBeCloseTo(0.3, 1.5);
    const distances: number[] = [];
    for (let i = 0; i < N; i++) {
      const x = (data[2 * i] + 1) / 2;
      const y = (data[2 * i + 1] + 0.2) / 2;
      const toOuter = Math.abs(Math.hypot(x, y) - 1);
      const toInner = Math.abs(Math.hypot(x - 1, y - 0.5) - 1);
      distances.push(Math.min(toOuter, toInner));
    }
    // distance to the nearer arc ≤ |noise|, whose radial part has rms 0.1
    expect(rms(distances)).toBeLessThan(0.1);
    expect(rms(distances)).toBeGreaterThan(0.05);
  });

  it('circles: half the points on radius 3, half on 1.5, radial noise 3·0.08', () => {
    const { data } = sample('circles');
    let outer = 0;
    const residuals: number[] = [];
    for (let i = 0; i < N; i++) {
      const r = Math.hypot(data[2 * i], data[2 * i + 1]);
      const isOuter = r > 2.25;
      if (isOuter) outer++;
      residuals.push(r - (isOuter ? 3 : 1.5));
    }
    // the circles are 3.1 noise σ from the midway radius: about 0.1% cross it
    expect(Math.abs(outer - N / 2)).toBeLessThan(0.005 * N);
    expect(rms(residuals)).toBeCloseTo(0.24, 1.5);
  });

  it('rings: a quarter of the points on each radius 3, 2.25, 1.5, 0.75, radial noise 0.08', () => {
    const { data } = sample('rings');
    const counts = [0, 0, 0, 0];
    const residuals: number[] = [];
    for (let i = 0; i < N; i++) {
      const r = Math.hypot(data[2 * i], data[2 * i + 1]);
      let ring = 0;
      for (let k = 1; k < 4; k++)
        if (Math.abs(r - RING_RADII[k]) < Math.abs(r - RING_RADII[ring])) ring = k;
      counts[ring]++;
      residuals.push(r - RING_RADII[ring]);
    }
    expect(counts).toEqual([N / 4, N / 4, N / 4, N / 4]);
    expect(rms(residuals)).toBeCloseTo(0.08, 2);
  });

  it('pinwheel: five equal arms at angle −(2πk/5 + 0.25·e^{r}), r = |x|/2 ≈ 1 ± 0.3', () => {
    const { data } = sample('pinwheel');
    const armCounts = [0, 0, 0, 0, 0];
    const angleResiduals: number[] = [];
    const radii: number[] = [];
    const armAngle = (2 * Math.PI) / 5;
    for (let i = 0; i < N; i++) {
      const r = Math.hypot(data[2 * i], data[2 * i + 1]) / 2;
      radii.push(r);
      const unwound = -Math.atan2(data[2 * i + 1], data[2 * i]) - 0.25 * Math.exp(r);
      const k = ((Math.round(unwound / armAngle) % 5) + 5) % 5;
      armCounts[k]++;
      angleResiduals.push(wrap(unwound, armAngle));
    }
    for (const c of armCounts) expect(c / N).toBeCloseTo(0.2, 1.5);
    // tangential spread 0.1 at radius ≈ 1
    expect(rms(angleResiduals)).toBeLessThan(0.13);
    expect(radii.reduce((a, b) => a + b, 0) / N).toBeCloseTo(1, 1.5);
  });

  it('2spirals: point-symmetric arms with angle + 3|x| ≡ π (mod π)', () => {
    const { data } = sample('2spirals');
    const { mean } = columnMoments(data, N, 2);
    expect(Math.hypot(mean[0], mean[1])).toBeLessThan(0.03);
    const residuals: number[] = [];
    let maxTurn = 0;
    for (let i = 0; i < N; i++) {
      const s = 3 * Math.hypot(data[2 * i], data[2 * i + 1]);
      maxTurn = Math.max(maxTurn, s);
      if (s > 5)
        residuals.push(wrap(Math.atan2(data[2 * i + 1], data[2 * i]) + s - Math.PI, Math.PI));
    }
    expect(maxTurn).toBeLessThan(3 * Math.PI + 3);
    // The residual is the radial error (0.5·U jitter and 3·0.1 noise, rms ≈ 0.4) plus a small
    // angular one; uniform angles would give rms π/√12 ≈ 0.91.
    expect(rms(residuals)).toBeLessThan(0.5);
  });

  it('checkerboard: every point in one of the 8 black squares, each with 1/8 of the mass', () => {
    const { data } = sample('checkerboard');
    const squareCounts = new Map<string, number>();
    let outside = 0;
    for (let i = 0; i < N; i++) {
      const [x, y] = [data[2 * i], data[2 * i + 1]];
      if (!isInCheckerboard(x, y)) outside++;
      const key = `${Math.floor(x / 2)},${Math.floor(y / 2)}`;
      squareCounts.set(key, (squareCounts.get(key) ?? 0) + 1);
    }
    expect(outside).toBe(0);
    expect(squareCounts.size).toBe(8);
    for (const c of squareCounts.values()) expect(c / N).toBeCloseTo(1 / 8, 1.6);
    const { mean, covariance } = columnMoments(data, N, 2);
    // uniform on [−4, 4): variance 64/12 per coordinate
    expect(mean[0]).toBeCloseTo(0, 1);
    expect(covariance[0] / (64 / 12)).toBeCloseTo(1, 1.3);
  });

  it('swissroll: radius 5|x| ≈ t ∈ [1.5π, 4.5π] with mean 3π', () => {
    const { data } = sample('swissroll');
    let sum = 0;
    let [min, max] = [Infinity, 0];
    for (let i = 0; i < N; i++) {
      const r = 5 * Math.hypot(data[2 * i], data[2 * i + 1]);
      [min, max] = [Math.min(min, r), Math.max(max, r)];
      sum += r;
    }
    expect(min).toBeGreaterThan(1.5 * Math.PI - 5);
    expect(max).toBeLessThan(4.5 * Math.PI + 5);
    // E|t·u + ε| ≈ t + 1/(2t): mean ≈ 3π + 0.06
    expect(sum / N - 3 * Math.PI).toBeGreaterThan(-0.1);
    expect(sum / N - 3 * Math.PI).toBeLessThan(0.2);
  });
});
