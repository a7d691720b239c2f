/**
 * Saves screenshots of the real, built app for the README and docs:
 *   docs/screenshots/app.png — the first screen at 1280×800.
 *
 *   npm run screenshots            (builds dist/ first)
 *   npm run screenshots -- --no-build
 *
 * Chromium runs with the software WebGPU adapter, so the status bar shows what a visitor
 * with a GPU sees.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { build } from 'vite';
import { launchChromium } from './chromium';
import { startStaticServer } from './serve-dist';

interface Shot {
  file: string;
  path: string;
}

const SHOTS: Shot[] = [{ file: 'docs/screenshots/app.png', path: '' }];
const VIEWPORT = { width: 1280, height: 800 };

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) await build({ logLevel: 'warn' });
  const server = await startStaticServer({ root: 'dist' });
  const browser = await launchChromium({ webgpu: true });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    for (const shot of SHOTS) {
      await page.goto(new URL(shot.path, server.url).href);
      await page
        .getByRole('status')
        .filter({ hasText: /^Backend: (?!starting)/ })
        .waitFor({ timeout: 60_000 });
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
