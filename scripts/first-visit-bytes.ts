/**
 * Bytes of a first visit per panel: opens `?panel=<id>&backend=wasm` in a fresh headless
 * Chromium context (no cache, no service worker) against dist/, waits until the panel has
 * drawn and the network has been quiet, and sums the bodies of every response (page and
 * compute worker). Prints one row per panel (uncompressed bytes; the static server here
 * does not compress).
 *
 *   npx vite build && npx tsx scripts/first-visit-bytes.ts
 */
import { launchChromium } from './chromium';
import { startStaticServer } from './serve-dist';

const PANELS = ['density', 'steps', 'distill', 'cost', 'conv', 'gaussianize'] as const;
const QUIET_MS = 4000;

async function main(): Promise<void> {
  const server = await startStaticServer({ root: 'dist' });
  const browser = await launchChromium({ webgpu: false });
  try {
    console.log('| panel | requests | bytes |');
    console.log('| --- | ---: | ---: |');
    for (const panel of PANELS) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      let bytes = 0;
      let requests = 0;
      let last = Date.now();
      const pending: Promise<void>[] = [];
      context.on('response', (response) => {
        last = Date.now();
        pending.push(
          response.body().then(
            (body) => {
              bytes += body.length;
              requests++;
            },
            () => undefined,
          ),
        );
      });
      await page.goto(`${server.url}?panel=${panel}&backend=wasm`);
      await page.getByRole('status').filter({ hasText: /^Backend: (?!starting)/ }).waitFor({ timeout: 120_000 });
      // Quiet for QUIET_MS, or at most 30 s (a panel that keeps polling counts what it had).
      const cap = Date.now() + 30_000;
      while (Date.now() - last < QUIET_MS && Date.now() < cap) await page.waitForTimeout(500);
      await Promise.race([Promise.all(pending), page.waitForTimeout(5000)]);
      console.log(`| ${panel} | ${requests} | ${bytes.toLocaleString('en')} |`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

void main();
