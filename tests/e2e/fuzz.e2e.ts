/**
 * Hostile URLs (tests/support/hostile-urls.ts): wrong types, huge numbers, NaN, script
 * fragments, very long values, unknown and repeated keys. Each must open with the defaults for
 * the bad params and a notice naming exactly them, never an uncaught error or console error
 * (the harness fails the test on either). Through the app's address path in one page
 * (history.pushState + popstate, as back/forward would) go
 *  - a covering set of 38 queries in which every parameter meets every hostile value (all 30 ×
 *    38 pairs, each query setting all parameters at once), and
 *  - 160 seeded random queries of 1–8 entries: valid values applied next to bad ones, repeated
 *    and unknown keys, pre-encoded values, long values of random length.
 * The covering set proves deterministically what 480 random queries proved only by volume
 * (they met about two thirds of the pairs); the random ones keep the mixtures. 8 more are real
 * page loads (the start-up reading of the address; the codec itself meets 1,000 random ones in
 * tests/unit/state/url-fuzz.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng';
import { invalidParamsMessage } from '../../src/state/url-codec';
import { URL_KEYS } from '../../src/state/url-schema';
import {
  HOSTILE_VALUES,
  LONG_VALUES,
  coveringQueries,
  hostileQuery,
  type HostileQuery,
} from '../support/hostile-urls';
import { CONFIG, computeMemory, expectNoProblems, openApp, waitForBackend } from './harness';

/** Keys that would switch the page's mode (tour, presenter, embed, panel) keep hostile values only. */
const NO_VALID = ['panel', 'embed', 'tour', 'present', 'backend'] as const;

function queries(seed: number, count: number): HostileQuery[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => hostileQuery(rng, { noValidValue: NO_VALID }));
}

describe(`URL fuzzing ${CONFIG}`, () => {
  it('every parameter × every hostile value, and 160 random hostile addresses, through the address path: defaults, a notice, no error', { timeout: 400_000 }, async () => {
    const covering = coveringQueries();
    // The covering set is what it claims: every key with every hostile value, as an invalid one.
    const met = new Set(covering.flatMap(({ invalid, rejected }) => invalid.map((key) => `${key}=${rejected[key]}`)));
    expect(met.size).toBe(URL_KEYS.length * (HOSTILE_VALUES.length + LONG_VALUES.length));
    const page = await openApp('/?backend=cpu');
    await waitForBackend(page);
    const cases = [...covering, ...queries(91, 160)];
    const mismatches = await page.evaluate(async (list) => {
      const wrong: string[] = [];
      const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
      for (const { search, expected } of list) {
        history.pushState(null, '', `${location.pathname}${search}`);
        dispatchEvent(new PopStateEvent('popstate'));
        await settle();
        const shown = document.querySelector('[aria-label="URL notice"] p')?.textContent ?? null;
        if (shown !== expected) wrong.push(`${search.slice(0, 120)} → ${shown} (expected ${expected})`);
        // The address is rewritten to the canonical one: no hostile text stays in it.
        if (/[<>"]|%3C|script/i.test(location.search)) wrong.push(`address kept ${location.search.slice(0, 120)}`);
      }
      return wrong;
    }, cases.map(({ search, invalid, rejected }) => ({ search, expected: invalidParamsMessage(invalid, rejected) })));
    expect(mismatches).toEqual([]);
    // The app still works: the shell and the status bar are there after the barrage.
    await page.getByRole('heading', { name: 'Flow Lab', level: 1 }).waitFor();
    expect(await waitForBackend(page)).toMatch(/^Backend: /);
    // A round trip to the worker: whatever the barrage queued there has been handled.
    await computeMemory(page);
    await expectNoProblems();
  });

  it('8 hostile addresses as real page loads', async () => {
    const cases = queries(7, 8);
    const page = await openApp('/');
    for (const { search, invalid, rejected } of cases) {
      await page.goto(new URL(search, page.url()).href);
      const expected = invalidParamsMessage(invalid, rejected);
      const notice = page.locator('[aria-label="URL notice"] p');
      if (expected) expect(await notice.textContent()).toBe(expected);
      else expect(await notice.count()).toBe(0);
      await page.getByRole('heading', { name: 'Flow Lab', level: 1 }).waitFor();
    }
    await waitForBackend(page);
    await expectNoProblems();
  });
});
