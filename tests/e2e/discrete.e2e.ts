/**
 * The discrete-data panel in Chromium: a MAF fitted to lattice points drives its NLL below the
 * discrete entropy H(P), while the same MAF fitted to dequantized points stays above it (within
 * its Monte-Carlo error); the session stops and frees its tensors when the panel is left, and
 * the panel works embedded in an iframe-sized window.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CONFIG, computeMemory, expectNoProblems, openApp, waitForBackend } from './harness';

const WASM = '&backend=wasm';
const TRAIN_TIMEOUT = 240_000;

const numbers = (page: Page) => page.getByTestId('discrete-numbers');

async function shown(page: Page, what: string): Promise<number> {
  const text = await numbers(page).locator(`[data-value="${what}"]`).getAttribute('data-number');
  return Number(text);
}

async function step(page: Page): Promise<number> {
  return Number((await numbers(page).getAttribute('data-step')) ?? '0');
}

describe(`discrete-data panel ${CONFIG}`, () => {
  it(
    'the plain NLL falls below H(P) while the dequantized NLL stays above it; leaving the panel frees the models',
    async () => {
      const page = await openApp(`/?panel=discrete${WASM}`);
      expect(await waitForBackend(page)).toMatch(/^Backend: WASM/);
      const tab = page.getByRole('link', { name: /Discrete data/ });
      expect(await tab.getAttribute('aria-current')).toBe('page');
      await numbers(page).waitFor({ timeout: 60_000 });
      const entropy = await shown(page, 'entropy');
      // The exact entropy of the lattice pmf, as the unit tests compute it in float64.
      expect(entropy).toBeGreaterThan(2);
      expect(entropy).toBeLessThan(Math.log(49));
      expect(await numbers(page).textContent()).toContain(`${entropy.toFixed(3)} nats`);
      // Training runs by itself; wait until the plain fit is clearly below the floor.
      await expect
        .poll(async () => (await shown(page, 'plain')) < entropy - 0.3, {
          timeout: TRAIN_TIMEOUT,
          interval: 1000,
        })
        .toBe(true);
      const plain = await shown(page, 'plain');
      const dequantized = await shown(page, 'dequantized');
      const error = Number(
        await numbers(page).locator('[data-value="dequantized"]').getAttribute('data-error'),
      );
      const cross = await shown(page, 'cross-entropy');
      expect(plain).toBeLessThan(entropy);
      expect(await numbers(page).textContent()).toMatch(/below H\(P\): not a probability/);
      expect(error).toBeGreaterThan(0);
      expect(error).toBeLessThan(0.2);
      // Bounded below: E[−log p(x+u)] ≥ −Σ P log P̂ ≥ H(P), up to 3 standard errors.
      expect(dequantized + 3 * error).toBeGreaterThanOrEqual(entropy);
      expect(dequantized + 3 * error).toBeGreaterThanOrEqual(cross);
      expect(cross).toBeGreaterThanOrEqual(entropy - 1e-3);
      expect(await page.getByText(/a language model is autoregressive too/i).count()).toBe(1);
      expect(
        await page.getByRole('img', { name: /^NLL curves over \d+ steps: plain fit/ }).count(),
      ).toBe(1);

      // Leave the panel: the session is released, nothing trains, and the tensors go.
      const running = (await computeMemory(page)).numTensors;
      await page.getByRole('link', { name: /Cost vs dimension/ }).click();
      await expect
        .poll(async () => (await computeMemory(page)).numTensors, { timeout: 30_000 })
        .toBeLessThan(running);
      const after = (await computeMemory(page)).numTensors;
      await page.waitForTimeout(1500);
      expect((await computeMemory(page)).numTensors).toBe(after);
      // Back again: a fresh session from step 0.
      await page.getByRole('link', { name: /Discrete data/ }).click();
      await numbers(page).waitFor({ timeout: 60_000 });
      expect(await step(page)).toBeLessThan(400);
      await page.getByRole('button', { name: 'Pause' }).click();
      await expectNoProblems();
    },
    TRAIN_TIMEOUT + 120_000,
  );

  it('works embedded (?panel=discrete&embed=1) in a 640×420 window with the NLL chart in view', async () => {
    const page = await openApp(`/?panel=discrete&embed=1${WASM}`, {
      viewport: { width: 640, height: 420 },
    });
    // The panel's code arrives lazily: wait for its heading, then check the app's is absent.
    await page
      .getByRole('heading', { name: 'Discrete data: spikes and dequantization' })
      .waitFor({ timeout: 60_000 });
    expect(await page.getByRole('heading', { level: 1, name: 'Flow Lab' }).count()).toBe(0);
    const chart = page.getByRole('img', { name: /^NLL curves over \d+ steps/ });
    await chart.waitFor({ timeout: 120_000 });
    const box = await chart.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.width).toBeGreaterThan(250);
    expect(box!.height).toBeGreaterThan(100);
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(640);
    expect(box!.y + box!.height).toBeLessThanOrEqual(420);
    await expect.poll(async () => step(page), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expectNoProblems();
  });
});
