/**
 * The worker side of the discrete-data panel: one session at a time (a new key replaces and
 * disposes the old one), steps checked, and released when the panel is hidden, so a hidden
 * panel holds no tensors and does no work (the page drives every step).
 */
import { SerialQueue } from '../session/serial-queue';
import { DiscreteSession } from './discrete-session';
import { DISCRETE_MAX_STEPS, DISCRETE_MAX_STEPS_PER_CALL, type DiscreteApi } from './protocol';

export class DiscreteWorkerState {
  private session: DiscreteSession | null = null;
  /** One call at a time: a release must never dispose the models under a running evaluation. */
  private readonly queue = new SerialQueue();

  private current(key: string): DiscreteSession {
    if (!this.session || this.session.config.key !== key)
      throw new Error('this discrete-data session was replaced or released; configure it again');
    return this.session;
  }

  readonly api: DiscreteApi = {
    discreteConfigure: (config) =>
      this.queue.run(() => {
        if (!Number.isInteger(config.seed))
          throw new Error(`the seed must be an integer, got ${config.seed}`);
        if (!this.session || this.session.config.key !== config.key) {
          this.session?.dispose();
          this.session = null;
          this.session = new DiscreteSession(config);
        }
        return this.session.info;
      }),
    discreteTrain: (key, steps) =>
      this.queue.run(() => {
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
      this.queue.run(() => {
        if (this.session && this.session.config.key === key) {
          this.session.dispose();
          this.session = null;
        }
      }),
  };
}

/** The worker's DiscreteApi implementation (spread into the worker's API object). */
export const discreteApi: DiscreteApi = new DiscreteWorkerState().api;
