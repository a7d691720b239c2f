/**
 * The energy targets U1–U4 of Rezende & Mohamed (2015), p*(z) ∝ e^{−U(z)}, z ∈ ℝ²:
 *
 *   w₁ = sin(2πz₁/4),  w₂ = 3·exp(−½((z₁−1)/0.6)²),  w₃ = 3·σ((z₁−1)/0.3)
 *   U1 = ½((‖z‖−2)/0.4)² − ln(e^{−½((z₁−2)/0.6)²} + e^{−½((z₁+2)/0.6)²})
 *   U2 = ½((z₂−w₁)/0.4)²
 *   U3 = −ln(e^{−½((z₂−w₁)/0.35)²} + e^{−½((z₂−w₁+w₂)/0.35)²})
 *   U4 = −ln(e^{−½((z₂−w₁)/0.4)²} + e^{−½((z₂−w₁+w₃)/0.35)²})
 *
 * U2–U4 put no bound on z₁, so e^{−U} does not normalise over the plane; as in the compute
 * side (energy-tf.ts), the targets are defined on the box [−ENERGY_BOX, ENERGY_BOX]².
 */

export const ENERGY_TARGETS = ['u1', 'u2', 'u3', 'u4'] as const;
export type EnergyName = (typeof ENERGY_TARGETS)[number];

/** Half-width of the box [−4, 4]² on which the energy targets are defined and normalised. */
export const ENERGY_BOX = 4;

/**
 * Width s of the wall that keeps reverse-KL training inside the box: the trained target is
 * e^{−U_c}, U_c(z) = U(z) + Σ_j ½(max(0, |z_j| − ENERGY_BOX)/s)² (compute/flow/energy-tf.ts).
 */
export const ENERGY_WALL_WIDTH = 0.05;

export const ENERGY_INFO: Readonly<Record<EnergyName, { label: string; description: string }>> = {
  u1: {
    label: 'U1: ring',
    description: 'A ring of radius 2 with two heavier ends on the z₁ axis.',
  },
  u2: {
    label: 'U2: wave',
    description: 'A thin sine wave z₂ ≈ sin(πz₁/2) across the box.',
  },
  u3: {
    label: 'U3: split wave',
    description: 'The sine wave plus a second branch that dips away from it near z₁ = 1.',
  },
  u4: {
    label: 'U4: stepped wave',
    description: 'The sine wave plus a second branch shifted down by a smooth step at z₁ = 1.',
  },
};

const halfSquare = (t: number, scale: number): number => 0.5 * (t / scale) ** 2;

/** −ln(e^{−a} + e^{−b}), computed without underflow. */
function negLogAddExpNeg(a: number, b: number): number {
  return Math.min(a, b) - Math.log1p(Math.exp(-Math.abs(a - b)));
}

/** True iff name is one of ENERGY_TARGETS. */
export function isEnergyName(name: string): name is EnergyName {
  return (ENERGY_TARGETS as readonly string[]).includes(name);
}

/** The unnormalised energy U(z₁, z₂) (no box restriction). */
export function energy(name: EnergyName, z1: number, z2: number): number {
  const w1 = Math.sin((2 * Math.PI * z1) / 4);
  switch (name) {
    case 'u1': {
      const ring = halfSquare(Math.hypot(z1, z2) - 2, 0.4);
      return ring + negLogAddExpNeg(halfSquare(z1 - 2, 0.6), halfSquare(z1 + 2, 0.6));
    }
    case 'u2':
      return halfSquare(z2 - w1, 0.4);
    case 'u3': {
      const w2 = 3 * Math.exp(-halfSquare(z1 - 1, 0.6));
      return negLogAddExpNeg(halfSquare(z2 - w1, 0.35), halfSquare(z2 - w1 + w2, 0.35));
    }
    case 'u4': {
      const w3 = 3 / (1 + Math.exp(-(z1 - 1) / 0.3));
      return negLogAddExpNeg(halfSquare(z2 - w1, 0.4), halfSquare(z2 - w1 + w3, 0.35));
    }
    default:
      throw new Error(`Unknown energy target "${String(name)}"`);
  }
}

/** The wall ½(max(0, |t| − box)/s)² of one coordinate (0 inside the box). */
function wall(t: number): number {
  const outside = Math.max(0, Math.abs(t) - ENERGY_BOX);
  return halfSquare(outside, ENERGY_WALL_WIDTH);
}

/** U_c = U plus the box wall: the energy that reverse-KL training actually targets. */
export function confinedEnergy(name: EnergyName, z1: number, z2: number): number {
  return energy(name, z1, z2) + wall(z1) + wall(z2);
}
