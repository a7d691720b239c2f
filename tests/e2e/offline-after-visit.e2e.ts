/**
 * Offline after the first visit, and never a white page.
 * - With the service worker: load once, go offline, reload: the app starts and trains.
 * - Without it (blocked, as in a sandboxed frame, or before it installed): offline after the
 *   first paint, the tour, the Distillation tab and a data-set change each show a notice with
 *   "Try again" (never a white page, never a panel broken for good), and everything loads
 *   by itself when the network is back.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CONFIG, allowProblems, expectNoProblems, openApp, waitForBackend } from './harness';

const modelDensity = (page: Page) => page.getByRole('img', { name: /^Model density for .*\d layers?\b/ });
/** Requests the offline browser could not make, and the errors it logs for them. */
const OFFLINE_PROBLEMS = /ERR_INTERNET_DISCONNECTED|Failed to load resource|request failed|Failed to fetch|preload CSS|dynamically imported module|ChunkLoadError/;

/** The page is not white: the header and the status bar are still there. */
async function expectShell(page: Page): Promise<void> {
  expect(await page.getByRole('heading', { name: 'Flow Lab', level: 1 }).isVisible()).toBe(true);
  expect(await page.getByRole('status').filter({ hasText: /^Backend:/ }).count()).toBe(1);
}

describe(`offline after the first visit ${CONFIG}`, () => {
  it('reloads offline from the service worker, starts and trains', async () => {
    const page = await openApp('/?backend=wasm', { serviceWorkers: 'allow' });
    expect(await waitForBackend(page)).toMatch(/^Backend: WASM/);
    await modelDensity(page).waitFor({ timeout: 120_000 });
    // The worker installed, precached the shell and took over the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 60_000,
    });
    // ...and kept the preset this visit fetched before it took over (fetched again through it).
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const cache = await caches.open('flowlab-presets');
            return (await cache.keys()).map((request) => new URL(request.url).pathname).sort();
          }),
        { timeout: 30_000 },
      )
      .toEqual(expect.arrayContaining(['/presets/8gaussians-maf.json', '/presets/index.json']));
    await page.context().setOffline(true);
    await page.reload();
    expect(await waitForBackend(page)).toMatch(/^Backend: WASM/);
    // The preset used on the first visit was kept: the lab opens on it, offline.
    await modelDensity(page).waitFor({ timeout: 120_000 });
    expect(await modelDensity(page).getAttribute('aria-label')).toMatch(/8gaussians, MAF/);
    await page.getByRole('button', { name: 'Train' }).click();
    await page.waitForFunction(
      () => /Step ([3-9]\d|\d{3,})/.test(document.querySelector('.loss-stats')?.textContent ?? ''),
      undefined,
      { timeout: 120_000 },
    );
    await page.getByRole('button', { name: 'Pause' }).click();
    await expectNoProblems();
  });

  it('without a service worker: tour, Distillation and a data-set change offline show notices, then load', async () => {
    allowProblems(OFFLINE_PROBLEMS);
    const page = await openApp('/?backend=wasm', { serviceWorkers: 'block' });
    await waitForBackend(page);
    await modelDensity(page).waitFor({ timeout: 120_000 });
    const context = page.context();
    await context.setOffline(true);

    // The tour card's code (and KaTeX's stylesheet) cannot be fetched.
    await page.getByRole('button', { name: 'Start tour' }).click();
    const tourNotice = page.getByRole('alert', { name: 'Guided tour not loaded' });
    await tourNotice.waitFor({ timeout: 30_000 });
    expect(await tourNotice.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    await expectShell(page);

    // The Distillation tab: a notice in the panel's place, not "stopped working".
    await page.getByRole('navigation', { name: 'Lecture panels' }).getByRole('link', { name: /Distillation/ }).click();
    const distillNotice = page.getByRole('alert', { name: 'Distillation not loaded' });
    await distillNotice.waitFor({ timeout: 30_000 });
    expect(await page.getByText(/stopped working/).count()).toBe(0);
    await expectShell(page);

    // Back online: both load by themselves (the `online` event), KaTeX styles included.
    await context.setOffline(false);
    await page.locator('.tour-card').waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { name: 'Distillation', level: 2 }).first().waitFor({ timeout: 60_000 });
    expect(await distillNotice.count()).toBe(0);
    const katexStyled = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.className = 'katex';
      document.body.append(probe);
      const styled = getComputedStyle(probe).textIndent === '0px' && getComputedStyle(probe).fontFamily.includes('KaTeX');
      probe.remove();
      return styled;
    });
    expect(katexStyled).toBe(true);

    // A data set whose preset was never fetched, chosen offline: the lab says so.
    await page.getByRole('button', { name: 'End tour' }).click();
    await page.getByRole('navigation', { name: 'Lecture panels' }).getByRole('link', { name: /Density lab/ }).click();
    await modelDensity(page).waitFor({ timeout: 120_000 });
    await context.setOffline(true);
    await page.getByLabel('Dataset').selectOption('moons');
    const presetNotice = page.getByRole('alert', { name: 'Not loaded' });
    await presetNotice.waitFor({ timeout: 30_000 });
    expect(await presetNotice.textContent()).toMatch(/pretrained MAF for moons could not be loaded.*fresh weights/);
    await context.setOffline(false);
    await presetNotice.waitFor({ state: 'detached', timeout: 60_000 });
    await page.getByRole('img', { name: /^Model density for moons, MAF/ }).waitFor({ timeout: 120_000 });
    await expectShell(page);
  });
});
