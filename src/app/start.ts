/** Starts the compute worker for this page and mirrors its progress into the status store. */
import { useStatusStore } from '../state/status';
import type { BackendChoice } from '../state/url-schema';
import { afterFirstFrame, measureAndAdopt, rememberedChoice } from './backend-choice';
import { startCompute } from './compute-client';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * `backend` is the page's `?backend=` as the URL schema read it (the last occurrence; an
 * invalid value is `auto`, and the URL notice names it). An automatic choice uses the backend
 * measured fastest on an earlier visit on this device, or measures once after the first frame
 * (backend-choice.ts).
 */
export function startComputeForPage(backend: BackendChoice): void {
  const requested = backend === 'auto' ? null : backend;
  const { setCompute, noteRestart } = useStatusStore.getState();
  setCompute({ phase: 'starting' });
  const remembered = requested === null ? rememberedChoice() : null;
  startCompute(
    requested,
    {
      onRestarting: noteRestart,
      onRestarted: (report) => setCompute({ phase: 'ready', report }),
      onFailed: (reason) => setCompute({ phase: 'failed', error: reason }),
    },
    remembered,
  ).then(
    ({ api, report }) => {
      setCompute({ phase: 'ready', report });
      if (requested !== null || report.measurement) return;
      afterFirstFrame(() =>
        void measureAndAdopt(api).then((measured) => {
          if (measured) setCompute({ phase: 'ready', report: measured });
        }),
      );
    },
    (error: unknown) => setCompute({ phase: 'failed', error: errorText(error) }),
  );
}
