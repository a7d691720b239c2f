/**
 * The worker side of the Gaussianization panel: checks requests, keeps one RBIG stack (a new
 * key replaces it), and runs the 1-D pipeline and the copula. Nothing holds tensors between
 * calls: the fitted layers are plain arrays (marginal-spec.ts).
 */
import { copulaTf } from './copula-tf';
import { gaussianize1DTf } from './pipeline-1d-tf';
import {
  GAUSS_MAX_GRID,
  GAUSS_MAX_ITERATIONS,
  GAUSS_MAX_POINTS,
  type GaussianizeApi,
  type GridRequest,
} from './protocol';
import { RbigSession } from './rbig-session';

function checkPoints(values: ArrayLike<number> | undefined, per: number, what: string): void {
  const count = values ? values.length / per : 0;
  if (!values || !Number.isInteger(count) || count < 10 || count > GAUSS_MAX_POINTS)
    throw new Error(`${what} must hold 10 to ${GAUSS_MAX_POINTS} points`);
  for (let i = 0; i < values.length; i++)
    if (!Number.isFinite(values[i])) throw new Error(`${what} has a non-finite value at ${i}`);
}

function checkGrid(grid: GridRequest): void {
  const sideOk = (s: number) => Number.isInteger(s) && s >= 2 && s <= GAUSS_MAX_GRID;
  if (!sideOk(grid.nx) || !sideOk(grid.ny) || !(grid.x1 > grid.x0) || !(grid.y1 > grid.y0))
    throw new Error(`the grid must be 2…${GAUSS_MAX_GRID} cells a side over a non-empty box`);
}

function checkIteration(k: number): void {
  if (!Number.isInteger(k) || k < 0 || k > GAUSS_MAX_ITERATIONS)
    throw new Error(`the iteration must be an integer 0…${GAUSS_MAX_ITERATIONS}`);
}

/** The worker's Gaussianization state and methods. */
export class GaussianizeSession {
  private rbig: RbigSession | null = null;

  private session(key: string): RbigSession {
    if (!this.rbig || this.rbig.config.key !== key)
      throw new Error('this Gaussianization stack was replaced; configure it again');
    return this.rbig;
  }

  readonly api: GaussianizeApi = {
    gauss1D: async (request) => {
      checkPoints(request.values, 1, 'the 1-D sample');
      return gaussianize1DTf(request);
    },
    gaussConfigure: async (config) => {
      if (!this.rbig || this.rbig.config.key !== config.key) {
        checkPoints(config.points, 2, 'the training points');
        checkPoints(config.heldOut, 2, 'the held-out points');
        this.rbig = new RbigSession(config);
      }
      return this.rbig.iteration(0);
    },
    gaussIteration: async (key, k) => {
      checkIteration(k);
      return this.session(key).iteration(k);
    },
    gaussSamples: async (key, k, n, seed) => {
      checkIteration(k);
      if (!Number.isInteger(n) || n < 1 || n > GAUSS_MAX_POINTS)
        throw new Error(`the sample count must be 1…${GAUSS_MAX_POINTS}`);
      return this.session(key).samples(k, n, seed);
    },
    gaussDensity: async (key, k, grid) => {
      checkIteration(k);
      checkGrid(grid);
      return this.session(key).density(k, grid);
    },
    gaussCopula: async (request) => {
      checkPoints(request.points, 2, 'the training points');
      checkPoints(request.heldOut, 2, 'the held-out points');
      checkGrid(request.grid);
      if (
        !Number.isInteger(request.sampleCount) ||
        request.sampleCount < 1 ||
        request.sampleCount > GAUSS_MAX_POINTS
      )
        throw new Error(`the sample count must be 1…${GAUSS_MAX_POINTS}`);
      return copulaTf(request);
    },
  };
}

/** The worker's GaussianizeApi implementation (spread into the worker's API object). */
export const gaussianizeApi: GaussianizeApi = new GaussianizeSession().api;
