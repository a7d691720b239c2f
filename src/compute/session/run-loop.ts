/**
 * The worker side of every training session: a serial queue that runs each command (and each
 * training slice) one at a time, and a run counter that ends a training loop for good.
 *
 * Why both: comlink delivers a call while an earlier one awaits a read-back (WebGL/WebGPU), so
 * without the queue a `configure` could dispose the model's tensors under a running slice.
 * With it, a command waits for the current slice; `stop()` bumps the run counter, so the
 * loop that was running sees it is stale before its next slice and ends, and a later
 * `loop()` starts a new run that the old one cannot be confused with.
 */
import { SerialQueue } from './serial-queue';
import { countWork } from './work-counter';
import { yieldToMessages } from './yield';

export class RunLoop {
  private readonly queue = new SerialQueue();
  private run = 0;
  private active = false;

  /** @param name the session's name in the worker's work counters (see work-counter.ts). */
  constructor(private readonly name: string) {}

  /** True while a loop runs (between `loop()` and `stop()`). */
  get training(): boolean {
    return this.active;
  }

  /** Runs a command after every queued command and slice before it. */
  command<T>(task: () => Promise<T> | T): Promise<T> {
    return this.queue.run(() => {
      countWork(this.name);
      return task();
    });
  }

  /**
   * Starts a one-off run for a long command (a measurement): ends the running loop or the
   * previous run, and returns a check that stays true until the next `stop()`, `claim()` or
   * `loop()`. The command checks it between its parts and drops its results once stale.
   */
  claim(): () => boolean {
    this.active = false;
    const run = ++this.run;
    return () => run === this.run;
  }

  /** Ends the running loop (if any) before its next slice. Safe inside a queued command. */
  stop(): void {
    this.active = false;
    this.run++;
  }

  /**
   * Runs `slice` through the queue, again and again, until `stop()` (or until a slice calls
   * it). Resolves when the loop ends; a second call while one runs does nothing.
   */
  async loop(slice: () => Promise<void>): Promise<void> {
    if (this.active) return;
    this.active = true;
    const run = ++this.run;
    const live = () => this.active && run === this.run;
    while (live()) {
      await this.queue.run(async () => {
        if (!live()) return;
        countWork(this.name);
        await slice();
      });
      await yieldToMessages();
    }
  }
}
