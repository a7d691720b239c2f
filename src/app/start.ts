/** Starts the compute worker for this page and mirrors its progress into the status store. */
import { useStatusStore } from '../state/status';
import { startCompute } from './compute-client';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** `search` is the page's query string; its `backend` parameter may force a backend. */
export function startComputeForPage(search: string): void {
  let requested: string | null = null;
  try {
    requested = new URLSearchParams(search).get('backend');
  } catch {
    // An unreadable query: the automatic choice.
  }
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
