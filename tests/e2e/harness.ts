/**
 * Shared fixture for the browser tests: the built app (dist/) served on 127.0.0.1 and the
 * system Chromium, both started once per run (tests/e2e/global-setup.ts; each test gets fresh
 * browser contexts, so no storage is shared), and a strict problem watch.
 *
 *   import { openApp, expectNoProblems, waitForBackend } from './harness';
 *   it('shows the backend', async () => {
 *     const page = await openApp('/?backend=cpu');
 *     expect(await waitForBackend(page)).toBe('Backend: CPU');
 *     await expectNoProblems();
 *   });
 *
 * Every test fails (in afterEach) on any console error, uncaught error (page or worker),
 * failed or ≥ 400 response, page crash, or request to an origin other than the app's — none
 * can leave the machine: the browser resolves no host name but 127.0.0.1
 * (scripts/chromium.ts). A test that provokes a problem on purpose declares it with
 * `allowProblems(/pattern/)`.
 *
 * Pages open as a returning visitor: the device memory the global setup recorded on a first
 * visit (the measured backend choice) is in localStorage before the app starts, so no test but
 * those that ask for `visitor: 'first'` starts the measuring worker.
 *
 * The app's test-only hooks (no URL parameter reaches them): `window.__flowlab` (the worker's
 * API), `window.__flowlabFaults` (src/app/fault-hooks.ts), and
 * `window.__flowlabHeartbeatForTesting = { intervalMs, hungAfterMs }`, which an init script
 * sets before the app starts (`beforeLoad: (c) => c.addInitScript(…)`) to shorten the
 * heartbeat's 2 s / 15 s (src/app/heartbeat.ts; session.e2e.ts's hung-worker test).
 *
 * FLOWLAB_WEBGPU=on|off picks the Chromium flags (software WebGPU adapter or none).
 * FLOWLAB_DIST=/some/dir serves that build instead of dist/ (parallel work on one checkout).
 */
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { FlowlabHook } from '../../src/app/compute-client';
import type { MemoryInfo, SelfCheckResult } from '../../src/compute/api';

import { DIST_ROOT, readWebGpuSetting } from './settings';

/** Whether this run's Chromium exposes a WebGPU adapter. */
export const WEBGPU = readWebGpuSetting();
/** Label for test titles, e.g. "[webgpu on]". */
export const CONFIG = `[webgpu ${WEBGPU ? 'on' : 'off'}]`;

/** The build the tests serve: dist/, or FLOWLAB_DIST. */
export { DIST_ROOT };

let serverUrl: string | null = null;
let deviceMemory: [string, string][] = [];
let browser: Browser | null = null;
let contexts: BrowserContext[] = [];
let problems: string[] = [];
let allowed: RegExp[] = [];

/**
 * Registers the harness's hooks for one test file. tests/e2e/setup.ts calls it: setup files run
 * once per test file, while this module is imported once per worker (the test files share the
 * module cache, `isolate: false`), so hooks registered at import would reach the first file only.
 */
export function installHarnessHooks(): void {
  beforeAll(async () => {
    serverUrl = inject('flowlabAppUrl');
    deviceMemory = inject('flowlabDeviceMemory');
    browser = await chromium.connect(inject('flowlabBrowserEndpoint'));
  });

  afterAll(async () => {
    // Disconnects; the shared browser stays up for the next file.
    await browser?.close();
    browser = null;
    serverUrl = null;
  });

  afterEach(async () => {
    // Snapshot first: closing pages aborts their in-flight requests, which is no problem.
    const found = unexpectedProblems();
    await Promise.all(contexts.map((context) => context.close()));
    contexts = [];
    problems = [];
    allowed = [];
    expect(found, 'browser problems during this test').toEqual([]);
  });
}

function unexpectedProblems(): string[] {
  return problems.filter((problem) => !allowed.some((pattern) => pattern.test(problem)));
}

/** Ignore problems matching these patterns until the current test ends. */
export function allowProblems(...patterns: RegExp[]): void {
  allowed.push(...patterns);
}

/** Every problem recorded in the current test so far, allowed or not. */
export function recordedProblems(): string[] {
  return [...problems];
}

/** Fails now if any unexpected problem was recorded so far (afterEach checks again). */
export async function expectNoProblems(): Promise<void> {
  expect(unexpectedProblems(), 'browser problems so far').toEqual([]);
}

/** Absolute URL of a path of the app, e.g. appUrl('/?backend=cpu'). */
export function appUrl(path = '/'): string {
  if (!serverUrl) throw new Error('harness server not started (openApp runs inside tests only)');
  return new URL(path.replace(/^\//, ''), serverUrl).href;
}

function watch(page: Page, origin: string): void {
  const where = (url: string | undefined) => (url ? ` (${url})` : '');
  page.on('console', (message) => {
    // Messages from workers are recorded by the worker listener below.
    if (message.type() === 'error' && !message.worker()) {
      problems.push(`console error: ${message.text()}${where(message.location().url)}`);
    }
  });
  page.on('worker', (worker) => {
    worker.on('console', (message) => {
      if (message.type() === 'error') {
        problems.push(`worker console error: ${message.text()}${where(worker.url())}`);
      }
    });
  });
  // Uncaught exceptions of the page and of its workers both arrive here.
  page.on('pageerror', (error) => problems.push(`uncaught error: ${error.message}`));
  page.on('crash', () => problems.push('page crashed'));
  page.on('requestfailed', (request) => {
    // ERR_ABORTED: the browser or the app cancelled it (a reload, a superseded fetch): no fault.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    if (new URL(request.url()).origin === origin) {
      problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
}

export interface OpenAppOptions {
  /** Default 1280×800. */
  viewport?: { width: number; height: number };
  /** A phone: touch events and a mobile viewport (`hasTouch`, `isMobile`). */
  touch?: boolean;
  /** Runs before the page loads, e.g. to add a `context.route` that simulates a failure. */
  beforeLoad?: (context: BrowserContext) => Promise<unknown>;
  /**
   * 'allow' lets the app install its service worker, which precaches the whole shell (≈ 5 MB)
   * after load. Default 'block': the tests that are about it (offline*.e2e.ts, the sub-folder
   * deployment) allow it; for the others it is only CPU spent on a cache nobody reads.
   */
  serviceWorkers?: 'allow' | 'block';
  /**
   * 'returning' (default): localStorage holds what the app remembered about this browser on a
   * first visit (its measured backend choice). 'first': empty storage, as on a first visit.
   */
  visitor?: 'returning' | 'first';
}

/** Puts the recorded device memory into localStorage before any script of the page runs. */
async function seedDeviceMemory(context: BrowserContext): Promise<void> {
  await context.addInitScript((entries: [string, string][]) => {
    try {
      for (const [key, value] of entries) {
        if (window.localStorage.getItem(key) === null) window.localStorage.setItem(key, value);
      }
    } catch {
      // Storage blocked (an opaque-origin sandboxed frame): that frame starts as a first visit.
    }
  }, deviceMemory);
}

/**
 * Opens a fresh context (no shared storage) and page at `path`, watched for problems. An
 * absolute http URL (e.g. of a second server a test starts) is opened as it is.
 */
export async function openApp(path = '/', options: OpenAppOptions = {}): Promise<Page> {
  if (!browser) throw new Error('harness browser not started');
  const url = /^https?:\/\//.test(path) ? path : appUrl(path);
  const origin = new URL(url).origin;
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    ...(options.touch ? { hasTouch: true, isMobile: true } : {}),
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  contexts.push(context);
  if ((options.visitor ?? 'returning') === 'returning') await seedDeviceMemory(context);
  // Watched, not intercepted: routing every request through Playwright cost 0.35 s and 0.6
  // CPU-seconds a page. The context's event also sees its workers' and service workers' requests.
  context.on('request', (request) => {
    const requested = request.url();
    if (/^(data|blob):/.test(requested) || new URL(requested).origin === origin) return;
    problems.push(`request to another origin: ${requested}`);
  });
  await options.beforeLoad?.(context);
  const page = await context.newPage();
  watch(page, origin);
  await page.goto(url);
  return page;
}

/** Waits until the worker has chosen a backend (or failed); returns the status text. */
export async function waitForBackend(page: Page, timeoutMs = 60_000): Promise<string> {
  const status = page.getByRole('status').filter({ hasText: /^Backend: (?!starting)/ });
  await status.waitFor({ timeout: timeoutMs });
  return (await status.textContent()) ?? '';
}

/** Runs the worker's self-check through the page's diagnostics handle. */
export async function selfCheck(page: Page): Promise<SelfCheckResult> {
  return page.evaluate(() => {
    const hook = (window as Window & { __flowlab?: FlowlabHook }).__flowlab;
    if (!hook) throw new Error('compute worker not ready');
    return hook.compute.selfCheck();
  });
}

/** Live tfjs tensors and bytes in the worker. */
export async function computeMemory(page: Page): Promise<MemoryInfo> {
  return page.evaluate(() => {
    const hook = (window as Window & { __flowlab?: FlowlabHook }).__flowlab;
    if (!hook) throw new Error('compute worker not ready');
    return hook.compute.memory();
  });
}
