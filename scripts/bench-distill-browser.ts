/**
 * `npm run bench:distill-browser`: the distillation panel's own time from **Train from scratch**
 * to each step in DISTILL_BROWSER_STEPS, in headless Chromium on the backend asked for (WASM by
 * default), on the built app (run `vite build` first). Each row: the step reached, the wall
 * seconds since the click, and the panel's KL(s‖t) ± standard error at that moment (its own
 * estimate from 1,024 student samples, refreshed with each drawn frame). The panel trains with
 * its default options (seed 1, batch 512), the ones `npm run bench:distill` measures in Node, so
 * the two can be set side by side: the Node bench gives the step at which KL + se ≤ 0.15 nats,
 * this gives the seconds the page takes to get there, with its drawing and estimates included;
 * the last line gives the first frame whose KL + se ≤ 0.15 nats (polled every 100 ms).
 * The click comes DISTILL_BROWSER_IDLE_S seconds (default 10) after the panel first shows the
 * pretrained student, as in a lecture, where the panel is on screen a while before Train: from
 * 4 s into that time the worker warms the training step up (compute/distill/warm-up.ts,
 * WARM_UP_DELAY_MS); 0 clicks at once.
 * A benchmark: it asserts nothing.
 *   DISTILL_BROWSER_STEPS=500,1000,1500,2000,2200,2600   DISTILL_BROWSER_BACKEND=wasm
 *   DISTILL_BROWSER_IDLE_S=10   DISTILL_BROWSER_ROOT=dist (the built app to serve)
 */
import { launchChromium } from './chromium';
import { startStaticServer } from './serve-dist';

const steps = (process.env.DISTILL_BROWSER_STEPS ?? '500,1000,1500,2000,2200,2600')
  .split(',')
  .map(Number)
  .filter((s) => Number.isInteger(s) && s > 0)
  .sort((a, b) => a - b);
const backend = process.env.DISTILL_BROWSER_BACKEND ?? 'wasm';
const idleSeconds = Number(process.env.DISTILL_BROWSER_IDLE_S ?? 10);
if (!(idleSeconds >= 0)) throw new Error('DISTILL_BROWSER_IDLE_S: give seconds ≥ 0, e.g. 10');
if (steps.length === 0) throw new Error('DISTILL_BROWSER_STEPS: give positive step numbers, e.g. 1000,2200');

const server = await startStaticServer({ root: process.env.DISTILL_BROWSER_ROOT ?? 'dist', port: 0 });
const browser = await launchChromium({ webgpu: false });
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(new URL(`?panel=distill&backend=${backend}`, server.url).href);
  const status = page.getByRole('status').filter({ hasText: /^Backend: (?!starting)/ });
  await status.waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Train from scratch' }).waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => !!document.querySelector('[data-kl-mean]'), null, { timeout: 120_000 });
  type Reading = { step: number; kl: number; se: number };
  const read = (): Promise<Reading> =>
    page.evaluate(() => {
      const stepText = document.querySelector('.loss-stats span')?.textContent ?? '';
      const kl = document.querySelector('[data-kl-mean]');
      return {
        step: Number(/Step ([\d,]+)/.exec(stepText)?.[1].replace(/,/g, '') ?? NaN),
        kl: Number(kl?.getAttribute('data-kl-mean')),
        se: Number(kl?.getAttribute('data-kl-error')),
      };
    });
  await page.waitForTimeout(idleSeconds * 1000);
  await page.getByRole('button', { name: 'Train from scratch' }).click();
  const start = performance.now();
  // The panel opened on the pretrained student (at its step 2,600): wait for the fresh one.
  await page.locator('[data-origin="fresh"]').waitFor({ timeout: 120_000 });
  console.log(
    `distillation panel, ${(await status.textContent()) ?? backend}, Train from scratch ${idleSeconds} s after the panel showed the pretrained student (seed 1, batch 512), Chromium headless`,
  );
  console.log('| step (first frame at or past) | wall s since the click | panel KL(s‖t) ± se (nats) | KL + se ≤ 0.15 |');
  console.log('| ---: | ---: | ---: | :---: |');
  const row = (now: Reading, seconds: number) => `step ${now.step.toLocaleString('en')} at ${seconds.toFixed(1)} s (KL ${now.kl.toFixed(3)} ± ${now.se.toFixed(3)})`;
  let first: string | null = null;
  /** Reads the panel; notes the first frame with KL + se ≤ 0.15 nats (the target of item 6). */
  const poll = async () => {
    const now = await read();
    if (!first && now.kl + now.se <= 0.15) first = row(now, (performance.now() - start) / 1000);
    return now;
  };
  for (const target of steps) {
    let now = await poll();
    while (!(now.step >= target)) {
      await page.waitForTimeout(100);
      now = await poll();
    }
    const seconds = (performance.now() - start) / 1000;
    const within = now.kl + now.se <= 0.15 ? 'yes' : 'no';
    console.log(`| ${now.step.toLocaleString('en')} | ${seconds.toFixed(1)} | ${now.kl.toFixed(3)} ± ${now.se.toFixed(3)} | ${within} |`);
  }
  console.log(`first frame with KL + se ≤ 0.15 nats: ${first ?? `none by step ${steps[steps.length - 1].toLocaleString('en')}`}`);
} finally {
  await browser.close();
  await server.close();
}
