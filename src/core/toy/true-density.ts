/**
 * True log-densities and entropy floors where they are known. The NLL of any model on data
 * from p is at least H(p) = −∫ p log p (NLL − H = KL(p ‖ model)), so H is the floor drawn
 * under loss curves.
 *
 *   8gaussians    exact 8-component mixture; H by quadrature (≈ 2.8319 nats)
 *   checkerboard  uniform on 8 squares of area 4: log p = −ln 32 inside; H = ln 32 ≈ 3.4657
 *   u1 … u4       −U − log Z on [−4, 4]²; H by quadrature (energy-density.ts)
 *   other sets    unknown in closed form: null
 */
import { CHECKERBOARD_AREA, checkerboardLogDensity } from './checkerboard';
import { eightGaussiansLogDensity } from './eight-gaussians';
import { isEnergyName, type EnergyName } from './energy';
import { energyEntropy, energyLogDensity } from './energy-density';
import type { ToyName } from './toy-datasets';

export type DensityName = ToyName | EnergyName;
export type LogDensity2D = (x1: number, x2: number) => number;

/** The exact normalised log-density of a data set or energy target, or null if unknown. */
export function trueLogDensity(name: DensityName): LogDensity2D | null {
  if (isEnergyName(name)) return (z1, z2) => energyLogDensity(name, z1, z2);
  if (name === '8gaussians') return eightGaussiansLogDensity;
  if (name === 'checkerboard') return checkerboardLogDensity;
  return null;
}

/**
 * −∫ p log p by the midpoint rule on a cells×cells grid over [−half, half]² (cells where
 * p = 0 contribute nothing). Accurate to ~1e−6 for smooth densities on grids with a few
 * cells per standard deviation.
 */
export function gridEntropy(logDensity: LogDensity2D, half: number, cells: number): number {
  const h = (2 * half) / cells;
  let entropy = 0;
  for (let row = 0; row < cells; row++) {
    const x2 = -half + (row + 0.5) * h;
    for (let col = 0; col < cells; col++) {
      const logP = logDensity(-half + (col + 0.5) * h, x2);
      if (logP > Number.NEGATIVE_INFINITY) entropy -= Math.exp(logP) * logP;
    }
  }
  return entropy * h * h;
}

let eightGaussiansEntropy: number | null = null;

/** H(p) in nats where known (see the table above), else null. Memoised. */
export function entropyFloor(name: DensityName): number | null {
  if (isEnergyName(name)) return energyEntropy(name);
  if (name === 'checkerboard') return Math.log(CHECKERBOARD_AREA);
  if (name === '8gaussians') {
    // Centres at radius 2.83, σ 0.354: [−5, 5]² holds all but ~1e−9 of the mass; h = σ/7.
    eightGaussiansEntropy ??= gridEntropy(eightGaussiansLogDensity, 5, 400);
    return eightGaussiansEntropy;
  }
  return null;
}
