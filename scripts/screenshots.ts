/**
 * Saves screenshots of the real, built app for the README and docs, one per panel at 1280×800:
 *   docs/screenshots/app.png (the density lab, the first screen), docs/screenshots/<panel>.png.
 *
 *   npm run screenshots            (builds dist/ first)
 *   npm run screenshots -- --no-build
 *
 * Chromium runs without a GPU (the automatic choice is then WASM, as on most CPU-only laptops).
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { build } from 'vite';
import { launchChromium } from './chromium';
import { startStaticServer } from './serve-dist';

interface Shot {
  file: string;
  path: string;
  /** A selector that appears once the panel shows its computed content; else a short wait. */
  ready?: string;
}

const SHOTS: Shot[] = [
  { file: 'docs/screenshots/app.png', path: '', ready: '[role="img"][aria-label^="Model density for"][aria-label*=" layers"]' },
  { file: 'docs/screenshots/steps.png', path: '?panel=steps', ready: 'section[aria-label="Equations"]' },
  { file: 'docs/screenshots/distill.png', path: '?panel=distill' },
  { file: 'docs/screenshots/cost.png', path: '?panel=cost' },
  { file: 'docs/screenshots/discrete.png', path: '?panel=discrete', ready: '[data-testid="discrete-numbers"][data-step]:not([data-step="0"])' },
  { file: 'docs/screenshots/conv.png', path: '?panel=conv' },
  { file: 'docs/screenshots/gaussianize.png', path: '?panel=gaussianize' },
];
const VIEWPORT = { width: 1280, height: 800 };

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) await build({ logLevel: 'warn' });
  const server = await startStaticServer({ root: 'dist' });
  const browser = await launchChromium({ webgpu: false });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    for (const shot of SHOTS) {
      await page.goto(new URL(shot.path, server.url).href);
      await page
        .getByRole('status')
        .filter({ hasText: /^Backend: (?!starting)/ })
        .waitFor({ timeout: 60_000 });
      if (shot.ready) await page.locator(shot.ready).first().waitFor({ timeout: 120_000 });
      await page.waitForTimeout(shot.ready ? 1_000 : 5_000);
      const file = resolve(shot.file);
      await mkdir(dirname(file), { recursive: true });
      await page.screenshot({ path: file });
      console.log(`saved ${shot.file}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
