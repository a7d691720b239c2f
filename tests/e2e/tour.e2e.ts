/**
 * The guided tour, presenter mode and the keyboard shortcuts in Chromium: → walks the tour
 * from the first step to the last without a console error, `?tour=5` opens step 5, and each
 * shortcut of the overlay does what the overlay says (and nothing while typing in a field).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TOUR_LENGTH, TOUR_STEPS } from '../../src/content/tour';
import { CONFIG, expectNoProblems, openApp, waitForBackend } from './harness';

/** Lab tests pin WASM: software WebGPU compiles its training kernels for minutes. */
const WASM = '&backend=wasm';

const card = (page: Page) => page.locator('section.tour-card');
const position = (page: Page) => card(page).locator('.tour-position');
const currentPanel = (page: Page) =>
  page.locator('nav[aria-label="Lecture panels"] a[aria-current="page"]').textContent();
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

async function expectStep(page: Page, index: number): Promise<void> {
  await expect.poll(() => position(page).textContent()).toBe(`Step ${index} of ${TOUR_LENGTH}`);
  await expect
    .poll(() => card(page).getByRole('heading').textContent())
    .toBe(TOUR_STEPS[index - 1].title);
  await expect.poll(() => param(page, 'tour')).toBe(String(index));
}

async function labReady(page: Page): Promise<void> {
  await waitForBackend(page);
  await page.getByRole('button', { name: 'Train' }).and(page.locator(':enabled')).waitFor({
    timeout: 120_000,
  });
}

describe(`guided tour ${CONFIG}`, () => {
  it('runs from the first step to the last by pressing →', async () => {
    const page = await openApp(`/?${WASM.slice(1)}`);
    await waitForBackend(page);
    await page.getByRole('button', { name: 'Start tour' }).click();
    await expectStep(page, 1);
    expect(await currentPanel(page)).toContain('Step by step');
    for (let index = 2; index <= TOUR_LENGTH; index++) {
      await page.keyboard.press('ArrowRight');
      await expectStep(page, index);
      // The step's state is in the address bar (a link to this step reproduces it).
      const view = TOUR_STEPS[index - 1].view;
      if (view.state.flow) expect(param(page, 'flow') ?? 'maf').toBe(view.state.flow);
      // Let the step's panel load and show what the step points at before moving on.
      await page.locator('section.panel').first().waitFor();
      const highlight = TOUR_STEPS[index - 1].view.highlight;
      if (highlight) await page.locator(highlight.selector).first().waitFor({ timeout: 60_000 });
      // Each step shows something live on arrival: the trade-off step a table measured here.
      if (TOUR_STEPS[index - 1].id === 'tradeoffs') {
        await expect
          .poll(() => page.locator('td[data-ms="maf-density"]').textContent(), { timeout: 120_000 })
          .toMatch(/ms/);
      }
    }
    // The last step: → stays, ← goes back, Close ends the tour.
    await page.keyboard.press('ArrowRight');
    await expectStep(page, TOUR_LENGTH);
    expect(await currentPanel(page)).toContain('Gaussianization');
    await page.keyboard.press('ArrowLeft');
    await expectStep(page, TOUR_LENGTH - 1);
    await page.getByRole('button', { name: 'Close tour' }).click();
    await expect.poll(() => card(page).count()).toBe(0);
    expect(param(page, 'tour')).toBeNull();
    await expectNoProblems();
  });

  it('opens step 5 from ?tour=5, with its highlight outlined', async () => {
    const page = await openApp(`/?tour=5${WASM}`);
    await expectStep(page, 5);
    const step = TOUR_STEPS[4];
    const shown = step.view;
    expect(param(page, 'panel') ?? 'density').toBe(shown.panel);
    if (shown.highlight) {
      await page
        .locator(`${shown.highlight.selector}.tour-highlight`)
        .waitFor({ timeout: 120_000 });
      await expect.poll(() => card(page).textContent()).toContain(shown.highlight.label);
    }
    // ← and → move from a linked step too.
    await page.keyboard.press('ArrowLeft');
    await expectStep(page, 4);
    await expectNoProblems();
  });

  it('keeps params a link spells out over the step’s own (?tour=2&dim=6)', async () => {
    // On the automatic backend (WebGPU where the browser offers it): nothing here waits on training.
    const page = await openApp('/?tour=2&dim=6');
    await expectStep(page, 2);
    expect(param(page, 'dim')).toBe('6');
    expect(param(page, 'panel')).toBe('steps');
    await expectNoProblems();
  });
});

describe(`keyboard shortcuts ${CONFIG}`, () => {
  it('do what the overlay says', async () => {
    const page = await openApp(`/?${WASM.slice(1)}`);
    await labReady(page);
    const html = page.locator('html');

    // ? opens the overlay; it lists every shortcut, traps focus, and Escape returns focus.
    const opener = page.getByRole('button', { name: /Shortcuts/ });
    await opener.focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    const rows = await dialog.locator('.shortcuts-row').allTextContents();
    for (const expected of [
      '?',
      'M',
      'I',
      'T',
      'R',
      'F',
      'P',
      '→ or Page Down',
      '← or Page Up',
      '1 … 9',
      'Space',
    ])
      expect(
        rows.some((r) => r.startsWith(expected)),
        expected,
      ).toBe(true);
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
    }
    // Shortcuts are off while the overlay is open.
    await page.keyboard.press('i');
    expect(param(page, 'flow')).toBeNull();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);

    // M / I: the flow.
    const radio = (name: string) => page.getByRole('radio', { name });
    await page.keyboard.press('i');
    await expect.poll(() => radio('IAF').isChecked()).toBe(true);
    await page.keyboard.press('m');
    await expect.poll(() => radio('MAF').isChecked()).toBe(true);
    await labReady(page);

    // T: train, T again: pause.
    const stepText = () => page.locator('.loss-stats span').first().textContent();
    const before = await stepText();
    await page.keyboard.press('t');
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await expect.poll(stepText, { timeout: 60_000 }).not.toBe(before);
    await page.keyboard.press('t');
    await page.getByRole('button', { name: 'Train' }).waitFor();
    // R: back to the preset (the step count it started at).
    await labReady(page);
    await page.keyboard.press('r');
    await expect.poll(stepText, { timeout: 60_000 }).toBe(before);

    // Not while typing: a key in a field is text.
    const field = page.getByRole('spinbutton').first();
    await field.focus();
    await page.keyboard.press('i');
    expect(await radio('MAF').isChecked()).toBe(true);
    await field.evaluate((el) => (el as HTMLElement).blur());

    // P: presenter mode (large type, chrome hidden); the button says so too.
    const size = () =>
      page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const normal = await size();
    await page.keyboard.press('p');
    await expect.poll(() => html.getAttribute('data-present')).toBe('true');
    expect(param(page, 'present')).toBe('1');
    expect(await size()).toBeGreaterThan(normal);
    expect(await page.locator('.status-bar').isVisible()).toBe(false);
    expect(await page.locator('.tagline').isVisible()).toBe(false);
    expect(
      await page.getByRole('button', { name: 'Presenter mode' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await page.keyboard.press('p');
    await expect.poll(() => html.getAttribute('data-present')).toBeNull();

    // F: full screen on and off, through the Fullscreen API.
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);

    // → / ←: tour steps while the tour is open; 1 … 9: panels.
    await page.getByRole('button', { name: 'Start tour' }).click();
    await expectStep(page, 1);
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 2);
    await page.keyboard.press('PageUp');
    await expectStep(page, 1);
    await page.keyboard.press('1');
    await expect.poll(() => currentPanel(page)).toContain('Density lab');
    await expectNoProblems();
  });

  it('leave → and ← to the stepper while the tour is closed', async () => {
    const page = await openApp(`/?panel=steps${WASM}`);
    await page.locator('section[aria-label="Equations"]').waitFor({ timeout: 120_000 });
    const counter = page.getByTestId('pass-counter');
    const before = await counter.textContent();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => counter.textContent()).not.toBe(before);
    expect(param(page, 'tour')).toBeNull();
    await expectNoProblems();
  });
});
