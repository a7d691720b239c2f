/** Run status of the compute worker, as the status bar shows it. */
import { create } from 'zustand';
import type { BackendReport } from '../compute/api';

export type ComputeStatus =
  | { phase: 'starting' }
  | { phase: 'ready'; report: BackendReport }
  | { phase: 'failed'; error: string };

interface StatusStore {
  compute: ComputeStatus;
  /** An error the worker raised after it started (shown until the page reloads). */
  workerError: string | null;
  setCompute(status: ComputeStatus): void;
  setWorkerError(message: string): void;
}

export const useStatusStore = create<StatusStore>()((set) => ({
  compute: { phase: 'starting' },
  workerError: null,
  setCompute: (compute) => set({ compute }),
  setWorkerError: (workerError) => set({ workerError }),
}));
