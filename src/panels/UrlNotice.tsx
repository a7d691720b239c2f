import { useLabStore } from '../state/lab-store';
import { invalidParamsMessage } from '../state/url-codec';

/** "Ignored invalid URL parameters: dataset, layers", until dismissed. */
export function UrlNotice() {
  const invalid = useLabStore((s) => s.invalidParams);
  const dismiss = useLabStore((s) => s.dismissInvalidParams);
  const message = invalidParamsMessage(invalid);
  if (!message) return null;
  return (
    <section className="notice" aria-label="URL notice">
      <p>{message}</p>
      <button type="button" aria-label="Dismiss URL notice" onClick={dismiss}>
        Dismiss
      </button>
    </section>
  );
}
