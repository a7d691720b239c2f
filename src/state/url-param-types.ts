/**
 * Typed URL parameters, in the style of TensorFlow Playground's `state.ts`: each parameter is
 * a small spec that knows its default, how to parse a raw query value (returning `undefined`
 * for anything invalid, never throwing) and how to write a value back as canonical text.
 * Pure: no DOM, no store.
 */

export type ParamKind = 'enum' | 'int' | 'number' | 'bool' | 'list' | 'origin';

export interface ParamSpec<T> {
  kind: ParamKind;
  default: T;
  /** One sentence for docs/url-parameters.md. */
  description: string;
  /** Allowed values in words, e.g. "1 … 12" or "maf, iaf". */
  range: string;
  /** The value a raw query string denotes, or undefined when it is not a valid value. */
  parse(raw: string): T | undefined;
  /** Canonical text for a value (parse(format(v)) equals v). */
  format(value: T): string;
  equals(a: T, b: T): boolean;
}

/** Longer raw values are rejected before parsing (no valid value comes close). */
const MAX_RAW_LENGTH = 200;

const INTEGER = /^[+-]?\d{1,16}$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d{1,3})?$/i;

function checkedRaw(raw: string): string | undefined {
  if (typeof raw !== 'string' || raw.length > MAX_RAW_LENGTH) return undefined;
  return raw.trim();
}

export function enumParam<const V extends string>(
  values: readonly V[],
  defaultValue: V,
  description: string,
): ParamSpec<V> & { values: readonly V[] } {
  return {
    kind: 'enum',
    values,
    default: defaultValue,
    description,
    range: values.join(', '),
    parse(raw) {
      const text = checkedRaw(raw)?.toLowerCase();
      return values.find((v) => v.toLowerCase() === text);
    },
    format: (value) => value,
    equals: (a, b) => a === b,
  };
}

export function intParam(
  min: number,
  max: number,
  defaultValue: number,
  description: string,
): ParamSpec<number> & { min: number; max: number } {
  return {
    kind: 'int',
    min,
    max,
    default: defaultValue,
    description,
    range: `integer ${min} … ${max}`,
    parse(raw) {
      const text = checkedRaw(raw);
      if (text === undefined || !INTEGER.test(text)) return undefined;
      const value = Number(text);
      return Number.isSafeInteger(value) && value >= min && value <= max ? value : undefined;
    },
    format: (value) => String(value),
    equals: (a, b) => a === b,
  };
}

export function numberParam(
  min: number,
  max: number,
  defaultValue: number,
  description: string,
): ParamSpec<number> & { min: number; max: number } {
  return {
    kind: 'number',
    min,
    max,
    default: defaultValue,
    description,
    range: `${min} … ${max}`,
    parse(raw) {
      const text = checkedRaw(raw);
      if (text === undefined || !DECIMAL.test(text)) return undefined;
      const value = Number(text);
      return Number.isFinite(value) && value >= min && value <= max ? value : undefined;
    },
    // String() is the shortest text that reads back as the same double.
    format: (value) => String(value),
    equals: (a, b) => a === b,
  };
}

const TRUE_TEXT = ['1', 'true', 'yes', 'on', ''];
const FALSE_TEXT = ['0', 'false', 'no', 'off'];

/** A flag: `?embed`, `?embed=1`, `?embed=true` are true; `0`/`false` false. */
export function boolParam(defaultValue: boolean, description: string): ParamSpec<boolean> {
  return {
    kind: 'bool',
    default: defaultValue,
    description,
    range: '1 or 0 (also true/false)',
    parse(raw) {
      const text = checkedRaw(raw)?.toLowerCase();
      if (text === undefined) return undefined;
      if (TRUE_TEXT.includes(text)) return true;
      if (FALSE_TEXT.includes(text)) return false;
      return undefined;
    },
    format: (value) => (value ? '1' : '0'),
    equals: (a, b) => a === b,
  };
}

/** A comma-separated set of enum members, written in the order of `values`, without repeats. */
export function listParam<const V extends string>(
  values: readonly V[],
  description: string,
): ParamSpec<V[]> & { values: readonly V[] } {
  const canonical = (items: readonly V[]): V[] => values.filter((v) => items.includes(v));
  return {
    kind: 'list',
    values,
    default: [],
    description,
    range: `comma-separated subset of: ${values.join(', ')}`,
    parse(raw) {
      const text = checkedRaw(raw)?.toLowerCase();
      if (text === undefined) return undefined;
      const items = text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      const known = items.map((s) => values.find((v) => v.toLowerCase() === s));
      if (known.some((v) => v === undefined)) return undefined;
      return canonical(known as V[]);
    },
    format: (value) => canonical(value).join(','),
    equals: (a, b) => canonical(a).join(',') === canonical(b).join(','),
  };
}

/**
 * A web origin (`https://host[:port]`), written as the origin of any http(s) URL given
 * (`https://course.example.org/notes/` → `https://course.example.org`). The default '' means
 * none; any other scheme, or text that is no URL, is invalid.
 */
export function originParam(description: string): ParamSpec<string> {
  return {
    kind: 'origin',
    default: '',
    description,
    range: 'an http(s) origin, e.g. https://course.example.org',
    parse(raw) {
      const text = checkedRaw(raw);
      if (!text) return undefined;
      try {
        const url = new URL(text);
        return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
      } catch {
        return undefined;
      }
    },
    format: (value) => value,
    equals: (a, b) => a === b,
  };
}
