/**
 * The tour card never scrolls away: at 1024×768 (a projector), 800×600 and 390×844 (a phone,
 * touch), plain and with `present=1&theme=projector`, at every step the card and
 * its Previous / Next buttons lie inside the window, and the outlined element (scrolled into
 * view by the step) shows in the part of the window the card leaves free.
 * WASM is pinned: this is about layout, not the backend.
 *
 * One page per kind of screen: the desktop page walks forward at 1024×768, back at 800×600
 * (the window resized in place) and forward again presenting on the projector theme at
 * 1024×768; the phone page walks forward plain and back presenting. The desktop page asks for
 * reduced motion (the step scrolls to its element at once instead of smoothly, to the same
 * place), the phone page keeps the smooth scroll.
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

/** The card's two layouts: fixed at the right from 900 px, along the bottom below. */
const PROJECTOR = { width: 1024, height: 768, touch: false };
/** 800×600 shares the phone's layout of the card, in a short window. */
const SMALL = { width: 800, height: 600, touch: false };
const PHONE = { width: 390, height: 844, touch: true };

function inside(box: Box | null, width: number, height: number): boolean {
  return (
    !!box &&
    box.x >= -0.5 &&
    box.y >= -0.5 &&
    box.x + box.width <= width + 0.5 &&
    box.y + box.height <= height + 0.5
  );
}

/**
 * Waits until the page stops scrolling (the step's scroll to its outlined element): four reads
 * of the scroll position, each two animation frames after the last, the last three alike. A
 * smooth scroll (the phone page) moves the page on every frame until it ends, and a reduced-
 * motion one (the desktop page) jumps at once, so frames are the unit either way. One call in
 * the page: no round trip between reads.
 */
async function scrollSettled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((settled) => {
        let last = Number.NaN;
        let same = 0;
        const read = () => {
          const now = window.scrollY;
          same = now === last ? same + 1 : 0;
          last = now;
          if (same >= 3) settled();
          else twoFrames();
        };
        const twoFrames = () => requestAnimationFrame(() => requestAnimationFrame(read));
        twoFrames();
      }),
  );
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
  // This step's own element once outlined: the outline and the scroll to it come together
  // (src/app/tour/useTourHighlight.ts), after the card already shows the new step, so the
  // previous step's outline can still be on the page then (seen on a busy machine: the wait
  // passed on it, the scroll began after the settle, and the box was read unscrolled).
  const outlined = highlight ? page.locator(`${highlight.selector}.tour-highlight`).first() : null;
  if (outlined) await outlined.waitFor({ timeout: 60_000 });
  await scrollSettled(page);
  const next = card.getByRole('button', { name: 'Next' });
  const previous = card.getByRole('button', { name: 'Previous' });
  // The boxes are read together (one round trip's wait, not four).
  const [cardBox, nextBox, previousBox, target] = await Promise.all([
    card.boundingBox(),
    next.boundingBox(),
    previous.boundingBox(),
    outlined && arrived ? outlined.boundingBox() : Promise.resolve(null),
  ]);
  const at = `at step ${step} (${how})`;
  expect(inside(cardBox, width, height), `card ${at}: ${JSON.stringify(cardBox)}`).toBe(true);
  expect(inside(nextBox, width, height), `Next ${at}`).toBe(true);
  expect(inside(previousBox, width, height), `Previous ${at}`).toBe(true);
  // Only arriving at a step scrolls to its outlined element (not a theme switch on the step).
  // The phone page scrolls smoothly, and on a busy machine the animation can start after the
  // settle above found the page still (seen in a fresh-clone run: step 5 read unscrolled at
  // y = 1462 in an 844-px window): the element must come into view, so it is polled for.
  if (highlight && arrived) {
    expect(target, `outlined element ${at}`).not.toBeNull();
    await expect
      .poll(
        async () => {
          const [box, cardNow] = await Promise.all([outlined!.boundingBox(), card.boundingBox()]);
          return box && cardNow ? visibleOutside(box, cardNow, width, height) : 0;
        },
        { timeout: 15_000, message: `outlined element beside the card ${at} (first read: ${JSON.stringify(target)})` },
      )
      .toBeGreaterThan(40);
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

/**
 * Walks from `from` to `to` (either direction), checking every step on the way; `opened`: the
 * first step was arrived at (the tour just opened), not reached by a resize or a theme switch.
 */
async function walk(
  page: Page,
  size: Size,
  from: number,
  to: number,
  how: string,
  opened = false,
): Promise<void> {
  const by = Math.sign(to - from);
  for (let step = from; ; step += by) {
    await checkStep(page, size, step, step === to ? 0 : by, how, step !== from || opened);
    if (step === to) return;
  }
}

describe(`the tour card stays on screen ${CONFIG}`, () => {
  it('1024×768 forward, 800×600 back, then 1024×768 forward with present=1&theme=projector: card, Previous and Next inside the window at every step', async () => {
    const page = await openApp('/?tour=1&backend=wasm', {
      viewport: { width: PROJECTOR.width, height: PROJECTOR.height },
    });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await walk(page, PROJECTOR, 1, TOUR_LENGTH, 'plain, 1024×768', true);
    await page.setViewportSize({ width: SMALL.width, height: SMALL.height });
    await walk(page, SMALL, TOUR_LENGTH, 1, 'plain, 800×600');
    await page.setViewportSize({ width: PROJECTOR.width, height: PROJECTOR.height });
    await presentOnProjector(page, PROJECTOR);
    await walk(page, PROJECTOR, 1, TOUR_LENGTH, 'presenter, projector, 1024×768');
    expect(new URL(page.url()).searchParams.get('theme')).toBe('projector');
    await expectNoProblems();
  });

  it('390×844 (phone, touch): card, Previous and Next inside the window at every step, then with present=1&theme=projector walking back', async () => {
    const page = await openApp('/?tour=1&backend=wasm', {
      viewport: { width: PHONE.width, height: PHONE.height },
      touch: true,
    });
    await walk(page, PHONE, 1, TOUR_LENGTH, 'plain', true);
    // The panels are warm now: walk back presenting with the projector theme.
    await presentOnProjector(page, PHONE);
    await walk(page, PHONE, TOUR_LENGTH, 1, 'presenter, projector');
    expect(new URL(page.url()).searchParams.get('theme')).toBe('projector');
    await expectNoProblems();
  });
});
