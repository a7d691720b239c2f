/**
 * The typed RPC surface of the compute worker (exposed with comlink by `worker.ts`).
 *
 * The page imports this file with `import type` only. Every method returns plain,
 * structured-clone-friendly data (numbers, strings, typed arrays). To add methods: declare
 * them in an interface here (or in a file next to their implementation), extend
 * `ComputeApi` with it, and add the implementation object in `worker.ts`.
 */
import type { BackendReport } from './backend';
import type { MemoryInfo, SelfCheckResult } from './self-check';
import type { LabApi } from './lab/protocol';
import type { ConvApi } from './conv/protocol';
import type { StepsApi } from './steps/protocol';

export type { BackendName, BackendReport, SkippedBackend } from './backend';
export type { MemoryInfo, SelfCheckResult } from './self-check';

export interface InitOptions {
  /** The raw `?backend=` value from the address (webgpu, webgl, wasm, cpu, auto), if any. */
  requestedBackend?: string | null;
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
  /** Live tensors and bytes held by tfjs in the worker. */
  memory(): Promise<MemoryInfo>;
}

export type ComputeApi = DiagnosticsApi & LabApi & StepsApi & ConvApi;

export type * from './lab/protocol';
export type * from './conv/protocol';
export type * from './steps/protocol';
