/**
 * Layout at the sizes a course uses, for every panel of the schema (a new panel is covered
 * by adding it to PANEL_IDS): a phone (390×844, touch) has no horizontal overflow and 24 px
 * touch targets; presenter mode at 1024×768 shows the headline number (every panel: present.e2e.ts;
 * the tour card at every step: tour-visible.e2e.ts); an embed at 640×420 shows the panel's main plot
 * without scrolling; the dark theme's plots are dark and the light theme's light (pixels).
 * WASM is pinned: this is about layout, not the backend.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { PANEL_IDS } from '../../src/state/url-schema';
import { CONFIG, expectNoProblems, openApp } from './harness';

const WASM = 'backend=wasm';

/** The main plot of each panel; a panel not listed is checked by its largest canvas or SVG. */
const MAIN_PLOT: Record<string, string> = {
  density: 'canvas[aria-label^="Model density"]',
  steps: '.steps-dag svg',
  distill: 'canvas[aria-label^="Student (IAF) density"]',
  cost: 'canvas.plot-cost',
  conv: 'canvas[aria-label^="Input image"]',
  gaussianize: 'canvas.gauss-stage-canvas',
  discrete: 'canvas.discrete-chart-canvas',
};

/** The primary control of a panel, where it is a button. */
const PRIMARY_BUTTON: Record<string, string> = {
  density: 'Train',
  steps: 'Next step',
  distill: 'Train',
  cost: 'Run',
};

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Waits until the layout holds still: the page's scroll position and size, and the box of
 * `locator`, read the same on three reads 100 ms apart (late content, smooth scrolling).
 */
async function settled(page: Page, locator: Locator): Promise<void> {
  const read = async () =>
    JSON.stringify([
      await page.evaluate(() => [window.scrollX, window.scrollY, document.documentElement.scrollWidth, document.documentElement.scrollHeight]),
      await locator.boundingBox(),
    ]);
  let last = await read();
  for (let same = 0; same < 2; ) {
    await page.waitForTimeout(100);
    const now = await read();
    same = now === last ? same + 1 : 0;
    last = now;
  }
}

/** Waits for the panel's main plot (or, for an unlisted panel, any plot), then for it to settle. */
async function mainPlot(page: Page, panel: string): Promise<Locator> {
  await page.locator('section.panel').first().waitFor({ timeout: 60_000 });
  const plot = page.locator(MAIN_PLOT[panel] ?? 'section.panel canvas, section.panel svg[role="img"]').first();
  await plot.waitFor({ state: 'visible', timeout: 150_000 });
  await settled(page, plot);
  return plot;
}

function inside(box: Box | null, width: number, height: number): boolean {
  return !!box && box.x >= -0.5 && box.y >= -0.5 && box.x + box.width <= width + 0.5 && box.y + box.height <= height + 0.5;
}

describe(`layout ${CONFIG}`, () => {
  for (const panel of PANEL_IDS) {
    it(`${panel}: on a phone (390×844, touch) nothing overflows and targets are ≥ 24 px`, async () => {
      const page = await openApp(`/?panel=${panel}&${WASM}`, { viewport: { width: 390, height: 844 }, touch: true });
      await mainPlot(page, panel);
      const report = await page.evaluate(() => {
        const overflow = document.documentElement.scrollWidth - window.innerWidth;
        const panels = [...document.querySelectorAll<HTMLElement>('section.panel')].map(
          (p) => p.scrollWidth - p.clientWidth,
        );
        const small: string[] = [];
        const targets = document.querySelectorAll<HTMLElement>('button, select, input, textarea, summary, a[href]');
        for (const el of targets) {
          if (el.getClientRects().length === 0 || el.closest('dialog:not([open])')) continue;
          // Inline links in running text are exempt (WCAG 2.5.8).
          if (el instanceof HTMLAnchorElement && el.closest('p, li:not(nav li)')) continue;
          let box = el.getBoundingClientRect();
          if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
            const label = el.closest('label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`) : null);
            if (label) box = label.getBoundingClientRect();
          }
          if (box.width < 24 || box.height < 24) {
            small.push(`${el.outerHTML.slice(0, 70)} ${box.width.toFixed(0)}×${box.height.toFixed(0)}`);
          }
        }
        return { overflow, panels, small };
      });
      expect(report.overflow, 'page wider than the screen').toBeLessThanOrEqual(0);
      expect(report.panels.every((extra) => extra <= 0), `panel overflow ${report.panels}`).toBe(true);
      expect(report.small).toEqual([]);
      // The compact header: the panel starts in the top fifth of the first screen.
      const top = (await page.locator('section.panel').first().boundingBox())!.y;
      expect(top).toBeLessThan(844 / 5);
      // The primary control is within the screen's width.
      const primary = PRIMARY_BUTTON[panel];
      if (primary) {
        const box = await page.getByRole('button', { name: primary, exact: true }).boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 390, `${primary} ${JSON.stringify(box)}`).toBe(true);
      }
      await expectNoProblems();
    });
  }

  it('on a phone the lecture tools open from the Tools menu', async () => {
    const page = await openApp(`/?${WASM}`, { viewport: { width: 390, height: 844 }, touch: true });
    await page.getByText('Tools', { exact: true }).tap();
    const tour = page.getByRole('button', { name: 'Start tour' });
    expect(inside(await tour.boundingBox(), 390, 844)).toBe(true);
    await expectNoProblems();
  });

  it('presenter mode at 1024×768 shows the density plot, Train and the KL gap without scrolling', async () => {
    const page = await openApp(`/?present=1&theme=projector&${WASM}`, { viewport: { width: 1024, height: 768 } });
    const plot = await mainPlot(page, 'density');
    const gap = page.locator('.kl-gap');
    await gap.waitFor({ timeout: 120_000 });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(inside(await gap.boundingBox(), 1024, 768), 'KL gap').toBe(true);
    expect(inside(await plot.boundingBox(), 1024, 768), 'density plot').toBe(true);
    expect(inside(await page.getByRole('button', { name: 'Train', exact: true }).boundingBox(), 1024, 768)).toBe(true);
    await expectNoProblems();
  });

  for (const panel of PANEL_IDS) {
    it(`${panel}: embedded at 640×420, the main plot is inside the frame without scrolling`, async () => {
      const page = await openApp(`/?embed=1&panel=${panel}&${WASM}`, { viewport: { width: 640, height: 420 } });
      const plot = await mainPlot(page, panel);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      expect(inside(await plot.boundingBox(), 640, 420), `${panel} main plot ${JSON.stringify(await plot.boundingBox())}`).toBe(true);
      const primary = PRIMARY_BUTTON[panel];
      if (primary) {
        const button = page.getByRole('button', { name: primary, exact: true });
        expect(inside(await button.boundingBox(), 640, 420), `${panel} ${primary}`).toBe(true);
      }
      await expectNoProblems();
    });
  }

  it('?hide= removes the other panels’ secondary parts (cost table; convolution kernel and Jacobian)', async () => {
    const page = await openApp(`/?embed=1&panel=cost&hide=table&${WASM}`, { viewport: { width: 640, height: 420 } });
    await mainPlot(page, 'cost');
    expect(await page.locator('.cost-table-wrap').count()).toBe(1);
    expect(await page.locator('.cost-table-wrap').isVisible()).toBe(false);
    const conv = await openApp(`/?embed=1&panel=conv&hide=kernel,jacobian&${WASM}`, { viewport: { width: 640, height: 420 } });
    await mainPlot(conv, 'conv');
    await conv.locator('.conv-kernel').waitFor({ state: 'attached', timeout: 60_000 });
    expect(await conv.locator('.conv-kernel').isVisible()).toBe(false);
    expect(await conv.getByText('The masked 3×3 kernel').isVisible()).toBe(false);
    expect(await conv.getByText('Receptive field and blind spot').isVisible()).toBe(true);
    await expectNoProblems();
  });

  for (const [theme, dark] of [
    ['dark', true],
    ['light', false],
  ] as const) {
    it(`the ${theme} theme draws ${dark ? 'dark' : 'light'} plot backgrounds and ${dark ? 'light' : 'dark'} tick labels`, async () => {
      const page = await openApp(`/?theme=${theme}&${WASM}`);
      const loss = page.locator('canvas[aria-label^="Loss curve"]');
      await loss.waitFor({ timeout: 120_000 });
      await mainPlot(page, 'density');
      const pixels = await loss.evaluate((canvas: HTMLCanvasElement) => {
        const ctx = canvas.getContext('2d')!;
        const luminance = (x: number, y: number) => {
          const [r, g, b, a] = ctx.getImageData(x, y, 1, 1).data;
          return { value: 0.2126 * r + 0.7152 * g + 0.0722 * b, alpha: a };
        };
        // The top-left corner is margin: only the background is painted there.
        const corner = luminance(2, 2);
        // The brightest/darkest pixel in the y-label column (left margin) is label text.
        const column = ctx.getImageData(0, 0, Math.floor(canvas.width * 0.04), canvas.height).data;
        let min = 255;
        let max = 0;
        for (let i = 0; i < column.length; i += 4) {
          const v = 0.2126 * column[i] + 0.7152 * column[i + 1] + 0.0722 * column[i + 2];
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
        return { corner, min, max };
      });
      expect(pixels.corner.alpha).toBe(255);
      if (dark) {
        expect(pixels.corner.value).toBeLessThan(60);
        expect(pixels.max).toBeGreaterThan(120);
      } else {
        expect(pixels.corner.value).toBeGreaterThan(230);
        expect(pixels.min).toBeLessThan(140);
      }
      await expectNoProblems();
    });
  }
});
