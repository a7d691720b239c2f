/**
 * Files the page could not fetch (the network did not answer: offline, a flaky link), each
 * with the action that fetches it again. The page shows each as a notice with "Try again",
 * and runs every retry by itself when the browser reports it is back online.
 */
import { create } from 'zustand';

export interface LoadProblem {
  /** One notice per id (a newer report replaces it), e.g. `lab-preset`. */
  id: string;
  /** What could not be loaded and what the page does meanwhile. */
  text: string;
  retry(): void;
}

interface LoadProblemsState {
  problems: readonly LoadProblem[];
  report(problem: LoadProblem): void;
  clear(id: string): void;
  /** Clears every problem and runs its retry (a retry that fails again reports again). */
  retryAll(): void;
}

export const useLoadProblems = create<LoadProblemsState>()((set, get) => ({
  problems: [],
  report: (problem) =>
    set((s) => ({ problems: [...s.problems.filter((p) => p.id !== problem.id), problem] })),
  clear: (id) => {
    if (get().problems.some((p) => p.id === id)) {
      set((s) => ({ problems: s.problems.filter((p) => p.id !== id) }));
    }
  },
  retryAll: () => {
    const pending = get().problems;
    set({ problems: [] });
    for (const problem of pending) problem.retry();
  },
}));
