/**
 * The page side of a panel's worker session, one shape for every panel:
 *   attach(client)  the app hands over the worker's client once it is ready (null: gone, or a
 *                   worker restart is under way); every attach starts a new run.
 *   setShown(b)     the panel is shown or left. While it is not, `setParams` only marks the
 *                   controller dirty; on return the last params are applied once.
 *   beginRun()      a run counter instead of flags: each command that replaces the work in
 *                   flight (a new measurement, a new configuration, a cancel) takes the next
 *                   run, and a reply checks `isCurrent(run)` before it is shown, so a stale
 *                   run's results are dropped.
 * React-free: a panel reads it through a hook (panels/use-panel-controller.ts).
 */
type Listener = () => void;

export class PanelController<Api, P = never> {
  private client: Api | null = null;
  private run = 0;
  private shownNow = false;
  private dirty = false;
  private params: P | null = null;
  private readonly listeners = new Set<Listener>();

  /**
   * @param apply Applies params to the worker session (shown panels only); it receives the
   *   client and the run its commands belong to.
   * @param ownerTakesRuns When true, neither an apply nor leaving the panel starts a run: the
   *   apply joins the run in flight (`latestRun`) and the owner takes runs itself. The density
   *   lab: an apply may only tune the running training, and leaving pauses it (a run of its own).
   */
  constructor(
    private readonly apply: ((client: Api, params: P, run: number) => void) | null = null,
    private readonly ownerTakesRuns = false,
  ) {}

  /** The worker client, or null while the worker starts. */
  get current(): Api | null {
    return this.client;
  }

  get shown(): boolean {
    return this.shownNow;
  }

  /** Connects (or, with null, disconnects) the panel to a worker client; in-flight runs go stale. */
  attach(client: Api | null): void {
    if (client === this.client) return;
    this.client = client;
    this.run++;
    if (client && this.shownNow && this.params !== null) this.applyNow(this.params);
    this.emit();
  }

  /** The panel was shown or left; changes made while it was away are applied on return. */
  setShown(shown: boolean): void {
    if (shown === this.shownNow) return;
    this.shownNow = shown;
    if (!shown) {
      // Replies to the run of a panel that was left are not shown (the lab pauses itself instead).
      if (!this.ownerTakesRuns) this.run++;
    } else if (this.dirty && this.params !== null) {
      this.applyNow(this.params);
    }
    this.emit();
  }

  /** New params: applied now while shown and attached, else remembered and marked dirty. */
  setParams(params: P): void {
    this.params = params;
    if (this.shownNow && this.client) this.applyNow(params);
    else this.dirty = true;
  }

  /** True when params changed while the panel was hidden (or before the worker was there). */
  get isDirty(): boolean {
    return this.dirty;
  }

  private applyNow(params: P): void {
    this.dirty = false;
    const client = this.client;
    if (client && this.apply) this.apply(client, params, this.ownerTakesRuns ? this.run : this.beginRun());
  }

  /** Starts a new run: every earlier run is stale from now on. */
  beginRun(): number {
    return ++this.run;
  }

  /** The latest run (a command that joins the work in flight rather than replacing it). */
  get latestRun(): number {
    return this.run;
  }

  /** Whether `run` is still the latest run (its replies may be shown). */
  isCurrent(run: number): boolean {
    return run === this.run;
  }

  /** Calls `listener` when the client or the shown flag changes. Returns an unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
