/**
 * Gaussianization and the Gaussian copula (pure float64 math): 1-D CDF estimators, marginal
 * Gaussianization layers, rotations, the RBIG stack with its Gaussianity measure, the
 * copula, and the 1-D pipeline for the panel.
 */
export * from './marginal-types';
export * from './empirical-cdf';
export * from './kernel-cdf';
export * from './marginal-cdf';
export * from './marginal-gaussianization';
export * from './matrix';
export * from './jacobi-eigen';
export * from './rotation';
export * from './rotation-pursuit';
export * from './knn-entropy';
export * from './gaussianity';
export * from './held-out-gaussianity';
export * from './rbig';
export * from './rbig-density';
export * from './copula';
export * from './pipeline-1d';
export * from './ks';
export * from './grid';
