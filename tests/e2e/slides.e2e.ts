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

const READY_TIMEOUT = 120_000;
/** Long enough for several training frames at the worker's frame rate (≈ 10 a second). */
const QUIET_MS = 1500;

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
  await expect.poll(() => lastStep(page), { timeout: 60_000, interval: 100 }).toBeGreaterThan(beyond);
  return lastStep(page);
}

/**
 * Training has stopped: the step count settles (the worker finishes the chunk it is on and
 * sends the paused frame) within 20 s, then stays where it is for QUIET_MS more.
 */
async function expectStopped(page: Page): Promise<number> {
  const deadline = Date.now() + 20_000;
  let settled = await lastStep(page);
  for (;;) {
    await page.waitForTimeout(1000);
    const now = await lastStep(page);
    if (now === settled) break;
    settled = now;
    if (Date.now() > deadline) throw new Error(`training did not stop (step ${now})`);
  }
  await page.waitForTimeout(QUIET_MS);
  expect(await lastStep(page)).toBe(settled);
  return settled;
}

describe(`slides and scrolling ${CONFIG}`, () => {
  it("pauses training on 'slide:stop', resumes on 'slide:start', not after the user paused", async () => {
    const page = await openHost();
    await post(page, { type: 'flowlab:play' });
    const running = await expectAdvancing(page, 0);
    await post(page, 'slide:stop');
    const stoppedAt = await expectStopped(page);
    expect(stoppedAt).toBeGreaterThanOrEqual(running);
    await post(page, 'slide:start');
    const resumed = await expectAdvancing(page, stoppedAt);
    // The user (here: the host's Pause) pauses; a slide change does not restart training.
    await post(page, { type: 'flowlab:pause' });
    const paused = await expectStopped(page);
    expect(paused).toBeGreaterThanOrEqual(resumed);
    await post(page, 'slide:stop');
    await post(page, 'slide:start');
    expect(await expectStopped(page)).toBe(paused);
    await expectNoProblems();
  });

  it('pauses while the frame is scrolled out of view and resumes when it is back', async () => {
    const page = await openHost();
    await post(page, { type: 'flowlab:play' });
    const running = await expectAdvancing(page, 0);
    await page.evaluate(() => window.scrollTo(0, 2000));
    const stoppedAt = await expectStopped(page);
    expect(stoppedAt).toBeGreaterThanOrEqual(running);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectAdvancing(page, stoppedAt);
    await expectNoProblems();
  });
});
