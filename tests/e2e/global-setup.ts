/**
 * Once per browser-test run (vitest's globalSetup, in the main process): the built app served
 * on 127.0.0.1 and one Chromium, which every test file's harness connects to (each test still
 * gets fresh browser contexts). Launching Chromium per file cost about a second a file.
 *
 * It also visits the app once as a first-time visitor and keeps what the app remembered about
 * this device (the measured backend choice, `flowlab.backend.v1:*` in localStorage): the
 * harness opens every later page as a returning visitor with that memory, so each test does not
 * start a second, measuring worker (≈ 2 s of CPU a page). backend-measure.e2e.ts opens pages as
 * first-time visitors and checks the measurement itself.
 */
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { launchChromiumServer } from '../../scripts/chromium';
import { startStaticServer } from '../../scripts/serve-dist';
import { DIST_ROOT, readWebGpuSetting } from './settings';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the served build, with a trailing slash. */
    flowlabAppUrl: string;
    /** Where the shared Chromium listens (`chromium.connect`). */
    flowlabBrowserEndpoint: string;
    /** localStorage entries a returning visitor of this browser has ([key, value] pairs). */
    flowlabDeviceMemory: [string, string][];
  }
}

const MEMORY_PREFIX = 'flowlab.backend.v1:';

/** Opens the app once as a first-time visitor and returns what it stored about this device. */
async function firstVisitMemory(endpoint: string, appUrl: string): Promise<[string, string][]> {
  const browser = await chromium.connect(endpoint);
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(appUrl);
    await page.waitForFunction(
      (prefix) => Object.keys(localStorage).some((key) => key.startsWith(prefix)),
      MEMORY_PREFIX,
      { timeout: 120_000, polling: 250 },
    );
    return await page.evaluate(
      (prefix) =>
        Object.keys(localStorage)
          .filter((key) => key.startsWith(prefix))
          .map((key): [string, string] => [key, localStorage.getItem(key) ?? '']),
      MEMORY_PREFIX,
    );
  } finally {
    await browser.close();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startStaticServer({ root: DIST_ROOT });
  const browser = await launchChromiumServer({ webgpu: readWebGpuSetting() });
  project.provide('flowlabAppUrl', server.url);
  project.provide('flowlabBrowserEndpoint', browser.wsEndpoint());
  project.provide('flowlabDeviceMemory', await firstVisitMemory(browser.wsEndpoint(), server.url));
  return async () => {
    await browser.close();
    await server.close();
  };
}
