import { describe, expect, it } from 'vitest';
import {
  ENERGY_BOX,
  ENERGY_TARGETS,
  ENERGY_WALL_WIDTH,
  confinedEnergy,
  energy,
} from '../../../../src/core/toy/energy';
import { energyQuadrature } from '../../../../src/core/toy/energy-density';
import {
  confinedLogNormaliser,
  logIntegralOfExpNeg,
} from '../../../../src/core/toy/energy-normaliser';

describe('the confined energy U_c = U + box wall (what reverse-KL training targets)', () => {
  it('is U inside the box and adds ½(d/0.05)² per coordinate d outside', () => {
    for (const name of ENERGY_TARGETS) {
      expect(confinedEnergy(name, 1.3, -3.9)).toBe(energy(name, 1.3, -3.9));
      expect(confinedEnergy(name, 4.1, 0.2) - energy(name, 4.1, 0.2)).toBeCloseTo(0.5 * (0.1 / 0.05) ** 2, 10);
      expect(confinedEnergy(name, -4.2, 4.1) - energy(name, -4.2, 4.1)).toBeCloseTo(0.5 * 16 + 0.5 * 4, 10);
    }
  });
});

describe('log Z_c by quadrature', () => {
  it('integrates a Gaussian exactly: ∫ e^{−‖z‖²/2σ²} = 2πσ²', () => {
    const logZ = logIntegralOfExpNeg((a, b) => (a * a + b * b) / (2 * 0.49), 5, 400);
    expect(logZ).toBeCloseTo(Math.log(2 * Math.PI * 0.49), 9);
  });

  it('U2 in closed form: Z_c = 0.4√(2π) · (8 + 2 · 0.05√(π/2)), the box plus its two z₁ walls', () => {
    // z₂ − w₁ ~ N(0, 0.4²) for every z₁ (≥ 7.5σ from the z₂ walls); along z₁ the box adds 8 and
    // each wall ∫₀^∞ e^{−½(d/s)²} dd = s√(π/2).
    const wall = ENERGY_WALL_WIDTH * Math.sqrt(Math.PI / 2);
    const expected = Math.log(0.4 * Math.sqrt(2 * Math.PI) * (2 * ENERGY_BOX + 2 * wall));
    expect(confinedLogNormaliser('u2').logNormaliser).toBeCloseTo(expected, 7);
  });

  it('exceeds the box-only log Z by the wall mass and says how it was computed', () => {
    for (const name of ENERGY_TARGETS) {
      const confined = confinedLogNormaliser(name);
      const box = energyQuadrature(name).logNormaliser;
      expect(confined.logNormaliser).toBeGreaterThanOrEqual(box - 1e-9);
      expect(confined.logNormaliser - box).toBeLessThan(0.03);
      expect(confined.cells).toBe(576);
      expect(confined.description).toMatch(/^log Z = \d\.\d{3} by quadrature .* 576×576 grid over \[−4\.5, 4\.5\]²/);
      expect(confinedLogNormaliser(name)).toBe(confined); // memoised
    }
  });
});
