/**
 * Every panel is isolated, and a failed worker is replaced: a panel that throws shows what
 * failed and "Reload panel" while the header, tabs and status bar keep working; a compute
 * worker that crashes is restarted, the page says so, and the lab works again.
 * Faults come from the page's test hooks (window.__flowlabFaults, src/app/fault-hooks.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FlowlabHook } from '../../src/app/compute-client';
import type { FaultHooks } from '../../src/app/fault-hooks';
import { CONFIG, allowProblems, expectNoProblems, openApp, waitForBackend } from './harness';

const modelDensity = (page: Page) => page.getByRole('img', { name: /^Model density for .* NLL \d/ });

async function fault(page: Page, which: keyof FaultHooks): Promise<void> {
  await page.evaluate(async (name) => {
    const hooks = (window as Window & { __flowlabFaults?: FaultHooks }).__flowlabFaults;
    if (!hooks) throw new Error('fault hooks missing');
    await hooks[name]();
  }, which);
}

describe(`panel and worker isolation ${CONFIG}`, () => {
  it('a failing panel shows what failed and reloads, while the rest keeps working', async () => {
    const page = await openApp('/?backend=wasm');
    await waitForBackend(page);
    await modelDensity(page).waitFor({ timeout: 120_000 });
    // React reports the caught error on the console; that is the point of this test.
    allowProblems(/simulated panel failure/);
    await fault(page, 'breakPanel');
    const failed = page.getByRole('alert', { name: 'Density lab failed' });
    await failed.waitFor();
    expect(await failed.textContent()).toContain('simulated panel failure (test hook)');
    // The rest of the page still works: status bar, tabs, header.
    expect(await page.getByRole('status').filter({ hasText: /^Backend: / }).textContent()).toMatch(/^Backend: WASM/);
    expect(await page.getByRole('heading', { name: 'Flow Lab', level: 1 }).count()).toBe(1);
    expect(await page.getByRole('link', { name: /Step by step/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Reload panel' }).click();
    await modelDensity(page).waitFor({ timeout: 60_000 });
    expect(await failed.count()).toBe(0);
    await page.getByRole('button', { name: 'Train' }).waitFor();
  });

  it('a crashed compute worker is restarted, with a notice, and the lab works again', async () => {
    const page = await openApp('/?backend=wasm');
    await waitForBackend(page);
    await modelDensity(page).waitFor({ timeout: 120_000 });
    const firstHook = await page.evaluate(() => Boolean((window as Window & { __flowlab?: FlowlabHook }).__flowlab));
    expect(firstHook).toBe(true);
    // The uncaught error in the worker is the simulated crash itself.
    allowProblems(/simulated worker crash/);
    await fault(page, 'crashWorker');
    const notice = page.getByRole('alert', { name: 'Worker restarted' });
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toMatch(/simulated worker crash .*restarted/);
    expect(await waitForBackend(page)).toMatch(/^Backend: WASM/);
    // The lab is attached to the new worker: it shows a model and trains a step.
    await modelDensity(page).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Step' }).click();
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const hook = (window as Window & { __flowlab?: FlowlabHook }).__flowlab;
            return (await hook?.compute.labFrame())?.step ?? -1;
          }),
        { timeout: 60_000 },
      )
      .toBe(1);
    await page.getByRole('button', { name: 'Dismiss' }).first().click();
    expect(await notice.count()).toBe(0);
    await expectNoProblems();
  });
});
