/** The first screen renders, and still renders when the compute worker cannot start. */
import { describe, expect, it } from 'vitest';
import { CONFIG, allowProblems, expectNoProblems, openApp, waitForBackend } from './harness';

describe(`app shell ${CONFIG}`, () => {
  it('shows the title, the panel area and the status bar', async () => {
    const page = await openApp('/');
    expect(await page.title()).toBe('Flow Lab');
    expect(await page.getByRole('heading', { level: 1, name: 'Flow Lab' }).isVisible()).toBe(true);
    expect(await page.getByRole('main', { name: 'Panels' }).count()).toBe(1);
    expect(await page.getByRole('contentinfo').isVisible()).toBe(true);
    await waitForBackend(page);
    expect(await page.getByRole('alert').count()).toBe(0);
    await expectNoProblems();
  });

  it('says so when the compute worker cannot start, and keeps the page usable', async () => {
    // The blocked worker script shows up as a failed request (and possibly a 404 message).
    // (Only the worker script, worker-<hash>.js: not chunks such as worker-connection-<hash>.js.)
    allowProblems(/\/assets\/worker-[\w-]{8}\.js/, /Failed to load resource.*404/);
    const page = await openApp('/', {
      // Later routes take precedence over the harness's catch-all route.
      beforeLoad: (context) =>
        context.route(/\/assets\/worker-[\w-]{8}\.js$/, (route) =>
          route.fulfill({ status: 404, body: 'Not found' }),
        ),
    });
    expect(await waitForBackend(page)).toBe('Backend: unavailable');
    const alert = page.getByRole('alert');
    const text = await alert.textContent();
    expect(text).toMatch(/^Compute worker failed to start: \S/);
    expect(await page.getByRole('heading', { name: 'Flow Lab' }).isVisible()).toBe(true);
  });
});
