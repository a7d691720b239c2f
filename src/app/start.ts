/** Starts the compute worker for this page and mirrors its progress into the status store. */
import { useStatusStore } from '../state/status';
import type { BackendChoice } from '../state/url-schema';
import { startCompute } from './compute-client';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * `backend` is the page's `?backend=` as the URL schema read it (the last occurrence; an
 * invalid value is `auto`, and the URL notice names it).
 */
export function startComputeForPage(backend: BackendChoice): void {
  const requested = backend === 'auto' ? null : backend;
  const { setCompute, noteRestart } = useStatusStore.getState();
  setCompute({ phase: 'starting' });
  startCompute(requested, {
    onRestarting: noteRestart,
    onRestarted: (report) => setCompute({ phase: 'ready', report }),
    onFailed: (reason) => setCompute({ phase: 'failed', error: reason }),
  }).then(
    ({ report }) => setCompute({ phase: 'ready', report }),
    (error: unknown) => setCompute({ phase: 'failed', error: errorText(error) }),
  );
}
