import { useId, useRef, useState } from 'react';

/** Copies text: the Clipboard API where allowed, else the selection (sandboxed iframes). */
async function copyText(
  text: string,
  field: HTMLInputElement | HTMLTextAreaElement | null,
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!field) return false;
    field.focus();
    field.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

interface CopyFieldProps {
  label: string;
  value: string;
  multiline?: boolean;
}

/** A read-only, labelled text with a Copy button that says whether copying worked. */
export function CopyField({ label, value, multiline = false }: CopyFieldProps) {
  const id = useId();
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [result, setResult] = useState<string | null>(null);
  const copy = async () => {
    const copied = await copyText(value, field.current);
    setResult(copied ? 'Copied.' : 'Select the text and copy it by hand.');
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          ref={field}
          readOnly
          value={value}
          rows={4}
          onFocus={(e) => e.target.select()}
        />
      ) : (
        <input id={id} ref={field} readOnly value={value} onFocus={(e) => e.target.select()} />
      )}
      <div className="copy-row">
        <button type="button" onClick={copy} aria-label={`Copy ${label.toLowerCase()}`}>
          Copy
        </button>
        <span className="muted" aria-live="polite">
          {result}
        </span>
      </div>
    </div>
  );
}
