/**
 * Presenter mode with the projector theme at 1024×768, every panel of the schema in one page
 * (switched with the number keys, as a lecturer does): the panel's key plot, its primary
 * controls and its headline number lie inside the window without scrolling, and every label
 * drawn on a canvas (fillText, caught as it is drawn) or set in an SVG is at least 16 px, in
 * presenter mode and again with the projector theme alone.
 * WASM is pinned: this is about layout, not the backend.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { PANEL_IDS, type PanelId } from '../../src/state/url-schema';
import { CONFIG, expectNoProblems, openApp } from './harness';
import { holdsStill } from './hold-still';

const WIDTH = 1024;
const HEIGHT = 768;
/** The projector theme's smallest label size (px). */
const PROJECTOR_MIN_FONT = 16;

interface PanelView {
  /** The key plot, visible when the panel has drawn. */
  plot: string;
  /** Waited for before measuring (the panel's first result is in). */
  ready: string;
  /** The headline number. */
  headline: string;
  /** Primary controls, found inside the panel. */
  controls: (panel: Locator) => Locator[];
}

const button = (panel: Locator, name: string) => panel.getByRole('button', { name, exact: true });

const VIEWS: Record<PanelId, PanelView> = {
  density: {
    plot: 'canvas[aria-label^="Model density"]',
    ready: '.kl-gap',
    headline: '.kl-gap',
    controls: (p) => [button(p, 'Train')],
  },
  steps: {
    plot: '.steps-dag svg',
    ready: '.steps-dag svg',
    headline: '.steps-counter',
    controls: (p) => [button(p, 'Next step'), button(p, 'Play')],
  },
  distill: {
    plot: 'canvas[aria-label^="Student (IAF) density"]',
    ready: 'dd[data-kl-mean]',
    headline: 'dd[data-kl-mean]',
    controls: (p) => [button(p, 'Train'), p.getByRole('radio', { name: 'KL(teacher ‖ student)' })],
  },
  cost: {
    plot: 'canvas.plot-cost',
    ready: 'canvas.plot-cost',
    headline: '.cost-progress',
    controls: (p) => [button(p, 'Run'), p.getByRole('checkbox', { name: '16' })],
  },
  discrete: {
    plot: 'canvas.discrete-chart-canvas',
    ready: '.discrete-numbers',
    headline: '.discrete-numbers',
    controls: (p) => [p.locator('.discrete-controls button').first(), button(p, 'Reset')],
  },
  conv: {
    plot: '.conv-pictures canvas',
    ready: '.conv-step-counter',
    headline: '.conv-step-counter',
    controls: (p) => [
      p.locator('.conv-player-controls').getByRole('button', { name: 'Play' }),
      p.getByRole('combobox', { name: 'Image' }),
    ],
  },
  gaussianize: {
    plot: 'canvas.gauss-stage-canvas',
    ready: '.gauss-stages[data-ks]',
    headline: '.gauss-stage:last-child figcaption',
    controls: (p) => [p.getByRole('combobox', { name: '1-D sample' }), p.getByRole('slider')],
  },
};

function inside(box: { x: number; y: number; width: number; height: number } | null): boolean {
  return (
    !!box &&
    box.width > 0 &&
    box.x >= -0.5 &&
    box.y >= -0.5 &&
    box.x + box.width <= WIDTH + 0.5 &&
    box.y + box.height <= HEIGHT + 0.5
  );
}

/** Records the font of every canvas fillText call (window.__labelFonts), before the app runs. */
const RECORD_CANVAS_FONTS = () => {
  const fonts: string[] = [];
  (window as unknown as { __labelFonts: string[] }).__labelFonts = fonts;
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (
    this: CanvasRenderingContext2D,
    ...args: Parameters<typeof fillText>
  ) {
    fonts.push(`${this.font} «${String(args[0]).slice(0, 20)}»`);
    return fillText.apply(this, args);
  };
};

/** Canvas labels drawn since the last call, and the visible SVG text, under 16 px. */
async function smallLabels(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const log = (window as unknown as { __labelFonts: string[] }).__labelFonts;
    const canvas = log
      .splice(0)
      .filter((entry) => Number(/(\d+(?:\.\d+)?)px/.exec(entry)?.[1]) < min);
    // An SVG's text is scaled with its viewBox: the size on screen is font-size × the CTM's scale.
    const onScreen = (text: SVGTextElement) =>
      parseFloat(getComputedStyle(text).fontSize) *
      Math.hypot(text.getScreenCTM()?.a ?? 1, text.getScreenCTM()?.b ?? 0);
    const svg = [...document.querySelectorAll<SVGTextElement>('section.panel svg text')]
      .filter((text) => text.getClientRects().length > 0 && onScreen(text) < min - 0.05)
      .map(
        (text) => `svg ${onScreen(text).toFixed(1)}px «${(text.textContent ?? '').slice(0, 20)}»`,
      );
    return [...new Set([...canvas, ...svg])];
  }, PROJECTOR_MIN_FONT);
}

describe(`presenter mode at 1024×768 ${CONFIG}`, () => {
  it('every panel shows its key plot, primary controls and headline number without scrolling, labels ≥ 16 px', async () => {
    const page = await openApp('/?present=1&theme=projector&backend=wasm', {
      viewport: { width: WIDTH, height: HEIGHT },
      beforeLoad: (context) => context.addInitScript(RECORD_CANVAS_FONTS),
    });
    for (const [index, id] of PANEL_IDS.entries()) {
      const view = VIEWS[id];
      await page.locator('body').press(String(index + 1));
      const panel = page.locator(`section.panel-${id}`);
      await panel.locator(view.ready).first().waitFor({ timeout: 150_000 });
      const plot = panel.locator(view.plot).first();
      await plot.waitFor({ state: 'visible', timeout: 60_000 });
      // The panel's own first results settle (fonts load, plots redraw at their size).
      await holdsStill(page, plot);
      expect(await page.evaluate(() => window.scrollY), `${id}: scrolled`).toBe(0);
      expect(
        inside(await plot.boundingBox()),
        `${id}: key plot ${JSON.stringify(await plot.boundingBox())}`,
      ).toBe(true);
      const headline = panel.locator(view.headline).first();
      expect(
        inside(await headline.boundingBox()),
        `${id}: headline ${JSON.stringify(await headline.boundingBox())}`,
      ).toBe(true);
      for (const control of view.controls(panel)) {
        expect(
          inside(await control.boundingBox()),
          `${id}: control ${control} ${JSON.stringify(await control.boundingBox())}`,
        ).toBe(true);
      }
      expect(await smallLabels(page), `${id}: labels under ${PROJECTOR_MIN_FONT} px`).toEqual([]);
    }
    // The projector theme without presenter mode (its base sizes): every panel again.
    await page.getByRole('button', { name: 'Presenter mode' }).click();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.present ?? ''))
      .not.toBe('true');
    for (const [index, id] of PANEL_IDS.entries()) {
      await page.locator('body').press(String(index + 1));
      await page
        .locator(`section.panel-${id}`)
        .locator(VIEWS[id].ready)
        .first()
        .waitFor({ timeout: 60_000 });
      await holdsStill(page, page.locator(`section.panel-${id}`).locator(VIEWS[id].plot).first());
      expect(
        await smallLabels(page),
        `${id} (projector, not presenting): labels under ${PROJECTOR_MIN_FONT} px`,
      ).toEqual([]);
    }
    await expectNoProblems();
  });
});
