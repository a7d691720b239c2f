/**
 * The tour card never scrolls away: at 1024×768 (a projector), 800×600 and 390×844 (a phone,
 * touch), plain and with `present=1&theme=projector`, at every step the card and
 * its Previous / Next buttons lie inside the window, and the outlined element (scrolled into
 * view by the step) shows in the part of the window the card leaves free.
 * WASM is pinned: this is about layout, not the backend.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TOUR_LENGTH, TOUR_STEPS } from '../../src/content/tour';
import { CONFIG, expectNoProblems, openApp } from './harness';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The card's two layouts (fixed at the right from 900 px, along the bottom below): each walked
 * forward plain and, at 1024×768 and on the phone, back again presenting on the projector theme
 * (800×600 shares the phone's layout of the card).
 */
const CASES = [
  { width: 1024, height: 768, touch: false, both: true },
  { width: 800, height: 600, touch: false, both: false },
  { width: 390, height: 844, touch: true, both: true },
];

function inside(box: Box | null, width: number, height: number): boolean {
  return (
    !!box &&
    box.x >= -0.5 &&
    box.y >= -0.5 &&
    box.x + box.width <= width + 0.5 &&
    box.y + box.height <= height + 0.5
  );
}

/** Waits until the page stops scrolling (the step's smooth scroll to its outlined element). */
async function scrollSettled(page: Page): Promise<void> {
  let last = -1;
  for (let same = 0; same < 3;) {
    const now = await page.evaluate(
      () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(window.scrollY))),
    );
    same = now === last ? same + 1 : 0;
    last = now;
    await page.waitForTimeout(100);
  }
}

/** Height of the part of the outlined element's box that is in the window and not under the card. */
function visibleOutside(target: Box, card: Box, width: number, height: number): number {
  const top = Math.max(0, target.y);
  const bottom = Math.min(height, target.y + target.height);
  // A card along the bottom (narrow screens) takes the window below its top edge; a card at
  // the right (≥ 900 px) leaves the strip at its left, where the panel is.
  const free = card.x > width / 2 ? bottom : Math.min(bottom, card.y);
  return Math.max(0, free - top);
}

interface Size {
  width: number;
  height: number;
  touch: boolean;
}

/** Checks the card, its buttons and the outlined element at `step`, then moves by `by` (±1, or 0 to stay). */
async function checkStep(
  page: Page,
  size: Size,
  step: number,
  by: number,
  how: string,
  arrived = true,
): Promise<void> {
  const { width, height } = size;
  const card = page.locator('section.tour-card');
  await card
    .filter({ has: page.locator('.tour-position', { hasText: `Step ${step} of` }) })
    .waitFor({ timeout: 60_000 });
  const highlight = TOUR_STEPS[step - 1].view.highlight;
  if (highlight) await page.locator('.tour-highlight').first().waitFor({ timeout: 60_000 });
  await scrollSettled(page);
  const cardBox = await card.boundingBox();
  const next = card.getByRole('button', { name: 'Next' });
  const previous = card.getByRole('button', { name: 'Previous' });
  const at = `at step ${step} (${how})`;
  expect(inside(cardBox, width, height), `card ${at}: ${JSON.stringify(cardBox)}`).toBe(true);
  expect(inside(await next.boundingBox(), width, height), `Next ${at}`).toBe(true);
  expect(inside(await previous.boundingBox(), width, height), `Previous ${at}`).toBe(true);
  // Only arriving at a step scrolls to its outlined element (not a theme switch on the step).
  if (highlight && arrived) {
    const target = await page.locator('.tour-highlight').first().boundingBox();
    expect(target, `outlined element ${at}`).not.toBeNull();
    expect(
      visibleOutside(target!, cardBox!, width, height),
      `outlined element beside the card ${at}: ${JSON.stringify(target)}`,
    ).toBeGreaterThan(40);
  }
  if (by === 0) return;
  const button = by > 0 ? next : previous;
  if (size.touch) await button.tap();
  else await button.click();
}

/** Switches to the projector theme (from the Tools menu on a phone) and presenter mode (key P). */
async function presentOnProjector(page: Page, size: Size): Promise<void> {
  const tools = page.getByText('Tools', { exact: true });
  if (size.touch) await tools.tap();
  await page.getByLabel('Theme').selectOption('projector');
  if (size.touch) await tools.tap();
  await page.locator('body').press('p');
  await expect
    .poll(() => page.evaluate(() => document.documentElement.dataset.present ?? ''))
    .toBe('true');
}

describe(`the tour card stays on screen ${CONFIG}`, () => {
  for (const size of CASES) {
    const { width, height, both } = size;
    const title = both ? ', then with present=1&theme=projector walking back' : '';
    it(`${width}×${height}: card, Previous and Next inside the window at every step${title}`, async () => {
      const page = await openApp('/?tour=1&backend=wasm', {
        viewport: { width, height },
        touch: size.touch,
      });
      for (let step = 1; step <= TOUR_LENGTH; step++)
        await checkStep(page, size, step, step < TOUR_LENGTH ? 1 : 0, 'plain');
      if (both) {
        // The panels are warm now: walk back presenting with the projector theme.
        await presentOnProjector(page, size);
        for (let step = TOUR_LENGTH; step >= 1; step--)
          await checkStep(
            page,
            size,
            step,
            step > 1 ? -1 : 0,
            'presenter, projector',
            step < TOUR_LENGTH,
          );
        expect(new URL(page.url()).searchParams.get('theme')).toBe('projector');
      }
      await expectNoProblems();
    });
  }
});
