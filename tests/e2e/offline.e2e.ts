/**
 * Offline and sandboxed: the built dist/ served from a sub-folder path works with every
 * other origin blocked (the harness aborts and reports any foreign request), loads no remote
 * font, and works inside `<iframe sandbox="allow-scripts">` (opaque origin: the compute
 * worker starts through a blob: bootstrap, assets are CORS requests).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../scripts/serve-dist';
import { CONFIG, DIST_ROOT, expectNoProblems, openApp, waitForBackend } from './harness';

const PREFIX = '/courses/ml-2025/week-7/flow-lab/';
let server: StaticServer;

beforeAll(async () => {
  server = await startStaticServer({ root: DIST_ROOT, prefix: PREFIX });
});
afterAll(async () => {
  await server.close();
});

/** Every URL the page requested, so the test can check they all stay under the folder. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

describe(`offline and sandboxed ${CONFIG}`, () => {
  it('serves from a sub-folder path: backend, presets and plots, all requests inside it', async () => {
    expect(server.url.endsWith(PREFIX)).toBe(true);
    const page = await openApp(`${server.url}?backend=wasm`, { serviceWorkers: 'allow' });
    const urls = recordRequests(page);
    await page.reload();
    expect(await waitForBackend(page)).toMatch(/^Backend: WASM/);
    await page
      .getByRole('img', { name: /^Model density for .* NLL \d/ })
      .waitFor({ timeout: 120_000 });
    // The pretrained preset was fetched from the folder (not from the server root).
    expect(urls.some((url) => url.includes(`${PREFIX}presets/`))).toBe(true);
    const outside = urls.filter(
      (url) => !url.startsWith(server.url) && !url.startsWith('blob:') && !url.startsWith('data:'),
    );
    expect(outside).toEqual([]);
    // No font from anywhere but the folder itself.
    const fonts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => /\.(woff2?|ttf|otf)(\?|$)/.test(name)),
    );
    for (const font of fonts) expect(font.startsWith(server.url)).toBe(true);
    await expectNoProblems();
  });

  it('works in <iframe sandbox="allow-scripts"> from the sub-folder: worker, backend, panel', async () => {
    const host = `${server.url}sandbox-host.html`;
    const page = await openApp(host, {
      beforeLoad: (context) =>
        context.route(host, (route) =>
          route.fulfill({
            contentType: 'text/html; charset=utf-8',
            body: `<!doctype html><title>Sandbox host</title>
              <iframe id="lab" sandbox="allow-scripts" title="Flow Lab" style="width:1200px;height:760px"
                src="./?backend=wasm"></iframe>`,
          }),
        ),
    });
    const lab = page.frameLocator('#lab');
    // The full page (not embed mode) inside the sandbox: the status bar names the backend.
    const status = lab.getByRole('status').filter({ hasText: /^Backend: (?!starting)/ });
    await status.waitFor({ timeout: 60_000 });
    expect(await status.textContent()).toMatch(/^Backend: WASM/);
    // The sandboxed document really has an opaque origin.
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(await frame?.evaluate(() => window.origin)).toBe('null');
    // The worker computed the model's density grid (its label states the held-out NLL).
    await lab.getByRole('img', { name: /^Model density for .* NLL \d/ }).waitFor({ timeout: 120_000 });
    await expectNoProblems();
  });
});
