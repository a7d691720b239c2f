/**
 * The dark theme, every panel of the schema in one page (switched with the number keys): each
 * panel's chart is painted on the dark plot background and its series are visible in the
 * theme's own colours (`--color-series-*`, `--color-data`, `--color-model`, read from the page,
 * so a fixed light-theme colour left in a drawing fails). Pixels are read from the canvases.
 * WASM is pinned: this is about drawing, not the backend.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { PANEL_IDS, type PanelId } from '../../src/state/url-schema';
import { CONFIG, expectNoProblems, openApp } from './harness';

interface ChartCheck {
  /** The chart's canvas. */
  canvas: string;
  /** Makes the panel draw its series (a run, enough training steps). */
  prepare?: (page: Page, panel: Locator) => Promise<void>;
  /**
   * An image panel (the convolution's pictures fill their canvas): its frame's background is
   * checked instead of the canvas corner, and any drawn pixel counts, not only theme colours.
   */
  image?: boolean;
}

const CHARTS: Record<PanelId, ChartCheck> = {
  density: {
    canvas: 'canvas[aria-label^="Samples of"]',
    prepare: async (_page, panel) => {
      const samples = panel.locator('canvas[aria-label^="Samples of"]');
      await expect
        .poll(() => samples.getAttribute('aria-label'), { timeout: 120_000 })
        .not.toContain(': 0 data points');
    },
  },
  steps: { canvas: 'canvas[aria-label^="Base plane"]' },
  distill: { canvas: 'canvas[aria-label*="teacher samples"]' },
  cost: {
    canvas: 'canvas.plot-cost',
    // One small measurement (D = 2 only) draws all seven series.
    prepare: async (_page, panel) => {
      for (const d of ['4', '8', '16']) await panel.getByRole('checkbox', { name: d, exact: true }).uncheck();
      await panel.getByRole('button', { name: 'Run', exact: true }).click();
      await panel.locator('.cost-plot[data-series="7"]').waitFor({ timeout: 120_000 });
    },
  },
  discrete: {
    canvas: 'canvas.discrete-chart-canvas',
    prepare: async (page) => {
      await expect
        .poll(() => page.locator('.discrete-numbers').getAttribute('data-step').then(Number), {
          timeout: 120_000,
        })
        .toBeGreaterThanOrEqual(20);
    },
  },
  conv: { canvas: 'canvas[aria-label^="Output y"]', image: true },
  gaussianize: { canvas: 'canvas.gauss-stage-canvas' },
};

interface Pixels {
  /** Luminance (0–255) and alpha near the top-left corner (margin), or of the image frame's background. */
  background: { luminance: number; alpha: number };
  /** Pixels of one of the theme's series colours, at opacity ≥ 0.4 (for an image: not background). */
  seriesPixels: number;
}

async function readPixels(canvas: Locator, image: boolean): Promise<Pixels> {
  return canvas.evaluate((element: HTMLCanvasElement, isImage) => {
    const luminance = (r: number, g: number, b: number) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const rgbOf = (color: string): [number, number, number] => {
      const probe = document.createElement('canvas').getContext('2d')!;
      probe.fillStyle = color;
      probe.fillRect(0, 0, 1, 1);
      const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
      return [r, g, b];
    };
    const root = getComputedStyle(document.documentElement);
    const names = ['--color-data', '--color-model', '--color-plot-line', ...[1, 2, 3, 4, 5, 6, 7].map((k) => `--color-series-${k}`)];
    const theme = names.map((name) => rgbOf(root.getPropertyValue(name).trim()));
    const ctx = element.getContext('2d')!;
    const data = ctx.getImageData(0, 0, element.width, element.height).data;
    let background: { luminance: number; alpha: number };
    if (isImage) {
      const [r, g, b] = rgbOf(getComputedStyle(element).backgroundColor);
      background = { luminance: luminance(r, g, b), alpha: 255 };
    } else {
      // Inside the corner, clear of a frame line drawn along the edge.
      const at = 4 * (5 * element.width + 5);
      background = {
        luminance: luminance(data[at], data[at + 1], data[at + 2]),
        alpha: data[at + 3],
      };
    }
    const [br, bg, bb] = [data[0], data[1], data[2]];
    let seriesPixels = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      // A theme colour T drawn at opacity a ≥ 0.4 over the background B: P ≈ B + a (T − B).
      const near = isImage
        ? Math.abs(r - br) + Math.abs(g - bg) + Math.abs(b - bb) > 60
        : theme.some(([tr, tg, tb]) => {
            const [dr, dg, db] = [tr - br, tg - bg, tb - bb];
            const a =
              ((r - br) * dr + (g - bg) * dg + (b - bb) * db) / (dr * dr + dg * dg + db * db);
            return a >= 0.4 && Math.hypot(r - br - a * dr, g - bg - a * dg, b - bb - a * db) < 20;
          });
      if (near) seriesPixels++;
    }
    return { background, seriesPixels };
  }, image);
}

describe(`themes ${CONFIG}`, () => {
  it('the dark theme draws every panel’s chart on a dark background with its series in the theme’s colours', async () => {
    const page = await openApp('/?theme=dark&backend=wasm');
    for (const [index, id] of PANEL_IDS.entries()) {
      const check = CHARTS[id];
      await page.locator('body').press(String(index + 1));
      const panel = page.locator(`section.panel-${id}`);
      const canvas = panel.locator(check.canvas).first();
      await canvas.waitFor({ state: 'visible', timeout: 150_000 });
      await check.prepare?.(page, panel);
      // Ready when the chart shows its series (a readiness wait, not a fixed time); then the checks.
      await expect
        .poll(async () => (await readPixels(canvas, check.image ?? false)).seriesPixels, { timeout: 60_000, interval: 200 })
        .toBeGreaterThan(20);
      const pixels = await readPixels(canvas, check.image ?? false);
      expect(pixels.background.alpha, `${id}: background painted`).toBe(255);
      expect(pixels.background.luminance, `${id}: dark background`).toBeLessThan(60);
      expect(pixels.seriesPixels, `${id}: series pixels in the theme's colours`).toBeGreaterThan(
        20,
      );
    }
    await expectNoProblems();
  });
});
