import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import { standardizeWithScale } from '../../../../src/core/gaussianize/gaussianity';
import { heldOutGaussianity, standardizeLike } from '../../../../src/core/gaussianize/held-out-gaussianity';
import { knnEntropy } from '../../../../src/core/gaussianize/knn-entropy';
import { fitRbig, rbigForward } from '../../../../src/core/gaussianize/rbig';
import { sampleToy } from '../../../../src/core/toy/toy-datasets';

const HALF_LOG_2PI_E = 0.5 * Math.log(2 * Math.PI * Math.E);

describe('the held-out Gaussianity measure', () => {
  it('is KL = held-out NLL − H, split exactly into TC + marginal, with se = sd/√m', () => {
    const rng = createRng(2);
    const m = 500;
    const data = Float64Array.from({ length: 2 * m }, () => rng.normal());
    const logDet = Float64Array.from({ length: m }, () => 0.3 * rng.normal());
    const g = heldOutGaussianity({ data, n: m, dim: 2 }, logDet, 2.5);
    expect(g.klToStandardNormal).toBeCloseTo(g.heldOutNll - 2.5, 10);
    expect(g.totalCorrelation + g.marginalNonGaussianity).toBeCloseTo(g.klToStandardNormal, 10);
    const terms = Array.from({ length: m }, (_, i) => 0.5 * (data[2 * i] ** 2 + data[2 * i + 1] ** 2) + Math.log(2 * Math.PI) - logDet[i]);
    const mean = terms.reduce((s, v) => s + v, 0) / m;
    const sd = Math.sqrt(terms.reduce((s, v) => s + (v - mean) ** 2, 0) / (m - 1));
    expect(g.heldOutNll).toBeCloseTo(mean, 10);
    expect(g.standardError).toBeCloseTo(sd / Math.sqrt(m), 12);
  });

  it('is 0 within its error for N(0, I) points with the true entropy', () => {
    const rng = createRng(8);
    const m = 4000;
    const data = Float64Array.from({ length: 2 * m }, () => rng.normal());
    const g = heldOutGaussianity({ data, n: m, dim: 2 }, new Float64Array(m), 2 * HALF_LOG_2PI_E);
    expect(Math.abs(g.klToStandardNormal)).toBeLessThan(3 * g.standardError);
  });

  it('standardizeLike with the training points themselves is standardizeWithScale', () => {
    const pts = sampleToy('moons', 300, createRng(4));
    const a = standardizeLike(pts, pts);
    const b = standardizeWithScale(pts);
    expect(a.logScale).toBeCloseTo(b.logScale, 12);
    for (let i = 0; i < a.points.data.length; i++) expect(a.points.data[i]).toBeCloseTo(b.points.data[i], 12);
  });

  it('stays ≥ 0 within its error where the training-point measure falls far below 0 (empirical CDF)', () => {
    const n = 1000;
    const training = sampleToy('8gaussians', n, createRng(1));
    const heldOut = sampleToy('8gaussians', n, createRng(7920));
    const model = fitRbig(training, { iterations: 8, marginal: { kind: 'empirical', bandwidthFactor: 0.4 }, rotation: 'random' }, createRng(1));
    const standardized = standardizeWithScale(training);
    const entropy = knnEntropy(standardized.points.data, n, 2) + standardized.logScale;
    expect(model.gaussianity[8].klToStandardNormal).toBeLessThan(-5); // the collapse on the training points
    const kl: number[] = [];
    for (let k = 1; k <= 8; k++) {
      const { z, logDet } = rbigForward(model, heldOut, k);
      const g = heldOutGaussianity(z, logDet, entropy);
      expect(g.klToStandardNormal, `iteration ${k}`).toBeGreaterThan(-2 * g.standardError);
      kl.push(g.klToStandardNormal);
    }
    expect(kl[7]).toBeGreaterThan(kl[0] + 3); // the overfitting shows as a rising KL
  });
});
