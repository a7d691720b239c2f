/**
 * Warms the training step up before the first Train. A page's first distillation steps are
 * slow: V8 compiles the JavaScript of tfjs and of the WASM kernels while the step first runs
 * (Chromium, WASM, 2 cores: the first 5 s after Train from scratch gave 7–21 steps on a cold
 * page against 88 after a first run, and in the first 8 s the compiler threads used ≈ 4 s of
 * CPU; docs/performance.md). So while the panel idles on the pretrained student, the session
 * runs WARM_UP_STEPS steps of a throwaway student in short slices through its queue: its own
 * weights, optimiser and noise (seeded apart), the session's teacher weights and schedule. The
 * session's student, its optimiser and its random streams are untouched, so the training that
 * Train starts is the same, step for step; only the compiled code is ready.
 */
import type { FlowWeights } from '../../core/flow/config';
import { initStudentWeights, type DistillPhase } from '../../core/flow/distill-schedule';
import { Distiller, type DistillerOptions } from './distiller';
import { yieldToMessages } from '../session/yield';

/** Steps of the throwaway student (the cold page's step time had settled by then). */
export const WARM_UP_STEPS = 100;

/** Seed offset of the throwaway student (weights, noise): apart from the seeds the session uses. */
const WARM_UP_SEED = 7919;

export interface WarmUpPlan {
  teacher: FlowWeights;
  phases: readonly DistillPhase[];
  options: DistillerOptions;
  /** Wall ms per slice (the session's training slice). */
  sliceMs: number;
  /** Steps in all (default WARM_UP_STEPS). */
  steps?: number;
}

type Command = (task: () => void) => Promise<void>;

export class TrainingWarmUp {
  private distiller: Distiller | null = null;
  private ended = false;
  /** Steps run so far. */
  steps = 0;
  private readonly target: number;
  /** Resolves with the steps run once the warm-up has ended (done or cancelled). */
  readonly finished: Promise<number>;

  /** Starts at once: each slice is a `command` (the session's queue). */
  constructor(plan: WarmUpPlan, command: Command) {
    this.target = plan.steps ?? WARM_UP_STEPS;
    this.finished = this.run(plan, command);
  }

  /** Whether it still runs (neither done nor cancelled). */
  get running(): boolean {
    return !this.ended;
  }

  /**
   * Ends the warm-up and frees its models now. Slices are synchronous, so between two of them
   * (where any other command runs) nothing of the warm-up is in flight.
   */
  cancel(): void {
    this.ended = true;
    this.distiller?.dispose();
    this.distiller = null;
  }

  private async run(plan: WarmUpPlan, command: Command): Promise<number> {
    const { target } = this;
    try {
      while (!this.ended) {
        await command(() => {
          if (this.ended) return;
          const seed = plan.options.seed + WARM_UP_SEED;
          const student = () => initStudentWeights(plan.teacher.config, seed);
          const d = (this.distiller ??= new Distiller(plan.teacher, student(), plan.phases, { ...plan.options, seed }));
          const t0 = performance.now();
          while (this.steps < target && performance.now() - t0 < plan.sliceMs) {
            d.step();
            this.steps++;
          }
          if (this.steps >= target) this.cancel();
        });
        await yieldToMessages();
      }
    } catch {
      // A warm-up that fails (a lost device) only ends early: the session's models are apart.
      this.cancel();
    }
    return this.steps;
  }
}
