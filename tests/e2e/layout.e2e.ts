/**
 * Layout at the sizes a course uses, for every panel of the schema (a new panel is covered
 * by adding it to PANEL_IDS): a phone (390×844, touch) has no horizontal overflow and 24 px
 * touch targets; presenter mode at 1024×768 shows the headline number (every panel: present.e2e.ts;
 * the tour card at every step: tour-visible.e2e.ts); an embed at 640×420 shows the panel's main plot
 * without scrolling; the dark theme's plots are dark and the light theme's light (pixels).
 * WASM is pinned: this is about layout, not the backend. One page per screen: the first panel
 * loads with the page, the others are reached the way back/forward reaches them (the address
 * changes, the app shows its panel), as the dark theme's page turns light.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { PANEL_IDS } from '../../src/state/url-schema';
import { CONFIG, expectNoProblems, openApp } from './harness';
import { holdsStill } from './hold-still';

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

/** Waits for the panel's main plot (or, for an unlisted panel, any plot), then for it to settle. */
async function mainPlot(page: Page, panel: string): Promise<Locator> {
  await page.locator('section.panel').first().waitFor({ timeout: 60_000 });
  const plot = page.locator(MAIN_PLOT[panel] ?? 'section.panel canvas, section.panel svg[role="img"]').first();
  await plot.waitFor({ state: 'visible', timeout: 150_000 });
  await holdsStill(page, plot);
  return plot;
}

function inside(box: Box | null, width: number, height: number): boolean {
  return !!box && box.x >= -0.5 && box.y >= -0.5 && box.x + box.width <= width + 0.5 && box.y + box.height <= height + 0.5;
}

/**
 * Shows the page at `search` the way back/forward would (history.pushState + popstate) and
 * waits until the panel that was shown has gone (each panel is mounted afresh).
 */
async function navigate(page: Page, search: string): Promise<void> {
  await page.evaluate((next) => {
    for (const panel of document.querySelectorAll('section.panel')) panel.setAttribute('data-left', '');
    history.pushState(null, '', `${location.pathname}${next}`);
    dispatchEvent(new PopStateEvent('popstate'));
  }, search);
  await page.locator('section.panel[data-left]').first().waitFor({ state: 'detached', timeout: 60_000 });
}

/** On a phone (390×844, touch) nothing overflows, targets are ≥ 24 px, the panel starts high. */
async function checkPhone(page: Page, panel: string): Promise<void> {
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
  expect(report.overflow, `${panel}: page wider than the screen`).toBeLessThanOrEqual(0);
  expect(report.panels.every((extra) => extra <= 0), `${panel}: panel overflow ${report.panels}`).toBe(true);
  expect(report.small, `${panel}: small targets`).toEqual([]);
  // The compact header: the panel starts in the top fifth of the first screen.
  const top = (await page.locator('section.panel').first().boundingBox())!.y;
  expect(top, `${panel}: panel top`).toBeLessThan(844 / 5);
  // The primary control is within the screen's width.
  const primary = PRIMARY_BUTTON[panel];
  if (primary) {
    const box = await page.getByRole('button', { name: primary, exact: true }).boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390, `${panel}: ${primary} ${JSON.stringify(box)}`).toBe(true);
  }
}

/** Embedded at 640×420: the main plot (and the primary button) inside the frame, not scrolled. */
async function checkEmbed(page: Page, panel: string): Promise<void> {
  const plot = await mainPlot(page, panel);
  expect(await page.evaluate(() => window.scrollY), `${panel}: scrolled`).toBe(0);
  expect(inside(await plot.boundingBox(), 640, 420), `${panel} main plot ${JSON.stringify(await plot.boundingBox())}`).toBe(true);
  const primary = PRIMARY_BUTTON[panel];
  if (primary) {
    const button = page.getByRole('button', { name: primary, exact: true });
    expect(inside(await button.boundingBox(), 640, 420), `${panel} ${primary}`).toBe(true);
  }
}

/** The loss curve's corner (background) and the extremes of its y-label column (text). */
function lossPixels(page: Page) {
  return page.locator('canvas[aria-label^="Loss curve"]').evaluate((canvas: HTMLCanvasElement) => {
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
}

describe(`layout ${CONFIG}`, () => {
  it(`on a phone (390×844, touch), every panel (${PANEL_IDS.join(', ')}): nothing overflows and targets are ≥ 24 px; the lecture tools open from the Tools menu`, async () => {
    const page = await openApp(`/?panel=${PANEL_IDS[0]}&${WASM}`, { viewport: { width: 390, height: 844 }, touch: true });
    for (const [index, panel] of PANEL_IDS.entries()) {
      if (index > 0) await navigate(page, `?panel=${panel}&${WASM}`);
      await checkPhone(page, panel);
    }
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

  it(`embedded at 640×420, every panel's main plot is inside the frame without scrolling; ?hide= removes the other panels’ secondary parts (cost table; convolution kernel and Jacobian)`, async () => {
    const page = await openApp(`/?embed=1&panel=${PANEL_IDS[0]}&${WASM}`, { viewport: { width: 640, height: 420 } });
    for (const [index, panel] of PANEL_IDS.entries()) {
      if (index > 0) await navigate(page, `?embed=1&panel=${panel}&${WASM}`);
      await checkEmbed(page, panel);
    }
    await navigate(page, `?embed=1&panel=cost&hide=table&${WASM}`);
    await mainPlot(page, 'cost');
    expect(await page.locator('.cost-table-wrap').count()).toBe(1);
    expect(await page.locator('.cost-table-wrap').isVisible()).toBe(false);
    await navigate(page, `?embed=1&panel=conv&hide=kernel,jacobian&${WASM}`);
    await mainPlot(page, 'conv');
    await page.locator('.conv-kernel').waitFor({ state: 'attached', timeout: 60_000 });
    expect(await page.locator('.conv-kernel').isVisible()).toBe(false);
    expect(await page.getByText('The masked 3×3 kernel').isVisible()).toBe(false);
    expect(await page.getByText('Receptive field and blind spot').isVisible()).toBe(true);
    await expectNoProblems();
  });

  it('the dark theme draws dark plot backgrounds and light tick labels; switched to light, light backgrounds and dark labels', async () => {
    const page = await openApp(`/?theme=dark&${WASM}`);
    await page.locator('canvas[aria-label^="Loss curve"]').waitFor({ timeout: 120_000 });
    await mainPlot(page, 'density');
    const dark = await lossPixels(page);
    expect(dark.corner.alpha).toBe(255);
    expect(dark.corner.value).toBeLessThan(60);
    expect(dark.max).toBeGreaterThan(120);
    // The same page turns light (the Theme control): the plots are drawn again in its colours.
    await page.getByLabel('Theme').selectOption('light');
    await expect.poll(async () => (await lossPixels(page)).corner.value, { timeout: 60_000 }).toBeGreaterThan(230);
    const light = await lossPixels(page);
    expect(light.corner.alpha).toBe(255);
    expect(light.corner.value).toBeGreaterThan(230);
    expect(light.min).toBeLessThan(140);
    await expectNoProblems();
  });
});
