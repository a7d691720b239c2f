/**
 * Issue #11 in a real browser: a learning rate that blows up never shows NaN and one click
 * resets; a hidden tab pauses compute; a 320-px window and back loses nothing; a lost WebGPU
 * device moves the app to the next backend with its settings and trained weights.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FlowlabHook } from '../../src/app/compute-client';
import { CONFIG, WEBGPU, expectNoProblems, openApp, waitForBackend } from './harness';

type HookWindow = Window & { __flowlab?: FlowlabHook };
const modelDensity = (page: Page) => page.getByRole('img', { name: /^Model density for .*\d layers?\b/ });
const trainButton = (page: Page) => page.getByRole('group', { name: 'Training' }).getByRole('button').first();
const PROBE_POINTS = [0, 0, 1, 0.5, -1.5, 2, 2.5, -2, -0.3, -1];

async function labStep(page: Page): Promise<number> {
  const text = (await page.getByText(/^Step [\d,]+$/).first().textContent()) ?? '';
  return Number(text.replace(/[^0-9]/g, ''));
}

async function logProbs(page: Page): Promise<number[]> {
  return page.evaluate(async (flat) => {
    const hook = (window as HookWindow).__flowlab!;
    return Array.from(await hook.compute.labLogProb(new Float32Array(flat)));
  }, PROBE_POINTS);
}

async function waitForIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const button = document.querySelector<HTMLButtonElement>('[aria-label="Training"] button');
    return !!button && !button.disabled && button.textContent === 'Train';
  });
}

describe(`reliability ${CONFIG}`, () => {
  it('a learning rate of 1 never shows NaN, keeps a model, and one click resets to the preset', async () => {
    const page = await openApp('/?backend=wasm&lr=1');
    await modelDensity(page).waitFor({ timeout: 60_000 });
    await trainButton(page).click();
    // Either it keeps training (the clipped, bounded steps stay finite) or a step goes
    // non-finite: then that step is rejected and training pauses by itself with a message.
    await page.waitForFunction(
      () => {
        const label = [...document.querySelectorAll('span')].find((s) => /^Step [\d,]+$/.test(s.textContent ?? ''));
        const steps = label ? Number(label.textContent!.replace(/[^0-9]/g, '')) : 0;
        const button = document.querySelector('[aria-label="Training"] button');
        return steps >= 150 || (steps > 0 && button?.textContent === 'Train');
      },
      null,
      { timeout: 120_000 },
    );
    const selfPaused = (await trainButton(page).textContent()) === 'Train';
    if (selfPaused) {
      await page.getByText(/^Training paused: a step gave a non-finite loss/).waitFor();
    } else {
      await trainButton(page).click();
    }
    await waitForIdle(page);
    const frame = await page.evaluate(async () => {
      const f = await (window as HookWindow).__flowlab!.compute.labFrame();
      return {
        nanPixels: Array.from(f.logDensity).filter(Number.isNaN).length,
        nanSamples: Array.from(f.modelSamples).filter((v) => !Number.isFinite(v)).length,
        heldOutNll: f.heldOutNll,
      };
    });
    expect(frame.nanPixels).toBe(0);
    expect(frame.nanSamples).toBe(0);
    expect(Number.isNaN(frame.heldOutNll)).toBe(false);
    expect(await modelDensity(page).getAttribute('aria-label')).not.toMatch(/NaN/);
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByText('Showing a pretrained preset').waitFor({ timeout: 60_000 });
    expect(await labStep(page)).toBe(0);
    await expectNoProblems();
  });

  it('a hidden tab pauses training and a shown one resumes it', async () => {
    const page = await openApp('/?backend=wasm');
    await modelDensity(page).waitFor({ timeout: 60_000 });
    await trainButton(page).click();
    await page.getByText(/^Step [1-9][\d,]*$/).first().waitFor({ timeout: 60_000 });
    const setHidden = (hidden: boolean) =>
      page.evaluate((h) => {
        Object.defineProperty(document, 'visibilityState', { value: h ? 'hidden' : 'visible', configurable: true });
        Object.defineProperty(document, 'hidden', { value: h, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);
    await setHidden(true);
    await waitForIdle(page);
    const pausedAt = await labStep(page);
    // The worker's training loop has ended (not just the button): its frame says so, at the shown step.
    const frame = await page.evaluate(async () => {
      const f = await (window as HookWindow).__flowlab!.compute.labFrame();
      return { training: f.training, step: f.step };
    });
    expect(frame).toEqual({ training: false, step: pausedAt });
    await setHidden(false);
    await page.waitForFunction(() => document.querySelector('[aria-label="Training"] button')?.textContent === 'Pause');
    await page.waitForFunction(
      (from) => {
        const label = [...document.querySelectorAll('span')].find((s) => /^Step [\d,]+$/.test(s.textContent ?? ''));
        return !!label && Number(label.textContent!.replace(/[^0-9]/g, '')) > from;
      },
      pausedAt,
      { timeout: 60_000 },
    );
    await trainButton(page).click();
    await expectNoProblems();
  });

  it('a 320-px window and back loses no setting and no training', async () => {
    const page = await openApp('/?backend=wasm&dataset=moons&seed=4&flow=iaf');
    await modelDensity(page).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Step' }).click();
    await page.getByText(/^Step 1$/).first().waitFor({ timeout: 60_000 });
    const url = page.url();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.waitForFunction(() => window.innerWidth === 320);
    expect(await trainButton(page).isVisible()).toBe(true);
    const box = await trainButton(page).boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 320).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForFunction(() => window.innerWidth === 1280);
    expect(page.url()).toBe(url);
    expect(await labStep(page)).toBe(1);
    expect(await page.getByLabel('Dataset').inputValue()).toBe('moons');
    expect(await page.getByRole('radio', { name: 'IAF' }).isChecked()).toBe(true);
    expect(await modelDensity(page).isVisible()).toBe(true);
    await expectNoProblems();
  });

  it.runIf(WEBGPU)(
    'a lost WebGPU device moves the app to the next backend, keeping settings and trained weights',
    { tags: ['webgpu'], timeout: 600_000 },
    async () => {
      // A small flow: software WebGPU compiles every kernel on first use.
      const page = await openApp('/?backend=webgpu&dataset=moons&layers=1&hidden=8&seed=3');
      expect(await waitForBackend(page)).toBe('Backend: WebGPU');
      await modelDensity(page).waitFor({ timeout: 300_000 });
      await page.getByRole('button', { name: 'Step' }).click();
      await page.getByText(/^Step 1$/).first().waitFor({ timeout: 300_000 });
      await waitForIdle(page);
      const before = await logProbs(page);
      const url = page.url();
      expect(await page.evaluate(() => (window as HookWindow).__flowlab!.compute.loseDeviceForTesting())).toBe(true);
      await page.getByRole('status').filter({ hasText: /^Backend: WASM/ }).waitFor({ timeout: 120_000 });
      await expect(page.getByRole('region', { name: 'Backend notice' }).textContent()).resolves.toContain(
        'The WebGPU device was lost',
      );
      await page.getByText(/^Moved to WASM: the model continues/).waitFor({ timeout: 60_000 });
      const after = await logProbs(page);
      for (let k = 0; k < before.length; k++) expect(Math.abs(after[k]! - before[k]!)).toBeLessThan(1e-3);
      expect(page.url()).toBe(url);
      expect(await labStep(page)).toBe(1);
      await waitForIdle(page);
      await page.getByRole('button', { name: 'Step' }).click();
      await page.getByText(/^Step 2$/).first().waitFor({ timeout: 60_000 });
      await expectNoProblems();
    },
  );
});
