/** Starts the compute worker for this page and mirrors its progress into the status store. */
import { useStatusStore } from '../state/status';
import { startCompute } from './compute-client';

/** `search` is the page's query string; its `backend` parameter may force a backend. */
export function startComputeForPage(search: string): void {
  const requested = new URLSearchParams(search).get('backend');
  const { setCompute, setWorkerError } = useStatusStore.getState();
  setCompute({ phase: 'starting' });
  startCompute(requested, setWorkerError).then(
    ({ report }) => setCompute({ phase: 'ready', report }),
    (error: unknown) =>
      setCompute({
        phase: 'failed',
        error: error instanceof Error ? error.message : String(error),
      }),
  );
}
