/**
 * Normalised densities of the energy targets, by quadrature. On the box B = [−4, 4]², split
 * into QUADRATURE_CELLS² square cells of side h = 8 / QUADRATURE_CELLS, the midpoint rule gives
 *
 *   Z = Σ_cells e^{−U(c)} h²,   log p(z) = −U(z) − log Z   (z ∈ B; −∞ outside),
 *   H = −Σ_cells p(c) log p(c) h²   (the entropy floor, nats).
 *
 * The cell masses also drive an inverse-CDF sampler: pick a cell with probability
 * p(c)h², then a uniform point inside it (piecewise-constant p, error O(h) in position).
 * Each target's table is built once (≈ 0.26 M energy evaluations) and memoised.
 */
import type { PointSet, Rng } from '../types';
import { ENERGY_BOX, energy, type EnergyName } from './energy';
import { assertCount, createPointSet } from './point-set';

/** Cells per side of the quadrature grid over [−4, 4]² (cell side 1/64). */
export const QUADRATURE_CELLS = 512;

export interface EnergyQuadrature {
  name: EnergyName;
  /** The box is [−box, box]². */
  box: number;
  cellsPerSide: number;
  cellSize: number;
  /** log Z, Z = ∫_B e^{−U}. */
  logNormaliser: number;
  /** H(p) = −∫ p log p over the box, nats. */
  entropy: number;
  /** Cumulative cell probabilities, row-major [cells (z₂), cells (z₁)]; last entry 1. */
  cumulative: Float64Array;
}

const cache = new Map<EnergyName, EnergyQuadrature>();

/** The memoised quadrature table of an energy target. */
export function energyQuadrature(name: EnergyName): EnergyQuadrature {
  const cached = cache.get(name);
  if (cached) return cached;
  const cells = QUADRATURE_CELLS;
  const h = (2 * ENERGY_BOX) / cells;
  const negEnergy = new Float64Array(cells * cells);
  let maxNegEnergy = Number.NEGATIVE_INFINITY;
  for (let row = 0; row < cells; row++) {
    const z2 = -ENERGY_BOX + (row + 0.5) * h;
    for (let col = 0; col < cells; col++) {
      const value = -energy(name, -ENERGY_BOX + (col + 0.5) * h, z2);
      negEnergy[row * cells + col] = value;
      if (value > maxNegEnergy) maxNegEnergy = value;
    }
  }
  // Z = e^{max} Σ e^{−U − max} h²
  let scaledSum = 0;
  for (const value of negEnergy) scaledSum += Math.exp(value - maxNegEnergy);
  const logNormaliser = maxNegEnergy + Math.log(scaledSum * h * h);
  const cumulative = new Float64Array(cells * cells);
  let running = 0;
  let entropy = 0;
  for (let i = 0; i < negEnergy.length; i++) {
    const logP = negEnergy[i] - logNormaliser;
    const mass = Math.exp(logP) * h * h;
    running += mass;
    cumulative[i] = running;
    if (mass > 0) entropy -= mass * logP;
  }
  for (let i = 0; i < cumulative.length; i++) cumulative[i] /= running;
  cumulative[cumulative.length - 1] = 1;
  const table: EnergyQuadrature = {
    name,
    box: ENERGY_BOX,
    cellsPerSide: cells,
    cellSize: h,
    logNormaliser,
    entropy,
    cumulative,
  };
  cache.set(name, table);
  return table;
}

/** Normalised log p(z₁, z₂) = −U − log Z on [−4, 4]², −∞ outside. */
export function energyLogDensity(name: EnergyName, z1: number, z2: number): number {
  if (!(Math.abs(z1) <= ENERGY_BOX && Math.abs(z2) <= ENERGY_BOX)) return Number.NEGATIVE_INFINITY;
  return -energy(name, z1, z2) - energyQuadrature(name).logNormaliser;
}

/** Entropy H(p) of an energy target on its box, nats (the NLL floor for samples of it). */
export function energyEntropy(name: EnergyName): number {
  return energyQuadrature(name).entropy;
}

/** Smallest index i with cumulative[i] > u (binary search; cumulative is non-decreasing). */
function searchCumulative(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** n samples of an energy target, [n, 2]: inverse CDF over grid cells, uniform within a cell. */
export function sampleEnergy(name: EnergyName, n: number, rng: Rng): PointSet {
  assertCount(n);
  const { cumulative, cellsPerSide, cellSize, box } = energyQuadrature(name);
  const points = createPointSet(n, 2);
  for (let i = 0; i < n; i++) {
    const cell = searchCumulative(cumulative, rng.uniform());
    const row = Math.floor(cell / cellsPerSide);
    const col = cell - row * cellsPerSide;
    points.data[2 * i] = -box + (col + rng.uniform()) * cellSize;
    points.data[2 * i + 1] = -box + (row + rng.uniform()) * cellSize;
  }
  return points;
}
