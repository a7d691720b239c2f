/** The worker's CompareApi: one family fitted, evaluated and timed per call. */
import { compareFit } from './compare-fit';
import type { CompareApi } from './protocol';

export const compareApi: CompareApi = {
  compareFit: (request) => compareFit(request),
};
