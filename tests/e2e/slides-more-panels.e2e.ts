/**
 * The page holds reach the remaining panels (slides.e2e.ts: the density lab;
 * slides-panels.e2e.ts: discrete data and the masked convolution): the stepper's playback
 * (steps), the distillation's training, a running cost measurement and the Gaussianization
 * stack's play. One deck-like host page with the four panels embedded; 'slide:stop' posted
 * by the host holds all four and 'slide:start' lets them go on; scrolling the frames out of
 * view holds them too, and scrolling back resumes everything but what the user paused.
 * Each panel's progress is read inside its frame: the stepper's pass counter, the
 * distillation's step, the cost lab's status line, the stack's iteration. One host page serves
 * both ways of holding (the stepper starts over in between, so that it has steps left to hold);
 * the three counters are watched together.
 */
import { describe, expect, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import { CONFIG, appUrl, expectNoProblems, openApp } from './harness';
import { standsStill } from './stands-still';

const READY_TIMEOUT = 150_000;

/** Four 640×420 frames in a 2×2 grid, then a page three screens tall below them. */
function hostPage(): string {
  const frame = (panel: string, extra = '') =>
    `<iframe id="${panel}" title="${panel}" style="width:640px;height:420px;border:0" src="./?embed=1&backend=wasm&panel=${panel}${extra}"></iframe>`;
  return `<!doctype html><title>Slides host</title><body style="margin:0">
    <div style="display:grid;grid-template-columns:640px 640px;gap:4px">
    ${frame('steps', '&dim=8')}${frame('distill')}${frame('cost')}${frame('gaussianize')}
    </div>
    <div style="height:3000px"></div>
    <script>
      window.toFrames = (message) => {
        for (const f of document.querySelectorAll('iframe')) f.contentWindow.postMessage(message, '*');
      };
    </script>`;
}

async function openHost(name: string): Promise<Page> {
  const host = appUrl(`/${name}.html`);
  return openApp(host, {
    viewport: { width: 1300, height: 860 },
    beforeLoad: (context) =>
      context.route(host, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: hostPage() })),
  });
}

interface Panels {
  steps: FrameLocator;
  distill: FrameLocator;
  cost: FrameLocator;
  gauss: FrameLocator;
}

const firstNumber = (text: string | null, pattern: RegExp): number => {
  const match = pattern.exec(text ?? '');
  if (!match) throw new Error(`no number in "${text}"`);
  return Number(match[1].replace(/,/g, ''));
};
/** Network passes done in the stepper's layer (0 … D). */
const stepsAt = (p: Panels) =>
  p.steps.getByTestId('pass-counter').textContent().then((t) => firstNumber(t, /passes: (\d+)/));
/** The distillation's training step. */
const distillAt = (p: Panels) =>
  p.distill.locator('.loss-stats span').first().textContent().then((t) => firstNumber(t, /Step ([\d,]+)/));
/** The stack's iteration. */
const gaussAt = (p: Panels) => p.gauss.locator('[data-iteration]').getAttribute('data-iteration').then(Number);
/** The cost lab's status line. */
const costStatus = (p: Panels) => p.cost.locator('.cost-status').textContent().then((t) => t ?? '');

/** Starts every panel's activity and waits until each one has moved. */
async function startAll(page: Page): Promise<Panels> {
  const p: Panels = {
    steps: page.frameLocator('#steps'),
    distill: page.frameLocator('#distill'),
    cost: page.frameLocator('#cost'),
    gauss: page.frameLocator('#gaussianize'),
  };
  const enabled = (frame: FrameLocator, name: string) =>
    expect
      .poll(() => frame.getByRole('button', { name, exact: true }).isEnabled(), { timeout: READY_TIMEOUT })
      .toBe(true);
  await enabled(p.distill, 'Train');
  await enabled(p.cost, 'Run');
  await p.gauss.locator('[data-iteration="0"]').waitFor({ timeout: READY_TIMEOUT });
  await enabled(p.steps, 'Play');
  // The slow starters first, so that the stepper's eight steps are not over before the hold.
  // Every dimension: the measurement runs long enough to be caught running.
  for (const d of ['32', '64']) await p.cost.getByRole('checkbox', { name: d, exact: true }).check();
  await p.cost.getByRole('button', { name: 'Run', exact: true }).click();
  await p.distill.getByRole('button', { name: 'Train', exact: true }).click();
  await p.gauss.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => costStatus(p), { timeout: 60_000 }).toMatch(/^Measuring: [1-9]/);
  const distillFrom = await distillAt(p).catch(() => 0);
  await expect.poll(() => distillAt(p).catch(() => 0), { timeout: 60_000 }).toBeGreaterThan(distillFrom);
  await expect.poll(() => gaussAt(p), { timeout: 60_000 }).toBeGreaterThan(0);
  await p.steps.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => stepsAt(p), { timeout: 30_000 }).toBeGreaterThan(0);
  return p;
}

/**
 * The counter stands still for 3 s since its last change, within 20 s; returns where it stopped.
 * A held loop may still deliver the chunk it was on, and on a busy machine that frame can come
 * more than a second after the one before (a counter still for 1 s, then up by 3, was seen with
 * both browser passes at once): such a change restarts the 3 s instead of failing.
 */
const settles = (page: Page, read: () => Promise<number>): Promise<number> => standsStill(page, read, 3000);

interface Held {
  steps: number;
  distill: number;
  gauss: number;
}

/** Every panel is held: the counters stand still and the measurement was cancelled. */
async function expectAllHeld(page: Page, p: Panels): Promise<Held> {
  await expect.poll(() => costStatus(p), { timeout: 30_000 }).toMatch(/^Cancelled after \d+ measurements/);
  const [steps, distill, gauss] = await Promise.all([
    settles(page, () => stepsAt(p)),
    settles(page, () => distillAt(p)),
    settles(page, () => gaussAt(p)),
  ]);
  const held = { steps, distill, gauss };
  // Held, not finished: the stepper and the stack have steps left.
  expect(held.steps).toBeLessThan(8);
  expect(held.gauss).toBeLessThan(30);
  expect(await costStatus(p)).toMatch(/^Cancelled after/);
  return held;
}

/** Every panel goes on from where it was held; the measurement runs again. */
async function expectAllResumed(p: Panels, held: Held): Promise<void> {
  await expect.poll(() => costStatus(p), { timeout: 60_000 }).toMatch(/^Measuring:/);
  await expect.poll(() => stepsAt(p), { timeout: 30_000 }).toBeGreaterThan(held.steps);
  await expect.poll(() => distillAt(p), { timeout: 60_000 }).toBeGreaterThan(held.distill);
  await expect.poll(() => gaussAt(p), { timeout: 60_000 }).toBeGreaterThan(held.gauss);
}

const post = (page: Page, message: string) =>
  page.evaluate((m) => (window as unknown as { toFrames(m: string): void }).toFrames(m), message);

describe(`slides reach the stepper, distillation, cost and Gaussianization panels ${CONFIG}`, () => {
  it("playback, training, a measurement and the stack's play stop on 'slide:stop' and go on after 'slide:start'; scrolled out of view they stop, back in view they go on, except what the user paused", async () => {
    const page = await openHost('slides-more-host');
    const p = await startAll(page);
    await post(page, 'slide:stop');
    const held = await expectAllHeld(page, p);
    await post(page, 'slide:start');
    await expectAllResumed(p, held);

    // The stepper starts over, so that it is still playing (not at its end) when scrolled away.
    await p.steps.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(() => stepsAt(p), { timeout: 30_000 }).toBe(0);
    await p.steps.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => stepsAt(p), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.evaluate(() => window.scrollTo(0, 2500));
    const scrolled = await expectAllHeld(page, p);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectAllResumed(p, scrolled);

    // The user pauses the distillation's training; scrolling away and back leaves it paused.
    await p.distill.getByRole('button', { name: 'Pause', exact: true }).click();
    const paused = await settles(page, () => distillAt(p));
    await page.evaluate(() => window.scrollTo(0, 2500));
    await expect.poll(() => costStatus(p), { timeout: 30_000 }).toMatch(/^Cancelled after/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => costStatus(p), { timeout: 60_000 }).toMatch(/^Measuring:/);
    expect(await settles(page, () => distillAt(p))).toBe(paused);
    expect(await p.distill.getByRole('button', { name: 'Train', exact: true }).isEnabled()).toBe(true);
    await expectNoProblems();
  }, 600_000);
});
