import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { isValidParam } from '../../../src/state/lab-store';
import {
  EXCERPT_LENGTH,
  decodeUrlState,
  encodeUrlState,
  invalidParamsMessage,
  linkTextExcerpt,
} from '../../../src/state/url-codec';
import {
  URL_KEYS,
  URL_SCHEMA,
  defaultUrlState,
  type UrlKey,
  type UrlState,
} from '../../../src/state/url-schema';

/** Valid values of every param, including both ends of every range. */
function validValues(key: UrlKey): unknown[] {
  const spec = URL_SCHEMA[key] as unknown as Record<string, unknown>;
  switch (spec.kind) {
    case 'enum':
      return [...(spec.values as string[])];
    case 'int': {
      const { min, max } = spec as { min: number; max: number };
      return [min, max, Math.floor((min + max) / 2), spec.default];
    }
    case 'number': {
      const { min, max } = spec as { min: number; max: number };
      return [min, max, 3e-4, 0.0123, 1 / 3, spec.default].filter(
        (v) => (v as number) >= min && (v as number) <= max,
      );
    }
    case 'bool':
      return [true, false];
    case 'list': {
      const values = spec.values as string[];
      return [[], [values[0]], [...values], [values[2], values[0]]];
    }
    case 'origin':
      return ['https://course.example.org', 'http://localhost:8080', 'https://xn--bcher-kva.example'];
  }
  throw new Error(`unknown kind for ${key}`);
}

/** Values no parameter accepts (bool flags accept '' as "present", so it is tested apart). */
const GARBAGE = [
  'abc',
  '5x',
  '0x10',
  'NaN',
  'nan',
  'Infinity',
  '-Infinity',
  '1e999',
  '99999999999999999999999',
  '-99999999999999999999999',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'a'.repeat(10_000),
  '1'.repeat(5_000),
  '８', // full-width digit
  '𝟓', // mathematical bold digit
  '٣', // Arabic-Indic digit
  'maf\u0000',
  '🙂',
  '[1,2]',
  '{"a":1}',
  'null',
  'undefined',
];

const query = (key: string, raw: string) => `?${new URLSearchParams([[key, raw]]).toString()}`;

describe('URL codec', () => {
  it('decodes an empty query (with or without "?") to the defaults', () => {
    for (const search of ['', '?', '?&&', '#hash']) {
      expect(decodeUrlState(search)).toEqual({
        state: defaultUrlState(),
        invalid: [],
        rejected: {},
        given: [],
      });
    }
  });

  it('writes nothing for the default state', () => {
    expect(encodeUrlState(defaultUrlState())).toBe('');
  });

  it('writes only non-default values', () => {
    expect(encodeUrlState({ ...defaultUrlState(), layers: 7 })).toBe('?layers=7');
    expect(encodeUrlState({ ...defaultUrlState(), flow: 'iaf', seed: 42 })).toBe(
      '?flow=iaf&seed=42',
    );
  });

  it('round-trips every valid value of every param', () => {
    for (const key of URL_KEYS) {
      for (const value of validValues(key)) {
        const state = { ...defaultUrlState(), [key]: value } as UrlState;
        const decoded = decodeUrlState(encodeUrlState(state));
        expect(decoded.invalid, `${key}=${String(value)}`).toEqual([]);
        expect(decoded.state[key], `${key}=${String(value)}`).toEqual(
          URL_SCHEMA[key].kind === 'list'
            ? (URL_SCHEMA[key].parse as (raw: string) => unknown)((value as string[]).join(','))
            : value,
        );
      }
    }
  });

  it('round-trips a state with every param changed at once', () => {
    const state: UrlState = {
      panel: 'density',
      embed: true,
      flow: 'coupling',
      transform: 'spline',
      view: 'compare',
      dataset: 'u3',
      layers: 16,
      hidden: 8,
      lr: 1e-5,
      batch: 2048,
      seed: 2147483647,
      contours: true,
      backend: 'wasm',
      hide: ['dataset', 'share'],
      dim: 8,
      direction: 'invert',
      image: 'noise',
      size: '16',
      tour: 10,
      present: true,
      theme: 'projector',
      kl: 'teacher-student',
      warm: false,
      dims: ['4', '64'],
      g1d: 'y',
      cdf: 'empirical',
      bw: 1.25,
      rot: 'pursuit',
      iter: 40,
      origin: 'https://course.example.org',
    };
    const decoded = decodeUrlState(encodeUrlState(state));
    expect(decoded.state).toEqual(state);
    expect(decoded.invalid).toEqual([]);
    expect(decoded.given).toEqual(URL_KEYS.filter((k) => !URL_SCHEMA[k].equals(state[k] as never, URL_SCHEMA[k].default as never)));
  });

  it('falls back to the default and names the param for every kind of garbage', () => {
    for (const key of URL_KEYS) {
      for (const raw of GARBAGE) {
        const { state, invalid } = decodeUrlState(query(key, raw));
        expect(state, `${key}=${raw.slice(0, 30)}`).toEqual(defaultUrlState());
        expect(invalid, `${key}=${raw.slice(0, 30)}`).toEqual([key]);
      }
    }
  });

  it('rejects out-of-range and non-integer numbers', () => {
    const cases: [UrlKey, string][] = [
      ['layers', '0'],
      ['layers', '17'],
      ['layers', '-3'],
      ['layers', '5.5'],
      ['layers', '1e1'],
      ['hidden', '7'],
      ['hidden', '257'],
      ['lr', '0'],
      ['lr', '-0.001'],
      ['lr', '1.0001'],
      ['lr', '1e-6'],
      ['batch', '15'],
      ['batch', '4096'],
      ['seed', '-1'],
      ['seed', '2147483648'],
    ];
    for (const [key, raw] of cases) {
      expect(decodeUrlState(query(key, raw)).invalid, `${key}=${raw}`).toEqual([key]);
    }
  });

  it('treats an empty value as invalid except for flags, where it means "on"', () => {
    for (const key of URL_KEYS) {
      const { state, invalid } = decodeUrlState(`?${key}=`);
      const spec = URL_SCHEMA[key];
      if (spec.kind === 'bool') expect(state[key]).toBe(true);
      else if (spec.kind === 'list') expect(state[key]).toEqual([]);
      else expect(invalid, key).toEqual([key]);
    }
    expect(decodeUrlState('?embed').state.embed).toBe(true);
  });

  it('ignores unknown keys without a notice', () => {
    const { state, invalid } = decodeUrlState('?foo=1&Dataset=moons&__proto__=x&constructor=1');
    expect(state).toEqual(defaultUrlState());
    expect(invalid).toEqual([]);
  });

  it('uses the last value of a repeated key', () => {
    expect(decodeUrlState('?layers=3&layers=4').state.layers).toBe(4);
    const { state, invalid } = decodeUrlState('?layers=3&layers=abc');
    expect(state.layers).toBe(12);
    expect(invalid).toEqual(['layers']);
  });

  it('accepts enum values in any case, and whitespace around numbers', () => {
    expect(decodeUrlState('?flow=IAF&dataset=Moons').state).toMatchObject({
      flow: 'iaf',
      dataset: 'moons',
    });
    expect(decodeUrlState('?layers=+7&hidden=%2032%20').state).toMatchObject({
      layers: 7,
      hidden: 32,
    });
  });

  it('names the params of the issue example, and says so in a sentence', () => {
    const { state, invalid } = decodeUrlState('?dataset=nonsense&layers=-3');
    expect(state).toEqual(defaultUrlState());
    expect(invalid).toEqual(['dataset', 'layers']);
    expect(invalidParamsMessage(invalid)).toBe('Ignored invalid URL parameters: dataset, layers');
    expect(invalidParamsMessage(invalid, decodeUrlState('?dataset=nonsense&layers=-3').rejected)).toBe(
      'Ignored invalid URL parameters: dataset “nonsense”, layers “-3”',
    );
    expect(invalidParamsMessage([])).toBeNull();
  });

  it('quotes at most a short excerpt of a bad value, without control or bidi characters', () => {
    const long = decodeUrlState(`?backend=${'x'.repeat(3000)}`);
    expect(long.invalid).toEqual(['backend']);
    expect(invalidParamsMessage(long.invalid, long.rejected)).toBe(
      `Ignored invalid URL parameters: backend “${'x'.repeat(EXCERPT_LENGTH)}…”`,
    );
    expect(linkTextExcerpt('\u202Eevil\u0000<b>')).toBe('\uFFFDevil\uFFFD<b>');
    expect(linkTextExcerpt('😀'.repeat(EXCERPT_LENGTH))).toBe('😀'.repeat(EXCERPT_LENGTH));
    expect(linkTextExcerpt('😀'.repeat(EXCERPT_LENGTH + 1))).toBe(`${'😀'.repeat(EXCERPT_LENGTH)}…`);
  });

  it('reads every key through the schema, the last occurrence winning (backend, origin too)', () => {
    const decoded = decodeUrlState('?backend=cpu&backend=wasm&origin=javascript:x&origin=https://a.example/p?q');
    expect(decoded.state.backend).toBe('wasm');
    expect(decoded.state.origin).toBe('https://a.example');
    expect(decoded.invalid).toEqual([]);
    expect(decoded.given).toEqual(['backend', 'origin']);
    expect(decodeUrlState('?backend=wasm&backend=cpu').state.backend).toBe('cpu');
    const bad = decodeUrlState('?origin=https://a.example&origin=ftp://b.example');
    expect(bad.invalid).toEqual(['origin']);
    expect(bad.rejected).toEqual({ origin: 'ftp://b.example' });
    expect(encodeUrlState(decoded.state)).toBe('?backend=wasm&origin=https://a.example');
  });

  it('rejects a hide list with any unknown member, and writes lists canonically', () => {
    expect(decodeUrlState('?hide=share,bogus').invalid).toEqual(['hide']);
    const { state } = decodeUrlState('?hide=share,%20dataset,share,');
    expect(state.hide).toEqual(['dataset', 'share']);
    expect(encodeUrlState(state)).toBe('?hide=dataset,share');
  });

  it('survives malformed percent-encoding and separators', () => {
    for (const search of [
      '?layers=%E0%A4%A',
      '?%',
      '?=&=&',
      '?layers==5',
      '?;layers=5',
      '?&&layers',
    ]) {
      expect(() => decodeUrlState(search)).not.toThrow();
      const { state } = decodeUrlState(search);
      for (const key of URL_KEYS) expect(isValidParam(key, state[key] as never)).toBe(true);
    }
  });

  it('never throws and always yields valid params on random input', () => {
    const rng = createRng(20240607);
    const alphabet = '?&=%;,+-.e0123456789abcdefghijklmnopqrstuvwxyz#<>"\'\\/ \u00e9\u4e2d\ud83d';
    const keys = [...URL_KEYS, 'x', ''];
    for (let trial = 0; trial < 400; trial++) {
      let search = '?';
      const pairs = 1 + rng.int(5);
      for (let p = 0; p < pairs; p++) {
        const length = rng.int(12);
        let value = '';
        for (let c = 0; c < length; c++) value += alphabet[rng.int(alphabet.length)];
        search += `${keys[rng.int(keys.length)]}=${value}&`;
      }
      const { state, invalid } = decodeUrlState(search);
      for (const key of URL_KEYS) expect(isValidParam(key, state[key] as never), search).toBe(true);
      expect(invalid.every((key) => URL_KEYS.includes(key))).toBe(true);
      // What decodes re-encodes to a query that decodes to the same state.
      expect(decodeUrlState(encodeUrlState(state)).state).toEqual(state);
    }
  });
});
