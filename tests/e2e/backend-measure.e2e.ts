/**
 * The measured backend choice in the real browser: after the first frame a second worker times
 * the default model's training step on each usable backend (software renderers apart; here that
 * leaves WASM, or WASM and nothing else), the status bar says what it measured and what it chose,
 * the choice is stored per browser + GPU in localStorage, and the next visit uses it without
 * measuring again. `?backend=` forces a backend: nothing is measured or stored.
 */
import { describe, expect, it } from 'vitest';
import { CONFIG, expectNoProblems, openApp, waitForBackend } from './harness';

const MEASURED = /^WASM (\d+(?:\.\d)?) ms\/step → WASM$/;

describe(`measured backend choice ${CONFIG}`, () => {
  it('measures after the first frame, shows the figure, stores it, and reuses it on the next visit', async () => {
    const page = await openApp('/', { visitor: 'first' });
    expect(await waitForBackend(page)).toBe('Backend: WASM');
    const measurement = page.locator('.backend-measurement');
    await measurement.waitFor({ timeout: 90_000 });
    const text = (await measurement.textContent()) ?? '';
    const ms = Number(MEASURED.exec(text)?.[1]);
    expect(text).toMatch(MEASURED);
    expect(ms).toBeGreaterThan(0);
    const stored = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('flowlab.backend.v1:'))
        .map((k) => [k, localStorage.getItem(k)]),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]![0]).toMatch(/^flowlab\.backend\.v1:Chrome \d+\|/);
    expect(JSON.parse(stored[0]![1]!)).toEqual({ backend: 'wasm', text });

    // Next visit (same storage): the remembered choice, without a measuring worker.
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.reload();
    expect(await waitForBackend(page)).toBe('Backend: WASM');
    await expect(measurement.textContent()).resolves.toBe(`${text} (measured on an earlier visit)`);
    await page.waitForTimeout(1500);
    expect(workers.filter((u) => /worker/.test(u))).toHaveLength(1);
    await expectNoProblems();
  });

  it('?backend= forces a backend: nothing is measured or stored', async () => {
    const page = await openApp('/?backend=wasm', { visitor: 'first' });
    expect(await waitForBackend(page)).toBe('Backend: WASM');
    await page.waitForTimeout(3000);
    expect(await page.locator('.backend-measurement').count()).toBe(0);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('flowlab.backend.v1:')))).toEqual([]);
    await expectNoProblems();
  });
});
