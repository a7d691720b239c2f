/**
 * On a phone (390×844, touch) the header's menus and dialogs fit too (layout.e2e.ts checks
 * each panel as it first shows): the Tools menu, the keyboard-shortcuts dialog it opens, the
 * density lab's Share dialog and its Files group. Each, once open, lies within the screen's
 * width, scrolls nothing sideways, and every target in it is at least 24×24 px (WCAG 2.5.8;
 * a radio or checkbox counts with its label). The Tools menu lies over the page, so it
 * closes once an item is chosen and on a tap outside it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CONFIG, expectNoProblems, openApp } from './harness';

const WIDTH = 390;

interface Fit {
  box: { left: number; right: number };
  /** How far the element's own content is wider than the element (px). */
  inner: number;
  /** How far the page is wider than the screen (px). */
  page: number;
  /** Targets measured (buttons, fields, links, summaries shown). */
  targets: number;
  small: string[];
  outside: string[];
}

/** Measures the open menu or dialog `selector`: its box, sideways overflow and its targets. */
function measure(page: Page, selector: string): Promise<Fit> {
  return page.evaluate((sel) => {
    const root = document.querySelector<HTMLElement>(sel);
    if (!root) throw new Error(`${sel} not found`);
    const rect = root.getBoundingClientRect();
    const small: string[] = [];
    const outside: string[] = [];
    let targets = 0;
    for (const el of root.querySelectorAll<HTMLElement>('button, select, input, textarea, summary, a[href]')) {
      if (el.getClientRects().length === 0) continue;
      if (el instanceof HTMLInputElement && el.type === 'file') continue; // opened by its button
      if (el instanceof HTMLAnchorElement && el.closest('p, li:not(nav li)')) continue;
      targets++;
      let box = el.getBoundingClientRect();
      if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
        const label = el.closest('label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`) : null);
        if (label) box = label.getBoundingClientRect();
      }
      const name = `${el.outerHTML.slice(0, 70)} ${box.width.toFixed(0)}×${box.height.toFixed(0)} at x ${box.left.toFixed(0)}`;
      if (box.width < 24 || box.height < 24) small.push(name);
      if (box.left < -0.5 || box.right > window.innerWidth + 0.5) outside.push(name);
    }
    return {
      box: { left: rect.left, right: rect.right },
      inner: root.scrollWidth - root.clientWidth,
      page: document.documentElement.scrollWidth - window.innerWidth,
      targets,
      small,
      outside,
    };
  }, selector);
}

function expectFits(fit: Fit, what: string, atLeast: number): void {
  expect(fit.targets, `${what}: targets found`).toBeGreaterThanOrEqual(atLeast);
  expect(fit.box.left, `${what} left edge`).toBeGreaterThanOrEqual(-0.5);
  expect(fit.box.right, `${what} right edge`).toBeLessThanOrEqual(WIDTH + 0.5);
  expect(fit.inner, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
  expect(fit.page, `page wider than the screen with ${what} open`).toBeLessThanOrEqual(0);
  expect(fit.small, `${what}: targets under 24 px`).toEqual([]);
  expect(fit.outside, `${what}: targets off the screen`).toEqual([]);
}

describe(`phone menus and dialogs ${CONFIG}`, () => {
  it('at 390×844 the Tools menu, Shortcuts, Share and Files fit the screen with 24 px targets', async () => {
    const page = await openApp('/?panel=density&backend=wasm', { viewport: { width: WIDTH, height: 844 }, touch: true });
    await page.locator('canvas[aria-label^="Model density"]').waitFor({ state: 'visible', timeout: 150_000 });

    await page.getByText('Tools', { exact: true }).tap();
    await page.locator('.header-menu[open] .header-tools').waitFor();
    expectFits(await measure(page, '.header-menu[open] .header-tools'), 'Tools menu', 4);

    await page.getByRole('button', { name: /^Shortcuts/ }).tap();
    await page.locator('dialog.shortcuts-dialog[open]').waitFor();
    expectFits(await measure(page, 'dialog.shortcuts-dialog[open]'), 'Shortcuts dialog', 1);
    await page.locator('dialog.shortcuts-dialog[open]').getByRole('button', { name: 'Close' }).tap();
    await page.locator('dialog.shortcuts-dialog[open]').waitFor({ state: 'detached' });
    // The menu closed when its item was chosen: it does not lie over the page any more.
    expect(await page.locator('.header-menu[open]').count()).toBe(0);
    // A tap outside an open menu closes it too.
    await page.getByText('Tools', { exact: true }).tap();
    await page.locator('.header-menu[open] .header-tools').waitFor();
    await page.locator('section.panel').first().tap({ position: { x: 5, y: 5 } });
    await page.locator('.header-menu[open]').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Share', exact: true }).tap();
    await page.locator('dialog.share-dialog[open] textarea').waitFor();
    expectFits(await measure(page, 'dialog.share-dialog[open]'), 'Share dialog', 5);
    await page.locator('dialog.share-dialog[open]').getByRole('button', { name: 'Close' }).tap();
    await page.locator('dialog.share-dialog[open]').waitFor({ state: 'detached' });

    await page.locator('fieldset.files-menu').scrollIntoViewIfNeeded();
    expectFits(await measure(page, 'fieldset.files-menu'), 'Files', 5);
    await expectNoProblems();
  }, 300_000);
});
