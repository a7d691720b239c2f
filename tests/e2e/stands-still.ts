/** A readiness wait shared by the slide-hold browser tests: a progress counter has stopped. */
import type { Page } from 'playwright-core';

/**
 * Reads `read` every 100 ms until the value has stood still for `quietMs` since its last
 * change; fails if it is still changing after `withinMs`. Returns where it stopped.
 *
 * The quiet period is what proves "stopped": pick it as several of the counter's steps while
 * running (a held loop may still finish the chunk it is on; that last change restarts the
 * quiet period rather than failing). The period is measured from the last change seen, so no
 * fixed wait is added on top of it.
 */
export async function standsStill(
  page: Page,
  read: () => Promise<number>,
  quietMs: number,
  withinMs = 20_000,
): Promise<number> {
  const deadline = Date.now() + withinMs;
  let last = await read();
  let since = Date.now();
  for (;;) {
    await page.waitForTimeout(100);
    const now = await read();
    if (now !== last) {
      if (Date.now() > deadline) throw new Error(`still advancing at ${now}`);
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return last;
    }
  }
}

/**
 * The pace of a running counter: reads it every 50 ms until it has changed `changes + 1`
 * times and returns the longest time between two consecutive changes (ms). A quiet period of
 * a few of these proves a stop on this machine at its present load, where a fixed period
 * would be too long on a quiet machine or too short on a busy one.
 */
export async function paceOf(
  page: Page,
  read: () => Promise<number>,
  changes = 2,
): Promise<number> {
  let last = await read();
  const seen: number[] = [];
  while (seen.length < changes + 1) {
    await page.waitForTimeout(50);
    const now = await read();
    if (now !== last) {
      seen.push(Date.now());
      last = now;
    }
  }
  return Math.max(...seen.slice(1).map((time, i) => time - seen[i]));
}

/**
 * A quiet period that proves a stop: three of the counter's slowest running steps seen by
 * `paceOf`, at least `floorMs`.
 */
export const quietFor = (paceMs: number, floorMs = 1000): number => Math.max(floorMs, 3 * paceMs);
