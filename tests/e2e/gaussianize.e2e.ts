/**
 * The Gaussianization panel in the real browser: every stage draws (1-D histograms, Q–Q plot,
 * the animated cloud, the Gaussianity chart, samples pushed back, density heatmaps, the copula);
 * stepping iterations adds points to the chart; the bandwidth slider refits the 1-D stages;
 * the panel works embedded and on a phone-sized screen, without a console error.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CONFIG, expectNoProblems, openApp } from './harness';

/** Software WebGPU is slow, and the worker starts cold; answers usually take a second or two. */
const WORKER_TIMEOUT_MS = 150_000;

/** Opaque pixels drawn on the canvas (its backing store). */
async function drawnPixels(page: Page, selector: string, index = 0): Promise<number> {
  return page
    .locator(selector)
    .nth(index)
    .evaluate((element) => {
      const canvas = element as HTMLCanvasElement;
      const ctx = canvas.getContext('2d');
      if (!ctx || canvas.width === 0 || canvas.height === 0) return 0;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count++;
      return count;
    });
}

async function waitForAttribute(
  page: Page,
  selector: string,
  name: string,
  value: string | RegExp,
) {
  await page.waitForFunction(
    ([sel, attr, expected, isRegExp]) => {
      const v = document.querySelector(sel)?.getAttribute(attr) ?? '';
      return isRegExp ? new RegExp(expected).test(v) : v === expected;
    },
    [
      selector,
      name,
      typeof value === 'string' ? value : value.source,
      typeof value !== 'string',
    ] as const,
    { timeout: WORKER_TIMEOUT_MS },
  );
}

const chart = '[data-iteration]';

describe(`Gaussianization panel ${CONFIG}`, () => {
  it('draws every stage; stepping iterations updates the chart; the bandwidth refits', async () => {
    const page = await openApp('/?panel=gaussianize&backend=wasm&dataset=moons');
    await waitForAttribute(page, '.gauss-stages', 'data-ks', /^0\.\d+$/);
    const stages = page.locator('.gauss-stage-canvas');
    expect(await stages.count()).toBe(5);
    for (let i = 0; i < 5; i++)
      expect(await drawnPixels(page, '.gauss-stage-canvas', i)).toBeGreaterThan(200);
    await expect
      .poll(() => page.getByRole('img', { name: /Kolmogorov–Smirnov distance 0\.\d{3}/ }).count())
      .toBe(1);

    // The bandwidth slider refits the 1-D stages.
    const ksBefore = await page.locator('.gauss-stages').getAttribute('data-ks');
    await page.getByRole('slider', { name: /Bandwidth/ }).fill('2');
    await page.waitForFunction(
      (before) => {
        const v = document.querySelector('.gauss-stages')?.getAttribute('data-ks');
        return v && v !== before;
      },
      ksBefore,
      { timeout: WORKER_TIMEOUT_MS },
    );
    expect(page.url()).toContain('bw=2');

    // Iteration 0, then step: the chart gains a point per iteration and states the measure.
    await waitForAttribute(page, chart, 'data-iteration', '0');
    const kl0 = Number(await page.locator(chart).getAttribute('data-kl'));
    expect(kl0).toBeGreaterThan(0.3);
    const next = page.getByRole('button', { name: 'Next iteration' });
    await next.click();
    await waitForAttribute(page, chart, 'data-iteration', '1');
    expect(await page.locator(chart).getAttribute('data-points')).toBe('2');
    await next.click();
    await next.click();
    await waitForAttribute(page, chart, 'data-iteration', '3');
    expect(await page.locator(chart).getAttribute('data-points')).toBe('4');
    const kl3 = Number(await page.locator(chart).getAttribute('data-kl'));
    expect(kl3).toBeLessThan(kl0);
    await expect
      .poll(() => page.locator('.gauss-measure').textContent())
      .toMatch(/^Iteration 3: KL ≈ -?\d\.\d{3} nats/);
    expect(await drawnPixels(page, '.gauss-chart')).toBeGreaterThan(200);
    expect(await drawnPixels(page, '.gauss-square', 0)).toBeGreaterThan(100);

    // Back again and the copula: samples and density heatmaps for the shown iteration.
    await waitForAttribute(page, '[data-back-iteration]', 'data-back-iteration', '3');
    await waitForAttribute(page, '[data-copula-nll]', 'data-copula-nll', /^\d+\.\d+$/);
    const squares = await page.locator('.gauss-square').count();
    expect(squares).toBe(7);
    for (let i = 0; i < squares; i++)
      expect(await drawnPixels(page, '.gauss-square', i), `plot ${i}`).toBeGreaterThan(100);
    await expect.poll(() => page.getByText(/Deep flow \(MAF preset/).count()).toBe(1);
    expect(await page.locator('.gauss-table').textContent()).toMatch(/nats.*nats.*nats/s);

    // Play runs on by itself; Pause stops it.
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForAttribute(page, chart, 'data-iteration', '5');
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(page.url()).toMatch(/iter=\d+/);
    await expectNoProblems();
  });

  it('works embedded (`?embed=1&panel=gaussianize`) on a phone-sized screen', async () => {
    const page = await openApp('/?embed=1&panel=gaussianize&g1d=bimodal&cdf=empirical', {
      viewport: { width: 390, height: 800 },
    });
    await expect.poll(() => page.locator('.shell-header').count()).toBe(0);
    await waitForAttribute(page, '.gauss-stages', 'data-ks', /^0\.\d+$/);
    for (let i = 0; i < 5; i++)
      expect(await drawnPixels(page, '.gauss-stage-canvas', i)).toBeGreaterThan(100);
    await waitForAttribute(page, chart, 'data-iteration', '0');
    // With reduced motion the points jump straight to the rotated cloud.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.getByRole('button', { name: 'Next iteration' }).focus();
    await page.keyboard.press('Enter');
    await waitForAttribute(page, chart, 'data-iteration', '1');
    expect(await page.getByText('Points at iteration 1').textContent()).toContain('(rotation)');
    // nothing wider than the phone's screen
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(1);
    await expectNoProblems();
  });
});
