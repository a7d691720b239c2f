/** The harness itself: each kind of browser problem is caught, so no test passes by silence. */
import { describe, expect, it } from 'vitest';
import { CONFIG, allowProblems, openApp, recordedProblems, waitForBackend } from './harness';

describe(`test harness ${CONFIG}`, () => {
  it('records console errors, page and worker errors, and foreign requests from page and worker', async () => {
    allowProblems(/harness-probe/, /other\.invalid/);
    const page = await openApp('/');
    await waitForBackend(page);
    await page.evaluate(async () => {
      console.error('harness-probe: page console');
      setTimeout(() => {
        throw new Error('harness-probe: page throw');
      });
      const source = `console.error('harness-probe: worker console');
        fetch('http://worker.other.invalid/data.json').catch(() => {});
        setTimeout(() => { throw new Error('harness-probe: worker throw'); });`;
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      new Worker(url);
      const blocked = await fetch('http://other.invalid/data.json').then(
        () => 'reached',
        () => 'blocked',
      );
      if (blocked !== 'blocked') throw new Error('foreign request was not blocked');
    });
    // Each kind arrives on its own channel and in no fixed order (a worker's uncaught error can
    // come after the blocked request's console line): wait for every one, not for a count.
    const expected = [
      'console error: harness-probe: page console',
      'worker console error: harness-probe: worker console',
      'uncaught error: harness-probe: page throw',
      'uncaught error: harness-probe: worker throw',
      'request to another origin: http://other.invalid/data.json',
      'request to another origin: http://worker.other.invalid/data.json',
    ];
    for (const line of expected) {
      await expect.poll(() => recordedProblems().join('\n')).toContain(line);
    }
  });
});
