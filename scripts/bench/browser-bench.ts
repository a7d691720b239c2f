/**
 * Measurements of the built app in headless Chromium (no GPU unless BENCH_WEBGPU=1):
 *  - per backend: ms per training step of the default MAF and IAF, and ms to evaluate the
 *    model density on 128² and 256² grid points (through the worker's lab API);
 *  - while training in the density lab: rAF frame intervals (p50, p95) and the longest
 *    main-thread task (PerformanceObserver "longtask");
 *  - navigation → first fitted density on screen.
 */
import type { Browser, Page } from 'playwright-core';
import type { FlowlabHook } from '../../src/app/compute-client';
import { percentile } from './stats';

export interface BackendFigures {
  requested: string;
  active: string;
  flow: 'maf' | 'iaf';
  msPerStep: number;
  msGrid128: number;
  msGrid256: number;
}

export interface SmoothnessFigures {
  backend: string;
  seconds: number;
  frames: number;
  p50FrameMs: number;
  p95FrameMs: number;
  longestTaskMs: number;
  longTasks: number;
  trainingSteps: number;
}

type HookWindow = Window & { __flowlab?: FlowlabHook };


async function openPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // tsx compiles this script with esbuild's keepNames, which wraps named functions inside the
  // page.evaluate callbacks in a `__name(fn, "name")` helper that exists only in Node.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  const origin = new URL(url).origin;
  await context.route('**/*', (route) =>
    new URL(route.request().url()).origin === origin ? route.continue() : route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** Training and grid timings on one forced backend; null when the page fell back to another. */
export async function measureBackend(
  browser: Browser,
  baseUrl: string,
  backend: string,
  flow: 'maf' | 'iaf',
): Promise<BackendFigures | null> {
  // The cost panel does no work until asked, so the worker is ours.
  const page = await openPage(browser, new URL(`./?backend=${backend}&panel=cost`, baseUrl).href);
  try {
    await page.waitForFunction(() => Boolean((window as HookWindow).__flowlab), null, { timeout: 120_000 });
    const figures = await page.evaluate(
      async ({ flow }) => {
        const hook = (window as HookWindow).__flowlab!;
        const c = hook.compute;
        const params = { flow, dataset: '8gaussians', layers: 5, hidden: 64, learningRate: 1e-3, batchSize: 512, seed: 1 };
        await c.labConfigure(params, { presetText: null });
        await c.labStep(3); // compile kernels, build optimiser state
        let frame = await c.labStep(10);
        for (let i = 0; i < 5; i++) frame = await c.labStep(10);
        const gridTime = async (side: number) => {
          const pts = new Float32Array(2 * side * side);
          for (let k = 0; k < side * side; k++) {
            pts[2 * k] = -4 + (8 * (k % side)) / (side - 1);
            pts[2 * k + 1] = -4 + (8 * Math.floor(k / side)) / (side - 1);
          }
          await c.labLogProb(pts); // warm-up
          const times: number[] = [];
          for (let r = 0; r < 3; r++) {
            const t0 = performance.now();
            await c.labLogProb(pts);
            times.push(performance.now() - t0);
          }
          return times.sort((a, b) => a - b)[1]!;
        };
        return {
          active: hook.report.active,
          msPerStep: frame.msPerStep,
          msGrid128: await gridTime(128),
          msGrid256: await gridTime(256),
        };
      },
      { flow },
    );
    if (figures.active.toLowerCase() !== backend) return null;
    return { requested: backend, flow, ...figures };
  } finally {
    await page.context().close();
  }
}

/** Frame intervals and long tasks on the page while the density lab trains for `seconds`. */
export async function measureSmoothness(browser: Browser, baseUrl: string, seconds = 8): Promise<SmoothnessFigures> {
  const page = await openPage(browser, baseUrl);
  try {
    await page.getByRole('img', { name: /^Model density for .*\d layers/ }).waitFor({ timeout: 120_000 });
    await page.evaluate(() => {
      const w = window as Window & { __bench?: { frames: number[]; tasks: number[]; running: boolean } };
      const bench = { frames: [] as number[], tasks: [] as number[], running: true };
      w.__bench = bench;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) bench.tasks.push(entry.duration);
      }).observe({ type: 'longtask' });
      let last = performance.now();
      const tick = (t: number) => {
        if (!bench.running) return;
        bench.frames.push(t - last);
        last = t;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.getByRole('button', { name: 'Train' }).click();
    await page.waitForTimeout(seconds * 1000);
    const raw = await page.evaluate(() => {
      const w = window as Window & { __bench?: { frames: number[]; tasks: number[]; running: boolean } };
      w.__bench!.running = false;
      return { frames: w.__bench!.frames.slice(1), tasks: w.__bench!.tasks, backend: w.__flowlab?.report.active ?? '?' };
    });
    const stepText = (await page.getByText(/^Step [\d,]+$/).first().textContent().catch(() => null)) ?? '';
    await page.getByRole('button', { name: 'Pause' }).click();
    return {
      backend: raw.backend,
      seconds,
      frames: raw.frames.length,
      p50FrameMs: percentile(raw.frames, 0.5),
      p95FrameMs: percentile(raw.frames, 0.95),
      longestTaskMs: raw.tasks.length ? Math.max(...raw.tasks) : 0,
      longTasks: raw.tasks.length,
      trainingSteps: Number(stepText.replace(/[^0-9]/g, '')) || Number.NaN,
    };
  } finally {
    await page.context().close();
  }
}

export interface FirstDensityFigures {
  /** ms from navigation start until a fitted density is on screen (the preset's precomputed preview, or a live frame). */
  anyMs: number;
  /** ms until the live model's first frame replaces it (the compute worker is up and has evaluated the preset). */
  liveMs: number;
}

/** Navigation → first fitted density on screen, and → the live model's first frame, per run. */
export async function measureFirstDensity(browser: Browser, baseUrl: string, runs = 3): Promise<FirstDensityFigures[]> {
  const figures: FirstDensityFigures[] = [];
  for (let r = 0; r < runs; r++) {
    const page = await openPage(browser, baseUrl);
    try {
      const when = (live: boolean) =>
        page
          .waitForFunction(
            (liveOnly) => {
              const img = document.querySelector('[role="img"][aria-label^="Model density for"]');
              if (!img) return 0;
              if (liveOnly && (img.getAttribute('aria-label') ?? '').includes('(precomputed')) return 0;
              return performance.now();
            },
            live,
            { timeout: 120_000, polling: 'raf' },
          )
          .then(async (handle) => (await handle.jsonValue()) as number);
      const [anyMs, liveMs] = await Promise.all([when(false), when(true)]);
      figures.push({ anyMs, liveMs });
    } finally {
      await page.context().close();
    }
  }
  return figures;
}
