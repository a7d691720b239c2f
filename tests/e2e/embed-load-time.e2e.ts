/**
 * `flowlab:set` cannot change what the page read once when it loaded: `embed` (the host
 * cannot turn the frame into the full app) and `backend` (the frame's URL and state must not
 * claim a backend the worker does not run). Both come back as `flowlab:invalid`, while the
 * other params of the same message apply.
 */
import { describe, expect, it } from 'vitest';
import { CONFIG, appUrl, expectNoProblems, openApp } from './harness';

const HOST_PAGE = `<!doctype html><title>Host</title>
  <iframe id="lab" title="Flow Lab" style="width:900px;height:600px"
    src="./?embed=1&backend=wasm"></iframe>
  <script>
    window.events = [];
    addEventListener('message', (event) => window.events.push(event.data));
    window.toLab = (m) => document.getElementById('lab').contentWindow.postMessage(m, '*');
  </script>`;

interface Events {
  events: { type: string; params?: unknown; phase?: string }[];
  toLab(message: unknown): void;
}

describe(`flowlab:set and load-time params ${CONFIG}`, () => {
  it('refuses embed and backend with flowlab:invalid and applies the rest', async () => {
    const host = appUrl('/load-time-host.html');
    const page = await openApp(host, {
      beforeLoad: (context) =>
        context.route(host, (route) =>
          route.fulfill({ contentType: 'text/html; charset=utf-8', body: HOST_PAGE }),
        ),
    });
    const events = () => page.evaluate(() => (window as unknown as Events).events);
    await expect
      .poll(async () => (await events()).some((e) => e.type === 'flowlab:state' && e.phase === 'ready'), {
        timeout: 120_000,
      })
      .toBe(true);
    await page.evaluate(() => {
      const win = window as unknown as Events;
      win.toLab({ type: 'flowlab:set', params: { embed: false } });
      win.toLab({ type: 'flowlab:set', params: { backend: 'cpu', contours: true } });
    });
    await expect
      .poll(async () => (await events()).filter((e) => e.type === 'flowlab:invalid').map((e) => e.params), {
        timeout: 10_000,
      })
      .toEqual([['embed'], ['backend']]);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    // contours applied; the frame is still embedded (no panel tabs) and its URL keeps its backend.
    await expect.poll(() => new URL(frame.url()).searchParams.get('contours')).toBe('1');
    const url = new URL(frame.url());
    expect(url.searchParams.get('embed')).toBe('1');
    expect(url.searchParams.get('backend')).toBe('wasm');
    expect(await page.frameLocator('#lab').getByRole('navigation', { name: 'Lecture panels' }).count()).toBe(0);
    const last = (await events()).filter((e) => e.type === 'flowlab:state').at(-1) as {
      params: Record<string, string>;
    };
    expect(last.params).toMatchObject({ embed: '1', backend: 'wasm', contours: '1' });
    await expectNoProblems();
  });
});
