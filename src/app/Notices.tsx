import { useState } from 'react';
import { useStatusStore } from '../state/status';

/** Worker failures (persistent alerts) and the dismissible `?backend=` fallback notice. */
export function Notices() {
  const compute = useStatusStore((s) => s.compute);
  const workerError = useStatusStore((s) => s.workerError);
  const restartNotice = useStatusStore((s) => s.restartNotice);
  const dismissRestart = useStatusStore((s) => s.dismissRestartNotice);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const notice = compute.phase === 'ready' ? compute.report.notice : null;
  return (
    <>
      {compute.phase === 'failed' && (
        <div className="notice notice-error" role="alert">
          Compute worker failed to start: {compute.error}. Training and plots are unavailable;
          reloading the page may help.
        </div>
      )}
      {workerError && (
        <div className="notice notice-error" role="alert">
          Compute worker error: {workerError}
        </div>
      )}
      {restartNotice && (
        <section className="notice" role="alert" aria-label="Worker restarted">
          <p>{restartNotice}</p>
          <button type="button" onClick={dismissRestart}>
            Dismiss
          </button>
        </section>
      )}
      {notice && notice !== dismissed && (
        <section className="notice" aria-label="Backend notice">
          <p>{notice}</p>
          <button type="button" onClick={() => setDismissed(notice)}>
            Dismiss
          </button>
        </section>
      )}
    </>
  );
}
