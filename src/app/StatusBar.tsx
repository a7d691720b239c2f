import { useStatusStore, type ComputeStatus } from '../state/status';
import { SelfCheck } from './SelfCheck';

function backendText(compute: ComputeStatus): string {
  if (compute.phase === 'starting') return 'Backend: starting…';
  if (compute.phase === 'failed') return 'Backend: unavailable';
  return `Backend: ${compute.report.label}`;
}

/** Active backend, why faster ones were skipped, and the self-check. */
export function StatusBar() {
  const compute = useStatusStore((s) => s.compute);
  const report = compute.phase === 'ready' ? compute.report : null;
  const forced = report && report.requested !== null && report.notice === null;
  return (
    <footer className="status-bar">
      <span role="status" className="backend-name">
        {backendText(compute)}
      </span>
      {report?.detail && (
        <span className="backend-detail" title={report.detail}>
          {report.detail}
        </span>
      )}
      {forced && <span className="backend-detail">chosen by ?backend={report.requested}</span>}
      {report?.measurement && (
        <span className="backend-measurement" title="Training step of the default model, timed on each usable backend">
          {report.measurement}
        </span>
      )}
      {report && report.skipped.length > 0 && (
        <ul className="skipped" aria-label="Skipped backends">
          {report.skipped.map(({ backend, label, reason }) => (
            <li key={backend}>
              {label}: {reason}
            </li>
          ))}
        </ul>
      )}
      <SelfCheck enabled={report !== null} />
    </footer>
  );
}
