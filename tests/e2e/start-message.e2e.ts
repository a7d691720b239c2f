/**
 * A frame that explains itself: a host without the CORS header serves the app to
 * `<iframe sandbox="allow-scripts">`; the browser refuses the page's module scripts (the
 * frame's origin is opaque), so the app never starts — and the frame shows index.html's
 * static message saying why, with a link to the embedding doc, instead of a blank page.
 * With the header (the harness server), the same message is gone once the app starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/serve-dist';
import { CONFIG, DIST_ROOT, allowProblems, expectNoProblems, openApp, waitForBackend } from './harness';

let noCors: StaticServer;

beforeAll(async () => {
  noCors = await startStaticServer({ root: DIST_ROOT, cors: false });
});
afterAll(async () => {
  await noCors.close();
});

const sandboxHost = (src: string) => `<!doctype html><title>Host without CORS</title>
  <iframe id="lab" sandbox="allow-scripts" title="Flow Lab" style="width:900px;height:600px" src="${src}"></iframe>`;

describe(`start-up message ${CONFIG}`, () => {
  it('a sandboxed frame from a host without the CORS header says why it cannot start', async () => {
    // The refused scripts are what this test provokes.
    allowProblems(/CORS|Access-Control-Allow-Origin|request failed: .*(\.js|\.css|\.webmanifest)|ERR_FAILED/);
    const host = `${noCors.url}host.html`;
    const page = await openApp(host, {
      beforeLoad: (context) =>
        context.route(host, (route) =>
          route.fulfill({ contentType: 'text/html; charset=utf-8', body: sandboxHost('./?embed=1') }),
        ),
    });
    const lab = page.frameLocator('#lab');
    const message = lab.getByRole('alert', { name: 'Flow Lab did not start' });
    await message.waitFor({ timeout: 30_000 });
    // Give the refused scripts time to have started the app, had they been allowed to.
    await page.waitForTimeout(3000);
    expect(await message.isVisible()).toBe(true);
    expect(await message.textContent()).toMatch(/Access-Control-Allow-Origin: \*/);
    const link = message.getByRole('link', { name: /if the frame stays blank/i });
    expect(await link.getAttribute('href')).toBe('./docs/embedding.md#if-the-frame-stays-blank');
    // The app did not start: no panel area.
    expect(await lab.getByRole('main', { name: 'Panels' }).count()).toBe(0);
  });

  it('the message is replaced when the app starts', async () => {
    const page = await openApp('/?backend=cpu');
    await waitForBackend(page);
    expect(await page.getByRole('alert', { name: 'Flow Lab did not start' }).count()).toBe(0);
    expect(await page.getByRole('main', { name: 'Panels' }).count()).toBe(1);
    await expectNoProblems();
  });
});
