/**
 * The typed RPC surface of the compute worker (exposed with comlink by `worker.ts`).
 *
 * The page imports this file with `import type` only. Every method returns plain,
 * structured-clone-friendly data (numbers, strings, typed arrays). To add methods: declare
 * them in an interface here (or in a file next to their implementation), extend
 * `ComputeApi` with it, and add the implementation object in `worker.ts`.
 */
import type { BackendReport } from './backend';
import type { BackendTiming } from './backend-measure';
import type { MemoryInfo, SelfCheckResult } from './self-check';
import type { FusedCheckResult } from './webgpu/self-check-fused';
import type { FusedStepFigures } from './webgpu/step-figures';
import type { LabApi } from './lab/protocol';
import type { ConvApi } from './conv/protocol';
import type { StepsApi } from './steps/protocol';
import type { DistillApi } from './distill/protocol';
import type { CostApi } from './cost/protocol';
import type { GaussianizeApi } from './gaussianize/protocol';
import type { DiscreteApi } from './discrete/protocol';
import type { CompareApi } from './compare/protocol';

export type { BackendName, BackendReport, SkippedBackend } from './backend';
export type { BackendTiming, RememberedChoice } from './backend-measure';
export type { MemoryInfo, SelfCheckResult } from './self-check';
export type { FusedCheckResult } from './webgpu/self-check-fused';
export type { FusedStepFigures } from './webgpu/step-figures';

export interface InitOptions {
  /** The raw `?backend=` value from the address (webgpu, webgl, wasm, cpu, auto), if any. */
  requestedBackend?: string | null;
  /**
   * What the page stored for this device (localStorage) after an earlier measured choice: the
   * JSON of a RememberedChoice, read back as is (the worker validates it); null if none.
   */
  remembered?: string | null;
}

/** Backend set-up and diagnostics. */
export interface DiagnosticsApi {
  /** Chooses and starts the tfjs backend; call once before anything else. Idempotent. */
  init(options: InitOptions): Promise<BackendReport>;
  /**
   * Compares a small fixed computation on the active backend with the CPU backend. It
   * switches the active backend to CPU and back, so call it while nothing trains.
   */
  selfCheck(): Promise<SelfCheckResult>;
  /**
   * WebGPU only: the fused maximum-likelihood step (webgpu/) of a MAF (default) or an IAF
   * against the composed tfjs path on the CPU backend for a flow of dimension `dim` (values,
   * gradients, one Adam step). Switches backends like selfCheck, so call it while nothing trains.
   */
  selfCheckFused(dim: number, kind?: 'maf' | 'iaf'): Promise<FusedCheckResult>;
  /**
   * WebGPU only: GPU dispatches of one default-model MAF (or `kind`) training step, fused and composed
   * (`composedStep: false` skips the composed step, whose kernels take long to compile), and
   * (steps > 0) the mean ms per step of each over `steps` steps (bench, not tests).
   */
  fusedStepFigures(steps: number, options?: { composedStep?: boolean; kind?: 'maf' | 'iaf' }): Promise<FusedStepFigures>;
  /** Live tensors and bytes held by tfjs in the worker. */
  memory(): Promise<MemoryInfo>;
  /**
   * Raises an uncaught error in the worker on its next task, as a crash would (browser tests
   * of the page's restart path call it; the page then replaces the worker).
   */
  crashForTesting(message: string): Promise<void>;
  /**
   * `onChange` (a comlink proxy) receives the new report when the backend is replaced at run
   * time (a lost WebGPU device); the report's notice says what happened.
   */
  watchBackend(onChange: (report: BackendReport) => void): Promise<void>;
  /**
   * Times the default model's training step on each usable backend, about `budgetMs` in all.
   * For a second, short-lived worker: it switches its own backend as it goes.
   */
  measureBackends(budgetMs: number): Promise<BackendTiming[]>;
  /**
   * Moves to the fastest of `timings` unless `?backend=` forced a backend; the report's
   * `measurement` says what was measured (the page stores {backend: active, text: measurement}).
   */
  adoptMeasuredBackend(timings: BackendTiming[]): Promise<BackendReport>;
  /** Destroys the WebGPU device, as a driver reset would (for the recovery test). False when not on WebGPU. */
  loseDeviceForTesting(): Promise<boolean>;
  /** Commands and training slices each session has run (compute/session/work-counter.ts). */
  sessionWork(): Promise<Record<string, number>>;
  /** Answers at once unless the worker is busy: the page's heartbeat (app/heartbeat.ts). */
  ping(): Promise<boolean>;
  /** Busy-loops for `ms` (≤ 120 s), as a hung computation would (for the heartbeat's browser test). */
  hangForTesting(ms: number): Promise<void>;
}

export type ComputeApi = DiagnosticsApi & LabApi & StepsApi & ConvApi & DistillApi & CostApi & GaussianizeApi & DiscreteApi & CompareApi;

export type * from './lab/protocol';
export type * from './conv/protocol';
export type * from './steps/protocol';
export type * from './distill/protocol';
export type * from './cost/protocol';
export type * from './gaussianize/protocol';
export type * from './discrete/protocol';
export type * from './compare/protocol';
