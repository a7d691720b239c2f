/**
 * The URL codec against 1,000 seeded random and hostile queries (tests/support/hostile-urls.ts,
 * the generator the browser fuzz test uses): decoding never throws, names exactly the keys
 * whose last value was hostile, leaves those at their defaults (`layers`, `hidden`: its transform's), and the address it writes back
 * is canonical (decodes to the same state with nothing invalid) and carries no hostile text.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import {
  EXCERPT_LENGTH,
  decodeUrlState,
  encodeUrlState,
  invalidParamsMessage,
} from '../../../src/state/url-codec';
import { URL_SCHEMA, defaultUrlState, type UrlKey } from '../../../src/state/url-schema';
import { dependentDefault, isDependentKey } from '../../../src/state/url-defaults';
import { hostileQuery } from '../../support/hostile-urls';

describe('URL codec under fuzzing', () => {
  it('decodes 1,000 hostile queries to defaults plus a notice, and writes canonical URLs', () => {
    const rng = createRng(20240611);
    const defaults = defaultUrlState();
    let reported = 0;
    for (let i = 0; i < 1000; i++) {
      const { search, invalid, rejected } = hostileQuery(rng);
      const decoded = decodeUrlState(search);
      expect(decoded.invalid, search.slice(0, 300)).toEqual(invalid);
      expect(decoded.rejected, search.slice(0, 300)).toEqual(rejected);
      // The notice quotes each bad value in at most EXCERPT_LENGTH characters (+ "…"), without
      // control or bidi characters, whatever the link carried.
      const message = invalidParamsMessage(decoded.invalid, decoded.rejected) ?? '';
      expect(message.length).toBeLessThanOrEqual(40 + invalid.length * (20 + EXCERPT_LENGTH));
      expect(message).not.toMatch(/[\p{Cc}\p{Cf}]/u);
      reported += decoded.invalid.length;
      // An invalid `layers` or `hidden` falls back to the default of the decoded transform (url-defaults.ts).
      for (const key of invalid) {
        const fallback = isDependentKey(key) ? dependentDefault(key, decoded.state.transform) : defaults[key];
        expect(decoded.state[key]).toEqual(fallback);
      }
      for (const key of Object.keys(decoded.state) as UrlKey[]) {
        expect(Object.hasOwn(URL_SCHEMA, key)).toBe(true);
      }
      const written = encodeUrlState(decoded.state);
      expect(written.length).toBeLessThan(1000);
      expect(written).not.toMatch(/[<>"']|script|NaN|Infinity/i);
      const again = decodeUrlState(written);
      expect(again.invalid).toEqual([]);
      expect(again.state).toEqual(decoded.state);
    }
    // The generator does produce invalid params (the test is not vacuous).
    expect(reported).toBeGreaterThan(1000);
  });
});
