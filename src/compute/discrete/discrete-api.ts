/**
 * The worker side of the discrete-data panel: one session at a time (a new key or seed
 * replaces and disposes the old one: DISCRETE_PARAM_TABLE), steps checked, and released when
 * the panel is hidden, so a hidden panel holds no tensors and does no work (the page drives
 * every step, STEPS_PER_CALL at a time). Every call runs through the session RunLoop
 * (compute/session/run-loop.ts): a release never disposes the models under an evaluation.
 * A lost GPU moves the models, as of their last frame, to the new backend (device-loss.ts).
 */
import { onBackendReplaced } from '../device-loss';
import { RunLoop } from '../session/run-loop';
import { paramChanges, type TableFor } from '../../core/session/param-table';
import { DISCRETE_PARAM_TABLE } from '../../core/session/session-params';
import { DiscreteSession } from './discrete-session';
import { DISCRETE_MAX_STEPS, DISCRETE_MAX_STEPS_PER_CALL, type DiscreteApi, type DiscreteConfig } from './protocol';

/** The session's params (bound here: the table must name exactly DiscreteConfig's, less its key). */
const PARAM_TABLE: TableFor<Omit<DiscreteConfig, 'key'>, typeof DISCRETE_PARAM_TABLE> = DISCRETE_PARAM_TABLE;

export class DiscreteWorkerState {
  private session: DiscreteSession | null = null;
  private readonly runner = new RunLoop('discrete');

  /** Moves the session's models to the backend now active (after a lost GPU). */
  moveToCurrentBackend(): Promise<void> {
    return this.runner.command(async () => {
      await this.session?.moveToCurrentBackend();
    });
  }

  private current(key: string): DiscreteSession {
    if (!this.session || this.session.config.key !== key)
      throw new Error('this discrete-data session was replaced or released; configure it again');
    return this.session;
  }

  readonly api: DiscreteApi = {
    discreteConfigure: (config) =>
      this.runner.command(() => {
        if (!Number.isInteger(config.seed))
          throw new Error(`the seed must be an integer, got ${config.seed}`);
        const current = this.session;
        if (current && current.config.key === config.key && paramChanges(PARAM_TABLE, current.config, config).rebuild.length === 0)
          return current.info;
        current?.dispose();
        this.session = null;
        this.session = new DiscreteSession(config);
        return this.session.info;
      }),
    discreteTrain: (key, steps) =>
      this.runner.command(() => {
        if (!Number.isInteger(steps) || steps < 0 || steps > DISCRETE_MAX_STEPS_PER_CALL)
          throw new Error(
            `steps must be an integer 0…${DISCRETE_MAX_STEPS_PER_CALL}, got ${steps}`,
          );
        const session = this.current(key);
        const start = performance.now();
        session.train(Math.min(steps, Math.max(0, DISCRETE_MAX_STEPS - session.step)));
        return session.frame(start);
      }),
    discreteRelease: (key) =>
      this.runner.command(() => {
        if (this.session && this.session.config.key === key) {
          this.session.dispose();
          this.session = null;
        }
      }),
  };
}

/** The worker's DiscreteApi implementation (spread into the worker's API object). */
const state = new DiscreteWorkerState();
onBackendReplaced(() => state.moveToCurrentBackend());

export const discreteApi: DiscreteApi = state.api;
