/**
 * The soak run of issue #11: trains in the built app in Chromium through its own controls,
 * toggling flow, data set, panel and backend between training segments, and samples the
 * worker's live tensor count and the page's JS heap after each toggle.
 *
 * Invariants it reports on (the caller asserts or prints them):
 *  - tensors: every time the lab is back in a configuration (backend, flow, data set, whether
 *    the step-by-step panel has run in this worker) it holds exactly as many tensors as the
 *    first time in that configuration;
 *  - heap: growth between the same point of the first and the last toggle cycle (a backend
 *    toggle reloads the page, so the heap is compared cycle by cycle);
 *  - problems: console errors, uncaught errors, page crashes.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { FlowlabHook } from '../../src/app/compute-client';

export interface SoakOptions {
  baseUrl: string;
  /** Training steps in all (counted from the lab's step counter). */
  totalSteps: number;
  /** Go on (with segments of at least one step) until this many toggles were made. */
  minToggles?: number;
  /** Steps per training segment on WASM; the CPU backend trains `cpuSegmentSteps`. */
  segmentSteps: number;
  cpuSegmentSteps: number;
  /** Backends to alternate between (page reloads with `?backend=`). */
  backends: readonly string[];
  /** Further URL parameters of every page load, e.g. `layers=2&hidden=16` (default: none, the app's defaults). */
  query?: string;
  log?: (line: string) => void;
}

export interface SoakSample {
  toggle: number;
  action: string;
  configuration: string;
  stepsSoFar: number;
  tensors: number;
  heapMiB: number;
}

export interface SoakReport {
  steps: number;
  toggles: number;
  samples: SoakSample[];
  tensorMismatches: string[];
  heapAfterWarmupMiB: number;
  heapEndMiB: number;
  heapGrowth: number;
  problems: string[];
  seconds: number;
}

/** One cycle: each toggle twice (there and back) within a worker, then the backend (a fresh worker). */
const ACTIONS = ['flow', 'flow', 'dataset', 'dataset', 'panel', 'backend'] as const;
const DATASETS = ['8gaussians', 'moons'] as const;
type HookWindow = Window & { __flowlab?: FlowlabHook };

interface LabState {
  backend: string;
  flow: 'maf' | 'iaf';
  dataset: (typeof DATASETS)[number];
  stepsPanelUsed: boolean;
}

export async function runSoak(browser: Browser, options: SoakOptions): Promise<SoakReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const problems: string[] = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const origin = new URL(options.baseUrl).origin;
  await context.route('**/*', (route) => {
    if (new URL(route.request().url()).origin === origin) return route.continue();
    problems.push(`request to another origin: ${route.request().url()}`);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('worker', (w) => w.on('console', (m) => m.type() === 'error' && problems.push(`worker console error: ${m.text()}`)));
  page.on('pageerror', (e) => problems.push(`uncaught error: ${e.message}`));
  page.on('crash', () => problems.push('page crashed'));
  const cdp = await context.newCDPSession(page);

  const state: LabState = { backend: options.backends[0]!, flow: 'maf', dataset: '8gaussians', stepsPanelUsed: false };
  const open = async () => {
    const extra = options.query ? `&${options.query}` : '';
    const query = `?backend=${state.backend}&flow=${state.flow}&dataset=${state.dataset}${extra}`;
    await page.goto(new URL(query, options.baseUrl).href);
    state.stepsPanelUsed = false;
  };
  await open();
  await waitUntilReady(page);

  const samples: SoakSample[] = [];
  const firstCount = new Map<string, number>();
  const tensorMismatches: string[] = [];
  let steps = 0;
  let toggle = 0;
  const record = async (action: string) => {
    const configuration = `${state.backend}|${state.flow}|${state.dataset}|steps-panel ${state.stepsPanelUsed ? 'used' : 'unused'}`;
    const tensors = await settledTensors(page);
    const heapMiB = await heapUsedMiB(cdp);
    samples.push({ toggle, action, configuration, stepsSoFar: steps, tensors, heapMiB });
    const first = firstCount.get(configuration);
    if (first === undefined) firstCount.set(configuration, tensors);
    else if (first !== tensors) tensorMismatches.push(`${configuration}: ${first} tensors first, ${tensors} after toggle ${toggle}`);
    log(`toggle ${toggle} (${action}) → ${configuration}: ${steps} steps, ${tensors} tensors, heap ${heapMiB.toFixed(1)} MiB`);
  };
  await record('start');
  while (steps < options.totalSteps || toggle < (options.minToggles ?? 0)) {
    const segment = state.backend === 'cpu' ? options.cpuSegmentSteps : options.segmentSteps;
    steps += await trainFor(page, Math.max(1, Math.min(segment, options.totalSteps - steps)));
    const action = ACTIONS[toggle % ACTIONS.length]!;
    await applyToggle(page, action, state, options.backends, open);
    await waitUntilReady(page);
    toggle++;
    await record(action);
  }
  await context.close();
  // The backend toggle reloads the page (a fresh heap), so heap figures compare the same point
  // of every cycle: right after the data set went back, the last toggle before the panel visit.
  const sameSpot = samples.filter((s) => s.toggle > 0 && s.toggle % ACTIONS.length === 4);
  const warm = sameSpot[0];
  const end = sameSpot[sameSpot.length - 1];
  const heapAfterWarmupMiB = warm?.heapMiB ?? Number.NaN;
  const heapEndMiB = end?.heapMiB ?? Number.NaN;
  return {
    steps,
    toggles: toggle,
    samples,
    tensorMismatches,
    heapAfterWarmupMiB,
    heapEndMiB,
    heapGrowth: (heapEndMiB - heapAfterWarmupMiB) / heapAfterWarmupMiB,
    problems,
    seconds: (Date.now() - started) / 1000,
  };
}

const trainButton = (page: Page) => page.getByRole('group', { name: 'Training' }).getByRole('button').first();

async function waitUntilReady(page: Page): Promise<void> {
  await page.getByRole('img', { name: /^Model density for .*\d layers/ }).waitFor({ timeout: 180_000 });
  await page.waitForFunction(
    () => {
      const button = document.querySelector<HTMLButtonElement>('[aria-label="Training"] button');
      return !!button && !button.disabled && button.textContent === 'Train';
    },
    null,
    { timeout: 180_000 },
  );
}

async function labStep(page: Page): Promise<number> {
  const text = (await page.getByText(/^Step [\d,]+$/).first().textContent()) ?? '';
  return Number(text.replace(/[^0-9]/g, ''));
}

/** Presses Train, waits until at least `count` more steps ran, presses Pause; returns steps trained. */
async function trainFor(page: Page, count: number): Promise<number> {
  const start = await labStep(page);
  await trainButton(page).click();
  await page.waitForFunction(
    (target) => {
      const label = [...document.querySelectorAll('span')].find((s) => /^Step [\d,]+$/.test(s.textContent ?? ''));
      return !!label && Number(label.textContent!.replace(/[^0-9]/g, '')) >= target;
    },
    start + count,
    { timeout: 600_000, polling: 250 },
  );
  await trainButton(page).click(); // Pause
  await waitUntilReady(page);
  return (await labStep(page)) - start;
}

async function applyToggle(
  page: Page,
  action: (typeof ACTIONS)[number],
  state: LabState,
  backends: readonly string[],
  open: () => Promise<void>,
): Promise<void> {
  if (action === 'flow') {
    state.flow = state.flow === 'maf' ? 'iaf' : 'maf';
    await page.getByRole('radiogroup', { name: 'Flow' }).getByRole('radio', { name: state.flow.toUpperCase() }).check();
  } else if (action === 'dataset') {
    state.dataset = state.dataset === DATASETS[0] ? DATASETS[1] : DATASETS[0];
    await page.getByLabel('Dataset').selectOption(state.dataset);
  } else if (action === 'panel') {
    await page.getByRole('link', { name: /Step by step/ }).click();
    await page.locator('section[aria-label="Equations"]').waitFor({ timeout: 180_000 });
    state.stepsPanelUsed = true;
    await page.getByRole('link', { name: /Density lab/ }).click();
  } else {
    state.backend = backends[(backends.indexOf(state.backend) + 1) % backends.length]!;
    await open();
  }
}

async function workerTensors(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const hook = (window as HookWindow).__flowlab;
    if (!hook) throw new Error('compute worker not ready');
    return (await hook.compute.memory()).numTensors;
  });
}

/** The worker's tensor count once it holds still (work a panel left running may still finish). */
async function settledTensors(page: Page): Promise<number> {
  let last = await workerTensors(page);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(300);
    const now = await workerTensors(page);
    if (now === last) return now;
    last = now;
  }
  return last;
}

async function heapUsedMiB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}
