/**
 * The distillation panel in Chromium: the student trains against the frozen MAF teacher and
 * the KL curve falls; sampling is timed; the panel works embedded. Training pins WASM (software
 * WebGPU is far too slow to train a 5-layer flow in a test); one light test uses the automatic
 * backend.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CONFIG, expectNoProblems, openApp, waitForBackend } from './harness';

const WASM = '&backend=wasm';

/** The latest KL estimate shown under the KL curve. */
async function shownKl(page: Page): Promise<number> {
  return Number(await page.locator('[data-kl]').getAttribute('data-kl'));
}

async function waitForTeacher(page: Page): Promise<void> {
  await page.getByRole('img', { name: /^Teacher \(MAF\) density/ }).waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Train' }).waitFor({ timeout: 60_000 });
  await expect.poll(() => page.getByRole('button', { name: 'Train' }).isEnabled(), { timeout: 60_000 }).toBe(true);
}

describe(`distillation panel ${CONFIG}`, () => {
  it('trains the student and its KL(student‖teacher) curve falls; Pause stops it', async () => {
    const page = await openApp(`/?panel=distill&batch=256${WASM}`);
    await waitForBackend(page);
    await waitForTeacher(page);
    const initial = await shownKl(page);
    expect(initial).toBeGreaterThan(1);
    expect(await page.getByRole('checkbox', { name: /^Warm start/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Train' }).click();
    await page.getByText(/^Warm start: fitting the student to teacher samples/).waitFor({ timeout: 60_000 });
    await expect.poll(() => shownKl(page), { timeout: 120_000, interval: 500 }).toBeLessThan(0.6 * initial);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Train' }).waitFor({ timeout: 30_000 });
    const label = await page.getByRole('img', { name: /^KL curve:/ }).getAttribute('aria-label');
    expect(label).toMatch(/KL\(student ‖ teacher\) from [\d.]+ to [\d.]+ nats/);
    await page.getByRole('img', { name: /^Student held-out NLL/ }).waitFor();
    await expectNoProblems();
  }, 300_000);

  it('switches direction with the radio toggle, steps, and times teacher against student sampling', async () => {
    const page = await openApp(`/?panel=distill&batch=128${WASM}`);
    await waitForBackend(page);
    await waitForTeacher(page);
    await page.getByRole('checkbox', { name: /^Warm start/ }).uncheck();
    await expect.poll(() => page.url()).toMatch(/warm=(0|false)/);
    await page.getByRole('radio', { name: 'KL(teacher ‖ student)' }).check();
    await expect.poll(() => page.url()).toContain('kl=teacher-student');
    // The warm start belongs to KL(s‖t) only.
    expect(await page.getByRole('checkbox', { name: /^Warm start/ }).count()).toBe(0);
    await page.getByText(/Mass-covering/).waitFor();
    await waitForTeacher(page);
    await page.getByRole('button', { name: 'Step' }).click();
    await page.getByText('Step 10').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: /^Time .* samples$/ }).click();
    const speedup = page.locator('[data-speedup]');
    await speedup.waitFor({ timeout: 60_000 });
    expect(Number(await speedup.getAttribute('data-speedup'))).toBeGreaterThan(0);
    await page.getByText(/Teacher \(MAF, 10 passes\)/).waitFor();
    await page.getByText(/Student \(IAF, 8 passes\)/).waitFor();
    await expectNoProblems();
  }, 300_000);

  it('works embedded on the automatic backend', async () => {
    const page = await openApp('/?embed=1&panel=distill', { viewport: { width: 390, height: 844 } });
    await page.getByRole('heading', { name: /Distillation/ }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('heading', { level: 1, name: 'Flow Lab' }).count()).toBe(0);
    await page.getByRole('img', { name: /^Student \(IAF\) density/ }).waitFor({ timeout: 240_000 });
    await page.getByRole('radio', { name: 'KL(student ‖ teacher)' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await expectNoProblems();
  }, 300_000);
});
