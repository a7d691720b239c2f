/**
 * Pure URL codec: query string ⇄ UrlState through the schema table. Decoding never throws:
 * unknown keys are ignored, invalid values fall back to the default and are named in
 * `invalid`. Encoding writes only non-default values, in schema order (`layers` against the
 * default of the state's transform, state/url-defaults.ts).
 */
import type { ParamSpec } from './url-param-types';
import {
  URL_KEYS,
  URL_SCHEMA,
  defaultUrlState,
  type UrlKey,
  type UrlState,
} from './url-schema';
import { DEPENDENT_KEYS, dependentDefault, isDependentKey } from './url-defaults';

export interface DecodedUrl {
  state: UrlState;
  /** Keys whose values were invalid (in schema order), to name in a notice. */
  invalid: UrlKey[];
  /** The raw text of each invalid key's value (its last occurrence), for the notice's excerpt. */
  rejected: Partial<Record<UrlKey, string>>;
  /** Keys the query spells out, valid or not (in schema order). */
  given: UrlKey[];
}

function toSearchParams(search: string): URLSearchParams {
  try {
    return new URLSearchParams(typeof search === 'string' ? search : '');
  } catch {
    return new URLSearchParams();
  }
}

/** The last occurrence of a key wins when a key repeats (`?layers=3&layers=4` → 4). */
function lastValue(params: URLSearchParams, key: string): string | null {
  const all = params.getAll(key);
  return all.length > 0 ? all[all.length - 1] : null;
}

/** Decodes a query string (with or without the leading `?`). */
export function decodeUrlState(search: string): DecodedUrl {
  const params = toSearchParams(search);
  const state = defaultUrlState() as Record<UrlKey, unknown>;
  const invalid: UrlKey[] = [];
  const rejected: Partial<Record<UrlKey, string>> = {};
  const given: UrlKey[] = [];
  for (const key of URL_KEYS) {
    const raw = lastValue(params, key);
    if (raw === null) continue;
    given.push(key);
    const spec = URL_SCHEMA[key] as ParamSpec<unknown>;
    const value = spec.parse(raw);
    if (value === undefined) {
      invalid.push(key);
      rejected[key] = raw;
    } else {
      state[key] = value;
    }
  }
  // A missing (or invalid) `layers` or `hidden` means the default of the transform (state/url-defaults.ts).
  for (const key of DEPENDENT_KEYS) {
    if (!given.includes(key) || invalid.includes(key)) state[key] = dependentDefault(key, (state as UrlState).transform);
  }
  return { state: state as UrlState, invalid, rejected, given };
}

/** The query string for a state (`?a=1&b=2`), or '' when everything is at its default. */
export function encodeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  for (const key of URL_KEYS) {
    const spec = URL_SCHEMA[key] as ParamSpec<unknown>;
    const value = state[key];
    const fallback = isDependentKey(key) ? dependentDefault(key, state.transform) : spec.default;
    if (value === undefined || spec.equals(value, fallback)) continue;
    params.set(key, spec.format(value));
  }
  const text = params.toString();
  // Commas in `hide` lists and the `:` and `/` of an origin read better unescaped; they are
  // legal in a query.
  return text ? `?${text.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/')}` : '';
}

/** Most characters of a link's text a notice quotes. */
export const EXCERPT_LENGTH = 24;

/**
 * A short excerpt of text a link carries, safe to show inside quotes: at most EXCERPT_LENGTH
 * characters (code points), control and formatting characters (bidi overrides, zero-width
 * joiners) replaced by U+FFFD, and an ellipsis when cut.
 */
export function linkTextExcerpt(raw: string): string {
  const chars = Array.from(raw.replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/gu, '\uFFFD'));
  return chars.length > EXCERPT_LENGTH ? `${chars.slice(0, EXCERPT_LENGTH).join('')}…` : chars.join('');
}

/** An invalid parameter for the notice: its name and the excerpt of its value, if any. */
export interface InvalidParamNote {
  key: string;
  excerpt: string | null;
}

export function invalidParamNotes(
  invalid: readonly string[],
  rejected: Readonly<Record<string, string | undefined>> = {},
): InvalidParamNote[] {
  return invalid.map((key) => {
    const raw = rejected[key];
    return { key, excerpt: raw === undefined ? null : linkTextExcerpt(raw) };
  });
}

/**
 * The notice as one sentence naming the invalid parameters, each with a quoted excerpt of its
 * value (`Ignored invalid URL parameters: dataset “nonsense”, layers “-3”`), or null when
 * there are none. The panel's notice shows the same text, with the excerpts marked as the
 * link's own text.
 */
export function invalidParamsMessage(
  invalid: readonly string[],
  rejected: Readonly<Record<string, string | undefined>> = {},
): string | null {
  if (invalid.length === 0) return null;
  const notes = invalidParamNotes(invalid, rejected).map(({ key, excerpt }) =>
    excerpt === null ? key : `${key} “${excerpt}”`,
  );
  return `Ignored invalid URL parameters: ${notes.join(', ')}`;
}
