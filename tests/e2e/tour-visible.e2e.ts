/**
 * The tour card never scrolls away: at 1024×768 (a projector), 800×600 and 390×844 (a phone,
 * touch), plain and with `present=1&theme=projector` (800×600 shares the phone's layout of the
 * card, so it runs plain only), at every step the card and
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

const PRESENT = '&present=1&theme=projector';

/** The card's two layouts (fixed at the right from 900 px, along the bottom below), each plain and presenting. */
const CASES = [
  { width: 1024, height: 768, touch: false, extra: '' },
  { width: 1024, height: 768, touch: false, extra: PRESENT },
  { width: 800, height: 600, touch: false, extra: '' },
  { width: 390, height: 844, touch: true, extra: '' },
  { width: 390, height: 844, touch: true, extra: PRESENT },
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

describe(`the tour card stays on screen ${CONFIG}`, () => {
  for (const size of CASES) {
    const { extra } = size;
    it(`${size.width}×${size.height}${extra ? ' (presenter, projector)' : ''}: card, Previous and Next inside the window at every step`, async () => {
      const { width, height } = size;
      const page = await openApp(`/?tour=1${extra}&backend=wasm`, {
        viewport: { width, height },
        touch: size.touch,
      });
      const card = page.locator('section.tour-card');
      for (let step = 1; step <= TOUR_LENGTH; step++) {
        await card
          .filter({ has: page.locator('.tour-position', { hasText: `Step ${step} of` }) })
          .waitFor({ timeout: 60_000 });
        const highlight = TOUR_STEPS[step - 1].view.highlight;
        if (highlight) await page.locator('.tour-highlight').first().waitFor({ timeout: 60_000 });
        await scrollSettled(page);
        const cardBox = await card.boundingBox();
        const next = card.getByRole('button', { name: 'Next' });
        const previous = card.getByRole('button', { name: 'Previous' });
        expect(
          inside(cardBox, width, height),
          `card at step ${step}: ${JSON.stringify(cardBox)}`,
        ).toBe(true);
        expect(inside(await next.boundingBox(), width, height), `Next at step ${step}`).toBe(true);
        expect(
          inside(await previous.boundingBox(), width, height),
          `Previous at step ${step}`,
        ).toBe(true);
        if (highlight) {
          const target = await page.locator('.tour-highlight').first().boundingBox();
          expect(target, `outlined element at step ${step}`).not.toBeNull();
          expect(
            visibleOutside(target!, cardBox!, width, height),
            `outlined element beside the card at step ${step}: ${JSON.stringify(target)}`,
          ).toBeGreaterThan(40);
        }
        if (step < TOUR_LENGTH) {
          if (size.touch) await next.tap();
          else await next.click();
        }
      }
      await expectNoProblems();
    });
  }
});
