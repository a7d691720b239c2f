/** Fits the chosen 1-D CDF estimator (empirical or kernel) to data. */
import { fitEmpiricalCdf } from './empirical-cdf';
import { DEFAULT_BANDWIDTH_FACTOR, fitKernelCdf } from './kernel-cdf';
import type { MarginalCdf, MarginalOptions } from './marginal-types';

export const DEFAULT_MARGINAL: MarginalOptions = {
  kind: 'kernel',
  bandwidthFactor: DEFAULT_BANDWIDTH_FACTOR,
};

export function fitMarginalCdf(
  values: ArrayLike<number>,
  options: MarginalOptions = DEFAULT_MARGINAL,
): MarginalCdf {
  switch (options.kind) {
    case 'empirical':
      return fitEmpiricalCdf(values);
    case 'kernel':
      return fitKernelCdf(values, options);
    default:
      throw new Error(`Unknown marginal estimator "${String(options.kind)}"`);
  }
}
