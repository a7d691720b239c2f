import { useId, useState } from 'react';
import { useLabStore } from '../../state/lab-store';
import { URL_SCHEMA } from '../../state/url-schema';

type NumericKey = 'lr' | 'layers' | 'hidden' | 'batch' | 'seed';

interface NumberFieldProps {
  name: NumericKey;
  label: string;
}

/**
 * A labelled numeric input bound to one URL param. Each keystroke that makes a valid value
 * applies it; an invalid entry stays visible with a message naming the allowed range, and
 * the lab keeps the last valid value.
 */
export function NumberField({ name, label }: NumberFieldProps) {
  const spec = URL_SCHEMA[name];
  const value = useLabStore((s) => s.params[name]);
  const setParam = useLabStore((s) => s.setParam);
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const [shown, setShown] = useState(value);
  // The value changed elsewhere (URL, reset, another control): show it.
  if (shown !== value) {
    setShown(value);
    setDraft(String(value));
  }
  const parsed = spec.parse(draft);
  const invalid = parsed === undefined;
  const integer = spec.kind === 'int';
  return (
    <div className="field number-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        min={spec.min}
        max={spec.max}
        step={integer ? 1 : 'any'}
        value={draft}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          const next = spec.parse(text);
          if (next !== undefined && next !== value) {
            setShown(next);
            setParam(name, next);
          }
        }}
        onBlur={() => {
          if (!invalid) setDraft(String(parsed));
        }}
      />
      {invalid && (
        <span id={`${id}-error`} className="field-error">
          {integer ? 'A whole number' : 'A number'} from {spec.min} to {spec.max}; using {value}.
        </span>
      )}
    </div>
  );
}
