/**
 * A seeded generator of random and hostile query strings for the URL fuzz tests (the unit
 * test of the codec and the browser test share it). Each query mixes valid values (drawn from
 * the schema) with values that no parameter accepts, plus unknown and repeated keys; the
 * generator records which keys must be reported as invalid, independently of the codec: a
 * key is invalid when its last occurrence carries a value from the hostile pool.
 */
import type { Rng } from '../../src/core/types';
import type { ParamSpec } from '../../src/state/url-param-types';
import { URL_KEYS, URL_SCHEMA, type UrlKey } from '../../src/state/url-schema';

/** Values meant to be invalid for every parameter ('' and '0' are valid flags, so absent here). */
export const HOSTILE_VALUES: readonly string[] = [
  'NaN',
  'nan',
  'Infinity',
  '-Infinity',
  'undefined',
  'null',
  '[object Object]',
  '1e308',
  '-1e308',
  '99999999999999999999',
  '2147483648',
  '-1',
  '3.5',
  '0x10',
  '1_000',
  '１２',
  'abc',
  'maf;iaf',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "javascript:alert('x')",
  '${7*7}',
  '{{constructor.constructor("alert(1)")()}}',
  '__proto__',
  'constructor',
  '../../etc/passwd',
  '%E0%A4%A',
  '%00',
  '\u0000',
  '\u202Eevil',
  '😀😀😀',
  'dataset,,nope',
];

const LONG_PIECES = ['9', 'a', '<', '%', '1e', ','];

const UNKNOWN_KEYS = ['Layers', 'x', 'constructor', '__proto__', 'toString', 'on<script>', 'layers ', 'l%61yers2', ''];

export interface HostileQuery {
  /** The query string, with a leading `?`. */
  search: string;
  /** Schema keys that must be named in the notice (schema order). */
  invalid: UrlKey[];
  /** The raw value of each invalid key's last occurrence, as the address decodes it. */
  rejected: Partial<Record<UrlKey, string>>;
}

export interface HostileOptions {
  /** Keys never given a valid non-default value (e.g. ones that would change the page mode). */
  noValidValue?: readonly UrlKey[];
}

/** Valid URL text for a schema key. */
function validText(key: UrlKey, rng: Rng): string {
  const spec = URL_SCHEMA[key] as ParamSpec<unknown> & Record<string, unknown>;
  switch (spec.kind) {
    case 'enum': {
      const values = spec.values as string[];
      return values[rng.int(values.length)];
    }
    case 'int': {
      const { min, max } = spec as unknown as { min: number; max: number };
      return String(min + rng.int(Math.min(max - min + 1, 1000)));
    }
    case 'number': {
      const { min, max } = spec as unknown as { min: number; max: number };
      return String(min + (max - min) * rng.uniform());
    }
    case 'bool':
      return rng.uniform() < 0.5 ? '1' : '0';
    case 'list': {
      const values = spec.values as string[];
      return values.filter(() => rng.uniform() < 0.3).join(',');
    }
    case 'origin':
      return ['https://course.example.org', 'http://localhost:8080', 'https://a.example/notes/'][rng.int(3)];
  }
}

/**
 * A hostile value for `key`. The pool is meant to be invalid for every kind of parameter; in
 * case a parameter added later accepts one of them (say a numeric one taking 3.5), values its
 * own spec accepts are redrawn, so the expectations stay right.
 */
function hostileText(rng: Rng, key: UrlKey | null): string {
  for (;;) {
    const text =
      rng.uniform() < 0.12
        ? LONG_PIECES[rng.int(LONG_PIECES.length)].repeat(250 + rng.int(5000))
        : HOSTILE_VALUES[rng.int(HOSTILE_VALUES.length)];
    if (key === null || (URL_SCHEMA[key] as ParamSpec<unknown>).parse(text) === undefined) return text;
  }
}

/** One random query: 1–8 entries, some keys repeated, some unknown. */
export function hostileQuery(rng: Rng, options: HostileOptions = {}): HostileQuery {
  const entries: [string, string][] = [];
  const last = new Map<UrlKey, 'valid' | 'hostile'>();
  const count = 1 + rng.int(8);
  for (let i = 0; i < count; i++) {
    const roll = rng.uniform();
    if (roll < 0.12) {
      entries.push([UNKNOWN_KEYS[rng.int(UNKNOWN_KEYS.length)], hostileText(rng, null)]);
      continue;
    }
    // Repeat an earlier key now and then (the last occurrence wins).
    const earlier = [...last.keys()];
    const key =
      roll < 0.25 && earlier.length > 0
        ? earlier[rng.int(earlier.length)]
        : URL_KEYS[rng.int(URL_KEYS.length)];
    const valid = rng.uniform() < 0.35 && !options.noValidValue?.includes(key);
    entries.push([key, valid ? validText(key, rng) : hostileText(rng, key)]);
    last.set(key, valid ? 'valid' : 'hostile');
  }
  const search =
    '?' +
    entries
      .map(([k, v]) => {
        // Pre-encoded values (%E0…) go in raw half of the time, to test the decoder's leniency.
        const value = v.startsWith('%') && rng.uniform() < 0.5 ? v : encodeURIComponent(v);
        return `${encodeURIComponent(k)}=${value}`;
      })
      .join('&');
  const invalid = URL_KEYS.filter((key) => last.get(key) === 'hostile');
  // What the notice quotes: the last value of each invalid key, decoded as any address is.
  const decoded = new URLSearchParams(search);
  const rejected: Partial<Record<UrlKey, string>> = {};
  for (const key of invalid) rejected[key] = decoded.getAll(key).at(-1);
  return { search, invalid, rejected };
}

/** One long value per piece, as `hostileText` draws them (here at a fixed 300 characters). */
export const LONG_VALUES: readonly string[] = LONG_PIECES.map((piece) => piece.repeat(300));

/**
 * A deterministic covering set: every schema key meets every hostile value (HOSTILE_VALUES and
 * LONG_VALUES) at least once, in few queries. Query v sets every key at once, key i to value
 * (v + i) mod n, so n queries (n = the number of values) cover all keys × values pairs; a
 * value that a key's own spec accepts is left out for that key (it would not be hostile).
 * Keys come in schema order, each once; the expected notice names all of them.
 */
export function coveringQueries(): HostileQuery[] {
  const values = [...HOSTILE_VALUES, ...LONG_VALUES];
  return values.map((_, v) => {
    const entries: [UrlKey, string][] = [];
    URL_KEYS.forEach((key, i) => {
      const text = values[(v + i) % values.length];
      if ((URL_SCHEMA[key] as ParamSpec<unknown>).parse(text) === undefined) entries.push([key, text]);
    });
    const search = '?' + entries.map(([k, t]) => `${k}=${encodeURIComponent(t)}`).join('&');
    const invalid = entries.map(([key]) => key);
    const decoded = new URLSearchParams(search);
    const rejected: Partial<Record<UrlKey, string>> = {};
    for (const key of invalid) rejected[key] = decoded.get(key) ?? undefined;
    return { search, invalid, rejected };
  });
}
