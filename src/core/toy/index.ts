/** Toy data sets, energy targets, exact densities and entropy floors (pure float64 math). */
export * from './toy-datasets';
export * from './eight-gaussians';
export * from './checkerboard';
export * from './curves';
export * from './spirals';
export * from './energy';
export * from './energy-density';
export * from './true-density';
export * from './drawn';
export * from './correlated-mixture';
export * from './toy-1d';
export * from './normal';
export { erf, erfc, erfcx } from './erf';
