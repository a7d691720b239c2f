/**
 * Mode coverage (core/flow/mode-coverage.ts) against the exact 8gaussians mixture and the
 * committed MAF teacher: the modes found are the mixture's centres, the teacher's mass per
 * neighbourhood matches the Gaussian's closed form, and the count drops exactly when a
 * student's samples leave modes out.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findModes, modeCoverage, MODE_NEIGHBOURHOODS, neighbourhoodOf } from '../../../../src/core/flow/mode-coverage';
import { parseModelText } from '../../../../src/core/flow/model-file';
import { ReferenceFlow } from '../../../../src/core/flow/reference-flow';
import { createRng } from '../../../../src/core/rng';
import {
  EIGHT_GAUSSIANS_CENTRES,
  EIGHT_GAUSSIANS_SIGMA,
  eightGaussiansLogDensity,
  sampleEightGaussians,
} from '../../../../src/core/toy/eight-gaussians';
import type { GridSpec } from '../../../../src/core/types';

const OPTIONS = MODE_NEIGHBOURHOODS['8gaussians'];

function logDensityGrid(grid: GridSpec, logp: (x: number, y: number) => number): Float64Array {
  const out = new Float64Array(grid.nx * grid.ny);
  for (let r = 0; r < grid.ny; r++)
    for (let c = 0; c < grid.nx; c++) {
      const x = grid.x0 + ((c + 0.5) * (grid.x1 - grid.x0)) / grid.nx;
      const y = grid.y0 + ((r + 0.5) * (grid.y1 - grid.y0)) / grid.ny;
      out[r * grid.nx + c] = logp(x, y);
    }
  return out;
}

/** Each found centre's distance to the nearest true centre; every true centre matched once. */
function matchCentres(found: Float64Array): number[] {
  const used = new Set<number>();
  const distances: number[] = [];
  for (let k = 0; 2 * k < found.length; k++) {
    const t = neighbourhoodOf(found[2 * k], found[2 * k + 1], EIGHT_GAUSSIANS_CENTRES, 10);
    used.add(t);
    distances.push(Math.hypot(found[2 * k] - EIGHT_GAUSSIANS_CENTRES[2 * t], found[2 * k + 1] - EIGHT_GAUSSIANS_CENTRES[2 * t + 1]));
  }
  expect(used.size).toBe(found.length / 2);
  return distances;
}

const GRID: GridSpec = { x0: -4, x1: 4, y0: -4, y1: 4, nx: 128, ny: 128 };
const exact = logDensityGrid(GRID, eightGaussiansLogDensity);
const cellDiagonal = Math.hypot(8 / 128, 8 / 128);

/** n samples of 8gaussians keeping only the components in `keep` (by nearest centre). */
function samplesOf(keep: number[], n: number): Float64Array {
  const all = sampleEightGaussians(4 * n, createRng(3)).data;
  const out: number[] = [];
  for (let j = 0; j < all.length / 2 && out.length < 2 * n; j++) {
    const k = neighbourhoodOf(all[2 * j], all[2 * j + 1], EIGHT_GAUSSIANS_CENTRES, 10);
    if (keep.includes(k)) out.push(all[2 * j], all[2 * j + 1]);
  }
  return Float64Array.from(out);
}

describe('teacher modes and the student’s coverage of them', () => {
  it('finds the eight centres of the exact mixture, each holding the Gaussian’s mass within r', () => {
    const cov = modeCoverage(exact, GRID, samplesOf([0, 1, 2, 3, 4, 5, 6, 7], 4000), OPTIONS);
    expect(cov.centres.length).toBe(16);
    for (const d of matchCentres(cov.centres)) expect(d).toBeLessThanOrEqual(cellDiagonal);
    // A 2-D Gaussian holds 1 − exp(−r²/2σ²) of its mass within r; each component weighs 1/8.
    const expected = (1 - Math.exp(-(OPTIONS.radius ** 2) / (2 * EIGHT_GAUSSIANS_SIGMA ** 2))) / 8;
    for (const m of cov.teacherMass) expect(m).toBeCloseTo(expected, 2);
    expect(cov.coveredCount).toBe(8);
    for (const s of cov.studentShare) expect(Math.abs(s - 1 / 8)).toBeLessThan(0.03);
  });

  it('counts exactly the modes a student keeps when it drops some', () => {
    const keep = [0, 2, 3, 5, 6];
    const cov = modeCoverage(exact, GRID, samplesOf(keep, 2000), OPTIONS);
    expect(cov.coveredCount).toBe(keep.length);
    for (let k = 0; k < 8; k++) {
      const t = neighbourhoodOf(cov.centres[2 * k], cov.centres[2 * k + 1], EIGHT_GAUSSIANS_CENTRES, 10);
      expect(cov.covered[k]).toBe(keep.includes(t) ? 1 : 0);
    }
  });

  it('counts no mode for samples that all sit between the modes', () => {
    const between = Float64Array.from({ length: 2000 }, () => 0); // all at the origin
    expect(modeCoverage(exact, GRID, between, OPTIONS).coveredCount).toBe(0);
  });

  it('needs the fraction f of the teacher’s mass: a thin share does not count', () => {
    const main = samplesOf([0, 1, 2, 3, 4, 5, 6], 1000);
    const thin = samplesOf([7], 10); // 10 of 1010 samples: 1 % against the teacher's 12 %
    const cov = modeCoverage(exact, GRID, Float64Array.from([...main, ...thin]), OPTIONS);
    expect(cov.coveredCount).toBe(7);
  });

  it('gives one mode for a plateau (ties go to the first cell) and none below the floor', () => {
    const flat = new Float64Array(16 * 16).fill(-2);
    const small: GridSpec = { x0: 0, x1: 1, y0: 0, y1: 1, nx: 16, ny: 16 };
    expect(findModes(flat, small, 2, 0.1).length).toBe(2);
    const lowBump = logDensityGrid(small, (x, y) => (Math.hypot(x - 0.2, y - 0.2) < 0.05 ? 0 : Math.hypot(x - 0.8, y - 0.8) < 0.05 ? -5 : -50));
    expect(findModes(lowBump, small, 0.3, 0.1).length).toBe(2); // the e^−5 bump is under 10 % of the top
  });

  it('finds the eight modes in the committed MAF teacher’s density (float64 reference)', () => {
    const teacher = parseModelText(readFileSync('public/presets/8gaussians-maf.json', 'utf8'));
    const flow = new ReferenceFlow(teacher.weights, 'maf');
    const grid: GridSpec = { ...GRID, nx: 64, ny: 64 };
    const modes = findModes(logDensityGrid(grid, (x, y) => flow.logProb([x, y])), grid, OPTIONS.radius, OPTIONS.minRelativeDensity);
    expect(modes.length).toBe(16);
    // Each one a different centre's, within one component σ (0.354) of it: well inside its
    // neighbourhood (r = 1), on a grid of 0.125 cells. (The 12-layer teacher's farthest: 0.331.)
    for (const d of matchCentres(modes)) expect(d).toBeLessThan(EIGHT_GAUSSIANS_SIGMA);
  });
});
