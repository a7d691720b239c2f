import { useEffect, useState } from 'react';
import { useLoadProblems } from '../state/load-problems';
import { useStatusStore } from '../state/status';

/**
 * Files that could not be fetched (offline): one notice each with "Try again"; every retry
 * runs by itself when the browser is back online.
 */
function LoadNotices() {
  const problems = useLoadProblems((s) => s.problems);
  useEffect(() => {
    const onOnline = () => useLoadProblems.getState().retryAll();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, []);
  return problems.map((problem) => (
    <section key={problem.id} className="notice" role="alert" aria-label="Not loaded">
      <p>{problem.text}</p>
      <button
        type="button"
        onClick={() => {
          useLoadProblems.getState().clear(problem.id);
          problem.retry();
        }}
      >
        Try again
      </button>
    </section>
  ));
}

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
      <LoadNotices />
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
