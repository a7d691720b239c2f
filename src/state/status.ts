/** Run status of the compute worker, as the status bar shows it. */
import { create } from 'zustand';
import type { BackendReport } from '../compute/api';

export type ComputeStatus =
  | { phase: 'starting' }
  | { phase: 'ready'; report: BackendReport }
  | { phase: 'failed'; error: string };

interface StatusStore {
  compute: ComputeStatus;
  /** An error the worker raised that could not be recovered from (shown until the page reloads). */
  workerError: string | null;
  /** How many times the worker was replaced after a failure; clients reattach when it changes. */
  restarts: number;
  /** Why the worker was last restarted, until the notice is dismissed. */
  restartNotice: string | null;
  setCompute(status: ComputeStatus): void;
  setWorkerError(message: string): void;
  /** The worker failed with `reason` and a fresh one is starting. */
  noteRestart(reason: string): void;
  dismissRestartNotice(): void;
}

export const useStatusStore = create<StatusStore>()((set) => ({
  compute: { phase: 'starting' },
  workerError: null,
  restarts: 0,
  restartNotice: null,
  setCompute: (compute) => set({ compute }),
  setWorkerError: (workerError) => set({ workerError }),
  noteRestart: (reason) =>
    set((s) => ({
      compute: { phase: 'starting' },
      restarts: s.restarts + 1,
      restartNotice: `The compute worker stopped (${reason}) and was restarted. The density lab goes on from the weights of its last drawn frame; other panels start again from their presets.`,
    })),
  dismissRestartNotice: () => set({ restartNotice: null }),
}));
