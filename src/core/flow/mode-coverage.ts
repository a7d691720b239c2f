/**
 * How many of the teacher's modes the student covers: the on-screen measure of mode dropping
 * under the mode-seeking KL(student ‖ teacher).
 *
 * Definitions (r: the neighbourhood radius of the data set, f: the coverage fraction):
 * - A **teacher mode** is a cell of the teacher's log-density grid that is the largest within
 *   distance r of itself (ties: the first in row-major order) and whose density is at least
 *   `minRelativeDensity` times the grid's largest.
 * - The **neighbourhood** of mode k is the set of points within r of it that are nearer to it
 *   than to any other mode (so neighbourhoods never overlap).
 * - The teacher's mass there, M_k = Σ_cells p_t(c)·ΔA over the cells in the neighbourhood
 *   (midpoint rule on the grid), and the student's share there, S_k = (# student samples in the
 *   neighbourhood) / n.
 * - Mode k is **covered** when S_k ≥ f·M_k: the student puts at least the fraction f of the
 *   mass the teacher puts there. A dropped mode has S_k ≈ 0.
 *
 * Only data sets with isolated modes get a radius (`MODE_NEIGHBOURHOODS`): on a ridge (moons,
 * spirals) grid maxima are arbitrary points along it, not modes.
 */
import type { GridSpec } from '../types';

export interface ModeCoverageOptions {
  /** Neighbourhood radius r in data units. */
  radius: number;
  /** A mode's density must be at least this fraction of the grid's largest. */
  minRelativeDensity: number;
  /** f: the fraction of the teacher's mass near a mode the student must put there. */
  fraction: number;
}

export interface ModeCoverage {
  /** Mode centres [K·2] (cell centres). */
  centres: Float64Array;
  /** M_k: the teacher's mass in each neighbourhood. */
  teacherMass: Float64Array;
  /** S_k: the student's share of samples in each neighbourhood. */
  studentShare: Float64Array;
  /** 1 where S_k ≥ f·M_k, else 0. */
  covered: Uint8Array;
  /** Σ covered. */
  coveredCount: number;
}

/** Neighbourhood radius and thresholds per data set with isolated modes (data units). */
export const MODE_NEIGHBOURHOODS: Readonly<Record<string, ModeCoverageOptions>> = {
  // Eight modes of σ ≈ 0.354 on a circle of radius 2.83: neighbours are 2.17 apart, so r = 1
  // (≈ 2.8σ, 98 % of a mode's mass) keeps every neighbourhood to one mode.
  '8gaussians': { radius: 1, minRelativeDensity: 0.1, fraction: 0.25 },
};

const cellCentre = (g: GridSpec, index: number): [number, number] => {
  const row = Math.floor(index / g.nx);
  const col = index - row * g.nx;
  return [g.x0 + ((col + 0.5) * (g.x1 - g.x0)) / g.nx, g.y0 + ((row + 0.5) * (g.y1 - g.y0)) / g.ny];
};

/** Teacher modes on a log-density grid [ny·nx] (row 0 at y0), as centres [K·2]. */
export function findModes(logDensity: ArrayLike<number>, grid: GridSpec, radius: number, minRelativeDensity: number): Float64Array {
  const { nx, ny } = grid;
  const dx = (grid.x1 - grid.x0) / nx;
  const dy = (grid.y1 - grid.y0) / ny;
  const rx = Math.floor(radius / dx);
  const ry = Math.floor(radius / dy);
  let top = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < nx * ny; k++) if (logDensity[k] > top) top = logDensity[k];
  const floor = top + Math.log(minRelativeDensity);
  const centres: number[] = [];
  for (let row = 0; row < ny; row++)
    for (let col = 0; col < nx; col++) {
      const k = row * nx + col;
      const v = logDensity[k];
      if (!(v >= floor)) continue;
      let isMax = true;
      for (let r = Math.max(0, row - ry); r <= Math.min(ny - 1, row + ry) && isMax; r++)
        for (let c = Math.max(0, col - rx); c <= Math.min(nx - 1, col + rx); c++) {
          if ((((r - row) * dy) ** 2 + ((c - col) * dx) ** 2) > radius * radius) continue;
          const j = r * nx + c;
          // Strictly larger, or equal and earlier: exactly one cell of a plateau wins.
          if (logDensity[j] > v || (logDensity[j] === v && j < k)) {
            isMax = false;
            break;
          }
        }
      if (isMax) centres.push(...cellCentre(grid, k));
    }
  return Float64Array.from(centres);
}

/** Index of the mode whose neighbourhood holds (x, y), or −1. */
export function neighbourhoodOf(x: number, y: number, centres: ArrayLike<number>, radius: number): number {
  let best = -1;
  let bestD2 = radius * radius;
  for (let k = 0; 2 * k < centres.length; k++) {
    const d2 = (x - centres[2 * k]) ** 2 + (y - centres[2 * k + 1]) ** 2;
    if (d2 <= bestD2) {
      best = k;
      bestD2 = d2;
    }
  }
  return best;
}

/**
 * Mode coverage of student samples [n·2] against the teacher's log-density grid: modes, M_k,
 * S_k and which are covered (definitions above).
 */
export function modeCoverage(
  teacherLogDensity: ArrayLike<number>,
  grid: GridSpec,
  studentSamples: ArrayLike<number>,
  options: ModeCoverageOptions,
): ModeCoverage {
  const centres = findModes(teacherLogDensity, grid, options.radius, options.minRelativeDensity);
  const K = centres.length / 2;
  const teacherMass = new Float64Array(K);
  const cellArea = ((grid.x1 - grid.x0) / grid.nx) * ((grid.y1 - grid.y0) / grid.ny);
  for (let c = 0; c < grid.nx * grid.ny; c++) {
    const [x, y] = cellCentre(grid, c);
    const k = neighbourhoodOf(x, y, centres, options.radius);
    if (k >= 0) teacherMass[k] += Math.exp(teacherLogDensity[c]) * cellArea;
  }
  const n = studentSamples.length / 2;
  const studentShare = new Float64Array(K);
  for (let j = 0; j < n; j++) {
    const k = neighbourhoodOf(studentSamples[2 * j], studentSamples[2 * j + 1], centres, options.radius);
    if (k >= 0) studentShare[k] += 1 / n;
  }
  const covered = new Uint8Array(K);
  let coveredCount = 0;
  for (let k = 0; k < K; k++) {
    covered[k] = studentShare[k] >= options.fraction * teacherMass[k] ? 1 : 0;
    coveredCount += covered[k];
  }
  return { centres, teacherMass, studentShare, covered, coveredCount };
}
