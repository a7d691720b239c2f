/**
 * Accessibility in Chromium: an axe-core scan of every panel in each theme (light, dark,
 * projector) and with the tour card in presenter mode reports no serious or critical
 * violation; every panel's canvases state what they show; Tab reaches every control of the
 * lab (on the same page as the panels' scan). (That every panel fits a phone in portrait,
 * 390×844, is in layout.e2e.ts.) axe-core's source is injected from node_modules (no request
 * leaves the page's origin).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CONFIG, expectNoProblems, openApp, waitForBackend } from './harness';

const WASM = '&backend=wasm';
const THEMES = ['light', 'dark', 'projector'] as const;
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Serious and critical axe violations of the page as it is now, in words. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .slice(0, 3)
          .map(
            (n) => JSON.stringify(n.target) + ' ' + (n.failureSummary ?? '').replace(/\s+/g, ' '),
          )
          .join(' | ')}`,
    );
}

/** Panel ids of this build, from the tabs. */
async function panelIds(page: Page): Promise<string[]> {
  return page
    .locator('nav[aria-label="Lecture panels"] a')
    .evaluateAll((links) =>
      links.map(
        (a) => new URL((a as HTMLAnchorElement).href).searchParams.get('panel') ?? 'density',
      ),
    );
}

/** What each panel shows once its first worker answer is drawn (a readiness signal). */
const READY: Record<string, string> = {
  density: 'canvas[aria-label^="Model density for"][aria-label*=" layer"]',
  steps: 'section[aria-label="Equations"]',
  conv: '.conv-inverse',
  distill: '[aria-label^="Teacher (MAF) density for"]',
  // The cost panel computes nothing until asked: its controls are what it shows.
  cost: '[role="group"][aria-label="Measurement"]',
  gaussianize: '.gauss-stages[data-ks]',
  discrete: '[data-testid="discrete-numbers"]',
};

/** Two animation frames: React has committed and the browser has painted what it drew. */
const painted = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );

/** Waits until a panel has drawn what it shows once its worker work is done. */
async function panelSettled(page: Page, panel: string): Promise<void> {
  await page.locator('section.panel').first().waitFor({ timeout: 60_000 });
  const selector = READY[panel];
  if (selector) await page.locator(selector).first().waitFor({ timeout: 120_000 });
  // A panel without an entry above: at least its code and data have arrived.
  else await page.waitForLoadState('networkidle');
  await painted(page);
}

/** Canvases of the page that do not say what they show (no role="img" or no label). */
const unlabeledCanvases = (page: Page) =>
  page
    .locator('canvas')
    .evaluateAll(
      (canvases) =>
        canvases.filter(
          (c) => !(c.getAttribute('aria-label') ?? '').trim() || c.getAttribute('role') !== 'img',
        ).length,
    );

/** Switches the theme with the app's own control and waits until it is painted. */
async function showTheme(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
  await page.getByLabel('Theme', { exact: true }).selectOption(theme);
  await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe(theme);
  // Colour transitions finish before axe measures contrast.
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running'),
  );
  await painted(page);
}

/**
 * Tab reaches every enabled control of the lab panel (a radio group counts once: Tab enters it
 * once), each with a visible focus ring (an outline ≥ 2 px).
 */
async function expectTabReachesLab(page: Page): Promise<void> {
  await page
    .getByRole('button', { name: 'Train' })
    .and(page.locator(':enabled'))
    .waitFor({ timeout: 120_000 });
  // Every enabled control of the lab panel; a radio group counts once (Tab enters it once).
  const controls = await page.evaluate(() => {
    const selector =
      'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), a[href], [tabindex]:not([tabindex="-1"])';
    const seenGroups = new Set<string>();
    const ids: string[] = [];
    document
      .querySelectorAll<HTMLElement>(
        `.panel-density ${selector.split(', ').join(', .panel-density ')}`,
      )
      .forEach((el, i) => {
        if (el.closest('dialog') || el.getClientRects().length === 0) return;
        if (el instanceof HTMLInputElement && el.type === 'radio') {
          if (seenGroups.has(el.name)) return;
          seenGroups.add(el.name);
          document
            .querySelectorAll(`input[name="${el.name}"]`)
            .forEach((r) => r.setAttribute('data-tab-id', `g${i}`));
        } else el.setAttribute('data-tab-id', `c${i}`);
        ids.push(el.getAttribute('data-tab-id')!);
      });
    return ids;
  });
  expect(controls.length).toBeGreaterThan(8);
  const reached = new Set<string>();
  const noRing: string[] = [];
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < 120 && reached.size < controls.length; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return null;
      const style = getComputedStyle(el);
      const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      return { id: el.getAttribute('data-tab-id'), ring, name: el.outerHTML.slice(0, 80) };
    });
    if (info?.id) {
      reached.add(info.id);
      if (!info.ring) noRing.push(info.name);
    }
  }
  expect(controls.filter((id) => !reached.has(id))).toEqual([]);
  expect(noRing).toEqual([]);
}

describe(`accessibility ${CONFIG}`, () => {
  // One page visits every panel once and shows it in each theme (the app's theme control):
  // the themes differ only in colour variables, so a fresh page per theme proved nothing more.
  // The lab's keyboard walk runs on the same page, on the lab, before its themes are switched.
  it(`axe finds no serious or critical violation on any panel in any theme (${THEMES.join(', ')}); canvases state what they show; Tab reaches every control of the lab, each with a visible focus ring`, async () => {
    const page = await openApp(`/?theme=${THEMES[0]}${WASM}`);
    await waitForBackend(page);
    expect(await page.locator('html').getAttribute('data-theme')).toBe(THEMES[0]);
    const found: string[] = [];
    const ids = await panelIds(page);
    for (const panel of ids) {
      await page.locator('nav[aria-label="Lecture panels"] a').nth(ids.indexOf(panel)).click();
      await panelSettled(page, panel);
      expect(await unlabeledCanvases(page), `unlabelled canvases on ${panel}`).toBe(0);
      if (panel === 'density') {
        const label = await page
          .locator('canvas[aria-label^="Model density for"][aria-label*=" layer"]')
          .getAttribute('aria-label');
        expect(label).toMatch(/^Model density for 8gaussians, MAF, 12 layers(, NLL \d+\.\d\d)?$/);
        await expectTabReachesLab(page);
      }
      for (const theme of THEMES) {
        await showTheme(page, theme);
        for (const v of await seriousViolations(page)) found.push(`[${panel}, ${theme}] ${v}`);
      }
    }
    expect(found).toEqual([]);
    await expectNoProblems();
  });

  it('axe finds no serious or critical violation with the tour card in presenter mode, and the overlay open', async () => {
    const page = await openApp(`/?tour=1&present=1${WASM}`);
    await panelSettled(page, 'steps');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await expectNoProblems();
  });
});
