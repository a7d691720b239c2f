import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import { sample1D } from '../../../../src/core/toy/toy-1d';
import { normalCdf, normalQuantile } from '../../../../src/core/toy/normal';
import { ksDistanceToNormal } from '../../../../src/core/gaussianize/ks';
import { gaussianize1D } from '../../../../src/core/gaussianize/pipeline-1d';

describe('1-D Gaussianization pipeline', () => {
  for (const kind of ['empirical', 'kernel'] as const) {
    it(`returns consistent stages x → F̂ → u → z with Q–Q pairs and KS (${kind})`, () => {
      const x = sample1D('bimodal', 1500, createRng(1));
      const stages = gaussianize1D(x, { kind, bandwidthFactor: 0.5 });
      expect(stages.x).toEqual(Float64Array.from(x));
      expect(stages.grid.length).toBe(256);
      expect(stages.grid[0]).toBeLessThan(Math.min(...x));
      expect(stages.grid[255]).toBeGreaterThan(Math.max(...x));
      for (let g = 1; g < 256; g++) {
        expect(stages.cdf[g]).toBeGreaterThan(stages.cdf[g - 1]);
        expect(stages.transform[g]).toBeGreaterThan(stages.transform[g - 1]);
        expect(normalCdf(stages.transform[g])).toBeCloseTo(stages.cdf[g], 10);
      }
      // trapezoid ∫ f̂ over the grid ≈ F̂(end) − F̂(start)
      let integral = 0;
      for (let g = 1; g < 256; g++)
        integral +=
          0.5 * (stages.density[g] + stages.density[g - 1]) * (stages.grid[g] - stages.grid[g - 1]);
      expect(integral).toBeCloseTo(stages.cdf[255] - stages.cdf[0], kind === 'kernel' ? 3 : 1);
      for (let i = 0; i < x.length; i++) {
        expect(stages.u[i]).toBeGreaterThan(0);
        expect(stages.u[i]).toBeLessThan(1);
        expect(stages.z[i]).toBeCloseTo(normalQuantile(stages.u[i]), 8);
      }
      const { normal, sample } = stages.qq;
      for (let i = 1; i < x.length; i++) {
        expect(sample[i]).toBeGreaterThanOrEqual(sample[i - 1]);
        expect(normal[i]).toBeGreaterThan(normal[i - 1]);
      }
      expect(normal[0]).toBeCloseTo(normalQuantile(0.5 / x.length), 12);
      expect(stages.ks).toBe(ksDistanceToNormal(stages.z));
      expect(stages.ks).toBeLessThan(0.03);
      expect(stages.bandwidth === null).toBe(kind === 'empirical');
    });
  }

  it('shows the kernel bandwidth trade-off: more smoothing, larger KS', () => {
    const x = sample1D('uniform', 2000, createRng(2));
    const sharp = gaussianize1D(x, { kind: 'kernel', bandwidthFactor: 0.25 });
    const smooth = gaussianize1D(x, { kind: 'kernel', bandwidthFactor: 2 });
    expect(smooth.bandwidth!).toBeCloseTo(8 * sharp.bandwidth!, 12);
    expect(smooth.ks).toBeGreaterThan(sharp.ks);
  });

  it('honours an explicit grid', () => {
    const stages = gaussianize1D([0, 1, 2, 3], {
      kind: 'empirical',
      grid: { min: -1, max: 4, count: 11 },
    });
    expect(Array.from(stages.grid)).toEqual([-1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4]);
  });
});
