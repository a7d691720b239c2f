/** The density lab (issue #4): URL state, the Flow switch, drawing, embed mode. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FlowlabHook } from '../../src/app/compute-client';
import { CONFIG, appUrl, expectNoProblems, openApp, waitForBackend } from './harness';

/** The live model's density (the preset's precomputed preview, shown before it, names no layer count). */
const modelDensity = (page: Page) => page.getByRole('img', { name: /^Model density for .*\d layers?\b/ });

/** Mean log-density of points [n·2] under the worker's current model. */
function meanLogProb(page: Page, points: number[]): Promise<number> {
  return page.evaluate(async (flat) => {
    const hook = (window as Window & { __flowlab?: FlowlabHook }).__flowlab;
    if (!hook) throw new Error('compute worker not ready');
    const logp = await hook.compute.labLogProb(new Float32Array(flat));
    return logp.reduce((sum, v) => sum + v, 0) / logp.length;
  }, points);
}

describe(`density lab ${CONFIG}`, () => {
  it('opens on a fitted preset and names the backend', async () => {
    const page = await openApp('/');
    expect(await waitForBackend(page)).toMatch(/^Backend: (WebGPU|WebGL|WASM|CPU)/);
    const started = Date.now();
    await modelDensity(page).waitFor({ timeout: 30_000 });
    console.log(`first model frame ${Date.now() - started} ms after the backend was ready`);
    expect(await modelDensity(page).getAttribute('aria-label')).toMatch(
      /^Model density for 8gaussians, MAF, 12 layers, NLL \d/,
    );
    expect(await page.getByText('Showing a pretrained preset').count()).toBe(1);
    await expectNoProblems();
  });

  it('draws the preset’s precomputed density before the worker is up, then the live model’s', async () => {
    // Hold the compute worker's script back until the preview is seen, so the page runs
    // without a worker meanwhile.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const page = await openApp('/?dataset=moons', {
      beforeLoad: (context) =>
        context.route(/\/assets\/worker-[\w-]{8}\.js$/, async (route) => {
          await held;
          await route.continue();
        }),
    });
    const preview = page.getByRole('img', { name: /^Model density for moons, MAF preset \(precomputed/ });
    await preview.waitFor({ timeout: 30_000 });
    expect(await page.getByRole('status').filter({ hasText: /^Backend: starting/ }).count()).toBe(1);
    release();
    await modelDensity(page).waitFor({ timeout: 60_000 });
    expect(await modelDensity(page).getAttribute('aria-label')).toMatch(/^Model density for moons, MAF, 12 layers, NLL \d/);
    expect(await preview.count()).toBe(0);
    await expectNoProblems();
  });

  it('puts the Flow choice in the URL and restores it, the data set and the seed on reload', async () => {
    const page = await openApp('/?dataset=moons&seed=7');
    await modelDensity(page).waitFor({ timeout: 60_000 });
    const flow = page.getByRole('radiogroup', { name: 'Flow' });
    await flow.getByRole('radio', { name: 'MAF' }).focus();
    await page.keyboard.press('ArrowRight'); // keyboard-operable radio group
    expect(await flow.getByRole('radio', { name: 'IAF' }).isChecked()).toBe(true);
    await page.waitForURL(/flow=iaf/);
    expect(new URL(page.url()).search).toBe('?flow=iaf&dataset=moons&seed=7');
    await page.reload();
    await page
      .getByRole('img', { name: /^Model density for moons, IAF/ })
      .waitFor({ timeout: 60_000 });
    expect(await page.getByRole('radio', { name: 'IAF' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Dataset').inputValue()).toBe('moons');
    expect(await page.getByLabel('Seed').inputValue()).toBe('7');
    await expectNoProblems();
  });

  it('fits a drawn cluster: the mean log-density of the drawn points rises', async () => {
    const page = await openApp('/?dataset=drawn');
    await waitForBackend(page);
    await page.getByText('Draw some points on the plot').waitFor({ timeout: 30_000 });
    const surface = page.getByRole('img', { name: /Click or drag here to add points/ });
    const box = (await surface.boundingBox())!;
    // The drawing view is [−4, 4]²: (0.75, 0.25) of the box is the data point (2, 2).
    const x = box.x + 0.75 * box.width;
    const y = box.y + 0.25 * box.height;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 4, y + 4, { steps: 4 });
    await page.mouse.up();
    await modelDensity(page).waitFor({ timeout: 60_000 });
    const cluster = [2, 2, 2.1, 2.05, 1.95, 1.9, 2.05, 1.95];
    const before = await meanLogProb(page, cluster);
    await page.getByRole('button', { name: 'Train' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await page.waitForFunction(
      () => /Step ([3-9]\d|\d{3,})/.test(document.querySelector('.loss-stats')?.textContent ?? ''),
      undefined,
      { timeout: 120_000 },
    );
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Train' }).waitFor();
    const after = await meanLogProb(page, cluster);
    expect(after).toBeGreaterThan(before + 1);
    await expectNoProblems();
  });

  /** The shown "KL(q‖p) ≈ v ± se nats", as numbers. */
  async function shownKl(page: Page): Promise<{ value: number; error: number }> {
    const text = (await page.locator('.kl-gap').textContent()) ?? '';
    const match = /KL\(q‖p\) ≈ (-?\d+\.\d+) ± (\d+\.\d+) nats/.exec(text);
    if (!match) throw new Error(`no KL estimate on screen: "${text}"`);
    return { value: Number(match[1]), error: Number(match[2]) };
  }

  it('energy target + IAF: the preset shows KL(q‖p) ≥ 0 within its error, and how log Z was computed', async () => {
    const page = await openApp('/?dataset=u2&flow=iaf');
    await modelDensity(page).waitFor({ timeout: 60_000 });
    await page.locator('.kl-gap').filter({ hasText: 'KL(q‖p) ≈' }).waitFor({ timeout: 60_000 });
    const kl = await shownKl(page);
    // ± one standard error; the figures are rounded to 0.01 (hence the 0.005)
    expect(kl.value).toBeGreaterThanOrEqual(-2 * kl.error - 0.005);
    expect(kl.value).toBeLessThan(0.5); // a trained preset is close to the target
    expect(kl.error).toBeLessThan(0.1);
    expect(await page.getByText(/Monte Carlo, 4,096 samples/).count()).toBe(1);
    expect(
      await page.getByText(/log Z = \d\.\d{3} by quadrature \(midpoint rule, float64\) on a 576×576 grid over \[−4\.5, 4\.5\]²/).count(),
    ).toBe(1);
    expect(await page.getByText(/E_?q?\[log q \+ U\] \+ log Z|Eq\[log q \+ U\] \+ log Z/).count()).toBeGreaterThan(0);
    expect(await page.getByText('KL(q‖p) estimate (nats) per step').count()).toBe(1);
    await expectNoProblems();
  });

  it('energy target + IAF from fresh weights: the shown KL(q‖p) falls toward 0 and never below −2 se', async () => {
    // 5 layers of 2×32 have no preset (the presets have the default 12): the model starts fresh.
    const page = await openApp('/?dataset=u1&flow=iaf&layers=5');
    await modelDensity(page).waitFor({ timeout: 60_000 });
    await page.locator('.kl-gap').filter({ hasText: 'KL(q‖p) ≈' }).waitFor({ timeout: 60_000 });
    const fresh = await shownKl(page);
    expect(fresh.value).toBeGreaterThan(0.5);
    await page.getByRole('button', { name: 'Train' }).click();
    await expect
      .poll(async () => (await shownKl(page)).value, { timeout: 150_000, interval: 1000 })
      .toBeLessThan(fresh.value / 2);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Train' }).waitFor({ timeout: 30_000 });
    const trained = await shownKl(page);
    expect(trained.value).toBeGreaterThanOrEqual(-2 * trained.error - 0.005);
    await expectNoProblems();
  }, 240_000);

  it('opens garbage URLs with defaults and a notice naming the bad parameters', async () => {
    const page = await openApp('/?dataset=nonsense&layers=-3');
    const notice = page.getByRole('region', { name: 'URL notice' });
    expect(await notice.textContent()).toContain(
      'Ignored invalid URL parameters: dataset “nonsense”, layers “-3”',
    );
    // The values are the link's text, marked apart from the app's words.
    expect(await notice.locator('.link-text').allTextContents()).toEqual(['“nonsense”', '“-3”']);
    await modelDensity(page).waitFor({ timeout: 60_000 });
    expect(await modelDensity(page).getAttribute('aria-label')).toMatch(
      /8gaussians, MAF, 12 layers/,
    );
    expect(new URL(page.url()).search).toBe('');
    await page.getByRole('button', { name: 'Dismiss URL notice' }).click();
    expect(await notice.count()).toBe(0);
    await expectNoProblems();
  });

  it('renders the panel alone in a sandboxed 480×360 iframe', async () => {
    const src = appUrl('/?embed=1&panel=density');
    const page = await openApp('/host.html', {
      beforeLoad: (context) =>
        context.route('**/host.html', (route) =>
          route.fulfill({
            contentType: 'text/html',
            body:
              '<!doctype html><title>Host</title>' +
              `<iframe src="${src}" width="480" height="360" sandbox="allow-scripts" title="Flow Lab"></iframe>`,
          }),
        ),
    });
    const frame = page.frameLocator('iframe');
    await frame.getByRole('img', { name: /^Model density for .*\d layers?\b/ }).waitFor({ timeout: 60_000 });
    expect(await frame.getByLabel('Dataset').isVisible()).toBe(true);
    expect(await frame.getByRole('heading', { name: 'Flow Lab' }).count()).toBe(0);
    await expectNoProblems();
  });
});
