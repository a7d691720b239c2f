/**
 * The worker side of the Gaussianization panel: checks requests, keeps one RBIG stack (a new
 * key or a changed param replaces it: GAUSSIANIZE_PARAM_TABLE), and runs the 1-D pipeline and
 * the copula. Every call runs through the session RunLoop (compute/session/run-loop.ts), one
 * at a time in call order. Nothing holds tensors between calls: the fitted layers are plain
 * arrays (marginal-spec.ts), so a lost GPU needs no recovery.
 */
import { copulaTf } from './copula-tf';
import { gaussianize1DTf } from './pipeline-1d-tf';
import {
  GAUSS_MAX_GRID,
  GAUSS_MAX_ITERATIONS,
  GAUSS_MAX_POINTS,
  type GaussianizeApi,
  type GridRequest,
  type CopulaRequest,
  type RbigConfig,
} from './protocol';
import { RbigSession } from './rbig-session';
import { RunLoop } from '../session/run-loop';
import { paramChanges, type TableFor } from '../../core/session/param-table';
import { GAUSSIANIZE_PARAM_TABLE } from '../../core/session/session-params';

/** The stack's params (bound here: the table must name exactly RbigConfig's, less its key). */
const PARAM_TABLE: TableFor<Omit<RbigConfig, 'key'>, typeof GAUSSIANIZE_PARAM_TABLE> = GAUSSIANIZE_PARAM_TABLE;

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
  private readonly runner = new RunLoop('gaussianize');
  private rbig: RbigSession | null = null;

  /** The stack for `config`: the current one when its key and params are the same, else a new one. */
  private stackFor(config: RbigConfig): RbigSession {
    const same =
      this.rbig !== null &&
      this.rbig.config.key === config.key &&
      paramChanges(PARAM_TABLE, this.rbig.config, config).rebuild.length === 0;
    if (!same || !this.rbig) {
      checkPoints(config.points, 2, 'the training points');
      checkPoints(config.heldOut, 2, 'the held-out points');
      this.rbig = new RbigSession(config);
    }
    return this.rbig;
  }

  private session(key: string): RbigSession {
    if (!this.rbig || this.rbig.config.key !== key)
      throw new Error('this Gaussianization stack was replaced; configure it again');
    return this.rbig;
  }

  readonly api: GaussianizeApi = {
    gauss1D: (request) =>
      this.runner.command(() => {
        checkPoints(request.values, 1, 'the 1-D sample');
        return gaussianize1DTf(request);
      }),
    gaussConfigure: (config) => this.runner.command(() => this.stackFor(config).iteration(0)),
    gaussIteration: (key, k) =>
      this.runner.command(() => {
        checkIteration(k);
        return this.session(key).iteration(k);
      }),
    gaussSamples: (key, k, n, seed) =>
      this.runner.command(() => {
        checkIteration(k);
        if (!Number.isInteger(n) || n < 1 || n > GAUSS_MAX_POINTS)
          throw new Error(`the sample count must be 1…${GAUSS_MAX_POINTS}`);
        return this.session(key).samples(k, n, seed);
      }),
    gaussDensity: (key, k, grid) =>
      this.runner.command(() => {
        checkIteration(k);
        checkGrid(grid);
        return this.session(key).density(k, grid);
      }),
    gaussCopula: (request) => this.runner.command(() => this.copula(request)),
  };

  private copula(request: CopulaRequest) {
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
  }
}

/** The worker's GaussianizeApi implementation (spread into the worker's API object). */
export const gaussianizeApi: GaussianizeApi = new GaussianizeSession().api;
