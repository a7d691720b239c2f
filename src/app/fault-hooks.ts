/**
 * Fault injection for browser tests of the failure paths, on `window.__flowlabFaults`:
 * `breakPanel()` makes the shown panel throw while rendering (its error boundary takes over
 * until "Reload panel"); `crashWorker()` raises an uncaught error inside the compute worker
 * (the page restarts it). Both only do what a real bug would; nothing calls them but tests
 * or someone at the devtools console.
 */
import { create } from 'zustand';
import { computeApi } from './compute-client';

interface FaultState {
  /** The next render of the shown panel throws, until the panel is reloaded. */
  panelBroken: boolean;
}

export const useFaultStore = create<FaultState>()(() => ({ panelBroken: false }));

export interface FaultHooks {
  breakPanel(): void;
  crashWorker(): Promise<void>;
}

declare global {
  interface Window {
    __flowlabFaults?: FaultHooks;
  }
}

export function installFaultHooks(win: Window): void {
  win.__flowlabFaults = {
    breakPanel: () => useFaultStore.setState({ panelBroken: true }),
    crashWorker: async () => {
      await computeApi()?.crashForTesting('simulated worker crash (test hook)');
    },
  };
}

/** Rendered inside every panel's error boundary: throws while a test asks it to. */
export function FaultProbe(): null {
  const broken = useFaultStore((s) => s.panelBroken);
  if (broken) throw new Error('simulated panel failure (test hook)');
  return null;
}
