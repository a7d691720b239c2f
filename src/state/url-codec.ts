/**
 * Pure URL codec: query string ⇄ UrlState through the schema table. Decoding never throws:
 * unknown keys are ignored, invalid values fall back to the default and are named in
 * `invalid`. Encoding writes only non-default values, in schema order.
 */
import type { ParamSpec } from './url-param-types';
import {
  REPORTED_ELSEWHERE,
  URL_KEYS,
  URL_SCHEMA,
  defaultUrlState,
  type UrlKey,
  type UrlState,
} from './url-schema';

export interface DecodedUrl {
  state: UrlState;
  /** Keys whose values were invalid (in schema order), to name in a notice. */
  invalid: UrlKey[];
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
  for (const key of URL_KEYS) {
    const raw = lastValue(params, key);
    if (raw === null) continue;
    const spec = URL_SCHEMA[key] as ParamSpec<unknown>;
    const value = spec.parse(raw);
    if (value === undefined) {
      if (!REPORTED_ELSEWHERE.includes(key)) invalid.push(key);
    } else {
      state[key] = value;
    }
  }
  return { state: state as UrlState, invalid };
}

/** The query string for a state (`?a=1&b=2`), or '' when everything is at its default. */
export function encodeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  for (const key of URL_KEYS) {
    const spec = URL_SCHEMA[key] as ParamSpec<unknown>;
    const value = state[key];
    if (value === undefined || spec.equals(value, spec.default)) continue;
    params.set(key, spec.format(value));
  }
  const text = params.toString();
  // Commas in `hide` lists read better unescaped; they are legal in a query.
  return text ? `?${text.replace(/%2C/g, ',')}` : '';
}

/** A sentence naming invalid parameters, or null when there are none. */
export function invalidParamsMessage(invalid: readonly string[]): string | null {
  return invalid.length > 0 ? `Ignored invalid URL parameters: ${invalid.join(', ')}` : null;
}
