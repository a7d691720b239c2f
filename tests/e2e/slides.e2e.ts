/**
 * Slide decks and long course notes: reveal.js (and Quarto's revealjs format) posts the plain
 * strings 'slide:stop' / 'slide:start' to the frames of a slide as it hides and shows. The
 * embedded lab stops training on 'slide:stop' and goes on after 'slide:start'; it also stops
 * while its frame is scrolled out of view, and never restarts what the user paused.
 * The host page here is a minimal stand-in for a deck: a frame, a tall page, postMessage.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CONFIG, appUrl, expectNoProblems, openApp } from './harness';
import { paceOf, quietFor, standsStill } from './stands-still';

const READY_TIMEOUT = 120_000;

/** A deck-like host: one lab frame at the top of a page three screens tall. */
function hostPage(): string {
  return `<!doctype html><title>Slides host</title>
    <body style="margin:0">
    <iframe id="lab" title="Flow Lab" style="width:900px;height:600px;border:0"
      src="./?embed=1&backend=wasm&layers=1&hidden=8&batch=64"></iframe>
    <div style="height:3000px"></div>
    <script>
      window.lastStep = 0;
      window.phase = '';
      addEventListener('message', (event) => {
        const data = event.data;
        if (data && data.type === 'flowlab:step') window.lastStep = data.step;
        if (data && data.type === 'flowlab:state') { window.phase = data.phase; window.lastStep = Math.max(window.lastStep, data.step); }
      });
      window.toLab = (message) => document.getElementById('lab').contentWindow.postMessage(message, '*');
    </script>`;
}

async function openHost(): Promise<Page> {
  const host = appUrl('/slides-host.html');
  const page = await openApp(host, {
    beforeLoad: (context) =>
      context.route(host, (route) =>
        route.fulfill({ contentType: 'text/html; charset=utf-8', body: hostPage() }),
      ),
  });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { phase: string }).phase), {
      timeout: READY_TIMEOUT,
      interval: 200,
    })
    .toBe('ready');
  return page;
}

const lastStep = (page: Page) =>
  page.evaluate(() => (window as unknown as { lastStep: number }).lastStep);
const post = (page: Page, message: unknown) =>
  page.evaluate((m) => (window as unknown as { toLab(m: unknown): void }).toLab(m), message);

/** Resolves once the step count has passed `beyond` (training is running). */
async function expectAdvancing(page: Page, beyond: number): Promise<number> {
  await expect
    .poll(() => lastStep(page), { timeout: 60_000, interval: 100 })
    .toBeGreaterThan(beyond);
  return lastStep(page);
}

/**
 * Training has stopped: the step count stands still for `quietMs` (the worker may first finish
 * the chunk it is on and send the paused frame; it must be still within 20 s).
 */
const expectStopped = (page: Page, quietMs: number): Promise<number> =>
  standsStill(page, () => lastStep(page), quietMs);

describe(`slides and scrolling ${CONFIG}`, () => {
  it("pauses while the frame is scrolled out of view and resumes when it is back; pauses training on 'slide:stop', resumes on 'slide:start', not after the user paused", async () => {
    // One host page for both ways of holding (they are independent holds of the same loop).
    const page = await openHost();
    await post(page, { type: 'flowlab:play' });
    await expectAdvancing(page, 0);
    // Three of its running frames (at least 1 s) without a step prove a stop.
    const quiet = quietFor(await paceOf(page, () => lastStep(page)));
    const running = await lastStep(page);
    await page.evaluate(() => window.scrollTo(0, 2000));
    const scrolledAt = await expectStopped(page, quiet);
    expect(scrolledAt).toBeGreaterThanOrEqual(running);
    await page.evaluate(() => window.scrollTo(0, 0));
    const back = await expectAdvancing(page, scrolledAt);

    await post(page, 'slide:stop');
    const stoppedAt = await expectStopped(page, quiet);
    expect(stoppedAt).toBeGreaterThanOrEqual(back);
    await post(page, 'slide:start');
    const resumed = await expectAdvancing(page, stoppedAt);
    // The user (here: the host's Pause) pauses; a slide change does not restart training.
    await post(page, { type: 'flowlab:pause' });
    const paused = await expectStopped(page, quiet);
    expect(paused).toBeGreaterThanOrEqual(resumed);
    await post(page, 'slide:stop');
    await post(page, 'slide:start');
    expect(await expectStopped(page, quiet)).toBe(paused);
    await expectNoProblems();
  });
});
