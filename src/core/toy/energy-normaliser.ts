/**
 * log Z of the energy that reverse-KL training targets, so that its loss can be shown as a KL.
 * The IAF is trained on p_c(z) = e^{−U_c(z)}/Z_c, U_c = U + the box wall (energy.ts,
 * confinedEnergy), and its loss is the Monte-Carlo mean of log q(x) + U_c(x), x ~ q:
 *
 *   E_q[log q + U_c] = KL(q ‖ p_c) − log Z_c,   so   KL(q ‖ p_c) = E_q[log q + U_c] + log Z_c ≥ 0.
 *
 * Z_c = ∫ e^{−U_c} by the midpoint rule on a cells × cells grid over [−half, half]², half =
 * ENERGY_BOX + QUADRATURE_MARGIN: the box [−4, 4]² and the wall outside it (beyond 0.5 the wall
 * is ≥ ½(0.5/0.05)² = 50, so e^{−U_c} < 1e−21 there). Cell side 1/64, a few cells per wall
 * width; float64, once per target (memoised). Without the wall, Z_c would be the box's Z of
 * energy-density.ts; the wall adds the mass that spills past the box edge (U2: 1.6 %).
 */
import { ENERGY_BOX, confinedEnergy, type EnergyName } from './energy';

/** How far past the box the quadrature reaches. */
const QUADRATURE_MARGIN = 0.5;
/** Cells per unit length (cell side 1/64, as energy-density.ts). */
const CELLS_PER_UNIT = 64;

export interface EnergyNormaliser {
  name: EnergyName;
  /** log Z_c, nats. */
  logNormaliser: number;
  /** The quadrature grid covers [−half, half]² with cells × cells midpoints. */
  half: number;
  cells: number;
  /** "log Z = 2.08 by quadrature (midpoint rule) on a 576×576 grid over [−4.5, 4.5]², …". */
  description: string;
}

const cache = new Map<EnergyName, EnergyNormaliser>();

/** log ∫ e^{−f} over [−half, half]² by the midpoint rule on cells × cells (log-sum-exp, float64). */
export function logIntegralOfExpNeg(
  f: (z1: number, z2: number) => number,
  half: number,
  cells: number,
): number {
  const h = (2 * half) / cells;
  const values = new Float64Array(cells * cells);
  let max = Number.NEGATIVE_INFINITY;
  for (let row = 0; row < cells; row++) {
    const z2 = -half + (row + 0.5) * h;
    for (let col = 0; col < cells; col++) {
      const v = -f(-half + (col + 0.5) * h, z2);
      values[row * cells + col] = v;
      if (v > max) max = v;
    }
  }
  let sum = 0;
  for (const v of values) sum += Math.exp(v - max);
  return max + Math.log(sum * h * h);
}

/** The memoised log Z_c of an energy target's confined energy, with how it was computed. */
export function confinedLogNormaliser(name: EnergyName): EnergyNormaliser {
  const cached = cache.get(name);
  if (cached) return cached;
  const half = ENERGY_BOX + QUADRATURE_MARGIN;
  const cells = Math.round(2 * half * CELLS_PER_UNIT);
  const logNormaliser = logIntegralOfExpNeg((z1, z2) => confinedEnergy(name, z1, z2), half, cells);
  const result: EnergyNormaliser = {
    name,
    logNormaliser,
    half,
    cells,
    description:
      `log Z = ${logNormaliser.toFixed(3)} by quadrature (midpoint rule, float64) on a ${cells}×${cells} grid ` +
      `over [−${half}, ${half}]²: the box [−${ENERGY_BOX}, ${ENERGY_BOX}]² and the wall that keeps training inside it`,
  };
  cache.set(name, result);
  return result;
}
