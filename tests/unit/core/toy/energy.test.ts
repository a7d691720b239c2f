import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng';
import {
  ENERGY_BOX,
  ENERGY_INFO,
  ENERGY_TARGETS,
  energy,
  isEnergyName,
} from '../../../../src/core/toy/energy';
import {
  energyEntropy,
  energyLogDensity,
  energyQuadrature,
  sampleEnergy,
} from '../../../../src/core/toy/energy-density';
import { integrateOnGrid, massOnGrid } from './grid';

const BOX = { x0: -ENERGY_BOX, x1: ENERGY_BOX, y0: -ENERGY_BOX, y1: ENERGY_BOX };

describe('energy targets U1–U4', () => {
  it('are named, labelled and reject unknown names', () => {
    expect(ENERGY_TARGETS).toEqual(['u1', 'u2', 'u3', 'u4']);
    for (const name of ENERGY_TARGETS) {
      expect(isEnergyName(name)).toBe(true);
      expect(ENERGY_INFO[name].label).toMatch(/^U\d/);
    }
    expect(isEnergyName('moons')).toBe(false);
    expect(() => energy('u9' as never, 0, 0)).toThrow(/Unknown energy/);
  });

  it('have the symmetries and limits of their formulas', () => {
    for (const [z1, z2] of [
      [0.3, 1.7],
      [-2.2, 0.4],
      [1.1, -3],
    ]) {
      // U1 depends on ‖z‖ and on z₁ through an even function
      expect(energy('u1', -z1, z2)).toBeCloseTo(energy('u1', z1, z2), 12);
      expect(energy('u1', z1, -z2)).toBeCloseTo(energy('u1', z1, z2), 12);
      // U2 is ½((z₂ − sin(πz₁/2))/0.4)²: invariant under z₁ → z₁ + 4
      expect(energy('u2', z1 + 4, z2)).toBeCloseTo(energy('u2', z1, z2), 10);
    }
    // On the ring at z = (±2, 0): U1 = −ln(1 + e^{−½(4/0.6)²})
    expect(energy('u1', 2, 0)).toBeCloseTo(-Math.log1p(Math.exp(-0.5 * (4 / 0.6) ** 2)), 12);
    expect(energy('u2', 1, 1)).toBe(0);
    // Far from z₁ = 1, w₂ → 0: U3 = ½((z₂ − w₁)/0.35)² − ln 2
    const w1 = Math.sin((2 * Math.PI * -3) / 4);
    expect(energy('u3', -3, 0.2)).toBeCloseTo(0.5 * ((0.2 - w1) / 0.35) ** 2 - Math.LN2, 6);
    // For z₁ ≪ 1, w₃ → 0: the two U4 branches coincide in their centre
    expect(energy('u4', -4, Math.sin(-2 * Math.PI))).toBeCloseTo(-Math.LN2, 5);
    // Stable far from the modes: finite, no overflow
    for (const name of ENERGY_TARGETS) expect(Number.isFinite(energy(name, 40, -40))).toBe(true);
  });
});

describe('energy normalisation by quadrature on [−4, 4]²', () => {
  it('U2: log Z = ln(8 · 0.4√(2π)) and H = ln 8 + ½ ln(2πe·0.4²) in closed form', () => {
    // z₂ − w₁ ~ N(0, 0.4²) is ≥ 7.5σ from the box edge, z₁ uniform on [−4, 4]
    expect(energyQuadrature('u2').logNormaliser).toBeCloseTo(
      Math.log(8 * 0.4 * Math.sqrt(2 * Math.PI)),
      9,
    );
    expect(energyEntropy('u2')).toBeCloseTo(
      Math.log(8) + 0.5 * Math.log(2 * Math.PI * Math.E * 0.16),
      9,
    );
  });

  it('integrate to 1 on the quadrature grid, on a coarser grid and on a larger box', () => {
    for (const name of ENERGY_TARGETS) {
      const logP = (x: number, y: number) => energyLogDensity(name, x, y);
      const table = energyQuadrature(name);
      expect(table.box).toBe(4);
      expect(table.cellsPerSide).toBeGreaterThanOrEqual(400);
      expect(massOnGrid(logP, BOX, table.cellsPerSide)).toBeCloseTo(1, 10);
      expect(Math.abs(massOnGrid(logP, BOX, 150) - 1)).toBeLessThan(0.01);
      // outside the box the density is 0
      expect(Math.abs(massOnGrid(logP, { x0: -5, x1: 5, y0: -5, y1: 5 }, 250) - 1)).toBeLessThan(
        0.01,
      );
      expect(energyLogDensity(name, 4.01, 0)).toBe(Number.NEGATIVE_INFINITY);
    }
  });

  it('report entropies equal to −∫p log p on an independent grid', () => {
    for (const name of ENERGY_TARGETS) {
      const entropy = integrateOnGrid(
        (x, y) => {
          const logP = energyLogDensity(name, x, y);
          return -Math.exp(logP) * logP;
        },
        BOX,
        200,
      );
      expect(Math.abs(energyEntropy(name) - entropy)).toBeLessThan(0.01);
      expect(energyEntropy(name)).toBeGreaterThan(2);
      expect(energyEntropy(name)).toBeLessThan(Math.log(64));
    }
  });
});

describe('sampleEnergy', () => {
  it('is reproducible and stays in the box', () => {
    const a = sampleEnergy('u3', 500, createRng(3));
    expect(Array.from(sampleEnergy('u3', 500, createRng(3)).data)).toEqual(Array.from(a.data));
    expect(a.n).toBe(500);
    expect(a.dim).toBe(2);
    expect(Math.max(...Array.from(a.data, Math.abs))).toBeLessThanOrEqual(ENERGY_BOX);
  });

  it('matches the normalised density: means, second moments and z₂-quantiles', () => {
    const n = 20_000;
    for (const name of ENERGY_TARGETS) {
      const { data } = sampleEnergy(name, n, createRng(17));
      const p = (x: number, y: number) => Math.exp(energyLogDensity(name, x, y));
      const expect1 = (f: (x: number, y: number) => number) =>
        integrateOnGrid((x, y) => f(x, y) * p(x, y), BOX, 200);
      const sampleMean = (f: (x: number, y: number) => number) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += f(data[2 * i], data[2 * i + 1]);
        return s / n;
      };
      const statistics: [(x: number, y: number) => number, number][] = [
        [(x) => x, 0.05],
        [(_, y) => y, 0.05],
        [(x) => x * x, 0.1],
        [(_, y) => y * y, 0.1],
      ];
      for (const [f, tolerance] of statistics) {
        expect(Math.abs(sampleMean(f) - expect1(f))).toBeLessThan(tolerance);
      }
      for (const threshold of [-1.5, -0.5, 0.5]) {
        const below = (_: number, y: number) => (y <= threshold ? 1 : 0);
        expect(Math.abs(sampleMean(below) - expect1(below))).toBeLessThan(0.015);
      }
    }
  });
});
