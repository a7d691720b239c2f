/**
 * One-dimensional toys for the Gaussianization panel, each with an exact pdf and CDF:
 *
 *   skewed        Gamma(shape 2, scale 1) − 2:  t = x + 2 > 0,  f = t e^{−t},  F = 1 − e^{−t}(1 + t)
 *   bimodal       0.6·N(−1.5, 0.5²) + 0.4·N(1.5, 0.5²)
 *   heavy-tailed  Student t, ν = 3:  f = 2 / (π√3 (1 + x²/3)²),
 *                 F = ½ + (1/π)[ (x/√3) / (1 + x²/3) + atan(x/√3) ]
 *   uniform       U[−2, 2]
 */
import type { Rng } from '../types';
import { normalCdf, normalPdf } from './normal';
import { assertCount } from './point-set';

export const TOY_1D = ['skewed', 'bimodal', 'heavy-tailed', 'uniform'] as const;
export type Toy1DName = (typeof TOY_1D)[number];

export const TOY_1D_INFO: Readonly<
  Record<Toy1DName, { label: string; description: string; range: readonly [number, number] }>
> = {
  skewed: {
    label: 'Skewed',
    description: 'Gamma(2, 1) shifted to mean 0: a hard wall at −2 and a long right tail.',
    range: [-2.5, 8],
  },
  bimodal: {
    label: 'Bimodal',
    description: 'Two normal bumps at ±1.5 (weights 0.6 and 0.4).',
    range: [-4, 4],
  },
  'heavy-tailed': {
    label: 'Heavy-tailed',
    description: 'Student t with 3 degrees of freedom: rare, far outliers.',
    range: [-8, 8],
  },
  uniform: {
    label: 'Uniform',
    description: 'Flat on [−2, 2]: no tails at all.',
    range: [-3, 3],
  },
};

const BIMODAL = { weight: 0.6, leftMean: -1.5, rightMean: 1.5, sigma: 0.5 } as const;
const SQRT3 = Math.sqrt(3);

/** n independent samples of a 1-D toy. */
export function sample1D(name: Toy1DName, n: number, rng: Rng): Float64Array {
  assertCount(n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = sampleOne(name, rng);
  return out;
}

function sampleOne(name: Toy1DName, rng: Rng): number {
  switch (name) {
    case 'skewed':
      // Gamma(2, 1) = sum of two Exp(1); 1 − U ∈ (0, 1] keeps the log finite.
      return -Math.log(1 - rng.uniform()) - Math.log(1 - rng.uniform()) - 2;
    case 'bimodal': {
      const mean = rng.uniform() < BIMODAL.weight ? BIMODAL.leftMean : BIMODAL.rightMean;
      return mean + BIMODAL.sigma * rng.normal();
    }
    case 'heavy-tailed': {
      // t₃ = Z / √(χ²₃ / 3)
      const z = rng.normal();
      let chi2 = 0;
      for (let j = 0; j < 3; j++) chi2 += rng.normal() ** 2;
      return z / Math.sqrt(chi2 / 3);
    }
    case 'uniform':
      return -2 + 4 * rng.uniform();
    default:
      throw new Error(`Unknown 1-D toy "${String(name)}"`);
  }
}

/** The exact density f(x). */
export function pdf1D(name: Toy1DName, x: number): number {
  switch (name) {
    case 'skewed': {
      const t = x + 2;
      return t > 0 ? t * Math.exp(-t) : 0;
    }
    case 'bimodal': {
      const { weight, leftMean, rightMean, sigma } = BIMODAL;
      return (
        (weight * normalPdf((x - leftMean) / sigma) +
          (1 - weight) * normalPdf((x - rightMean) / sigma)) /
        sigma
      );
    }
    case 'heavy-tailed':
      return 2 / (Math.PI * SQRT3 * (1 + (x * x) / 3) ** 2);
    case 'uniform':
      return x >= -2 && x <= 2 ? 0.25 : 0;
    default:
      throw new Error(`Unknown 1-D toy "${String(name)}"`);
  }
}

/** The exact CDF F(x) = P(X ≤ x). */
export function cdf1D(name: Toy1DName, x: number): number {
  switch (name) {
    case 'skewed': {
      const t = x + 2;
      // 1 − e^{−t}(1 + t), with −expm1 for accuracy near t = 0
      return t > 0 ? -Math.expm1(-t) - t * Math.exp(-t) : 0;
    }
    case 'bimodal': {
      const { weight, leftMean, rightMean, sigma } = BIMODAL;
      return (
        weight * normalCdf((x - leftMean) / sigma) +
        (1 - weight) * normalCdf((x - rightMean) / sigma)
      );
    }
    case 'heavy-tailed': {
      if (x === Number.NEGATIVE_INFINITY) return 0;
      if (x === Number.POSITIVE_INFINITY) return 1;
      const s = x / SQRT3;
      return 0.5 + (s / (1 + s * s) + Math.atan(s)) / Math.PI;
    }
    case 'uniform':
      return Math.min(1, Math.max(0, (x + 2) / 4));
    default:
      throw new Error(`Unknown 1-D toy "${String(name)}"`);
  }
}
