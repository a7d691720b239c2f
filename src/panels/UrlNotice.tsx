import { useLabStore } from '../state/lab-store';
import { invalidParamNotes } from '../state/url-codec';

/**
 * "Ignored invalid URL parameters: dataset “nonsense”, layers “-3”", until dismissed. A bad
 * value is the link's text, not the app's: at most a short excerpt is quoted, marked as such.
 */
export function UrlNotice() {
  const invalid = useLabStore((s) => s.invalidParams);
  const rejected = useLabStore((s) => s.rejectedParams);
  const dismiss = useLabStore((s) => s.dismissInvalidParams);
  if (invalid.length === 0) return null;
  const notes = invalidParamNotes(invalid, rejected);
  return (
    <section className="notice" aria-label="URL notice">
      <p>
        Ignored invalid URL parameters:{' '}
        {notes.map(({ key, excerpt }, i) => (
          <span key={key}>
            {i > 0 && ', '}
            {key}
            {excerpt !== null && (
              <>
                {' '}
                <span className="link-text" title="Text from the link, not from Flow Lab">
                  “{excerpt}”
                </span>
              </>
            )}
          </span>
        ))}
      </p>
      <button type="button" aria-label="Dismiss URL notice" onClick={dismiss}>
        Dismiss
      </button>
    </section>
  );
}
