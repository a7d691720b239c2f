/** A readiness wait shared by the layout browser tests. */
import type { Locator, Page } from 'playwright-core';

/**
 * Waits until the page holds still: the fonts are loaded, and the page's scroll position and
 * size and the box of `locator` read the same on three reads 100 ms apart (late content,
 * smooth scrolling, plots redrawn at their size).
 */
export async function holdsStill(page: Page, locator: Locator): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const read = async () =>
    JSON.stringify([
      await page.evaluate(() => [
        window.scrollX,
        window.scrollY,
        document.documentElement.scrollWidth,
        document.documentElement.scrollHeight,
      ]),
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
