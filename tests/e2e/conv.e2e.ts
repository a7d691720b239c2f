/**
 * The masked-convolution panel in the real browser: hovering (or focusing) an output cell
 * highlights exactly the input cells its masked 3×3 kernel reads plus itself; the sequential
 * inverse animation runs all H·W·C steps and reconstructs the input; the Jacobian's log|det|
 * from the diagonal matches LU; the panel works embedded, without a console error.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CONFIG, expectNoProblems, openApp } from './harness';

type Cell = [row: number, col: number, channel: number];

/**
 * The definition, written out independently of the app: input cell (r, q, c') feeds output
 * (i, j, c) when it lies in the 3×3 window and comes earlier in raster-then-channel order
 * (a row above; or the same row, a column to the left; or the same pixel, an earlier channel),
 * and the output always reads its own input cell (the diagonal weight).
 */
function expectedField([i, j, c]: Cell, side: number): string[] {
  const cells: string[] = [];
  for (let r = i - 1; r <= i + 1; r++) {
    for (let q = j - 1; q <= j + 1; q++) {
      if (r < 0 || q < 0 || r >= side || q >= side) continue;
      for (let ch = 0; ch < 3; ch++) {
        const earlier = r < i || (r === i && q < j) || (r === i && q === j && ch < c);
        if (earlier || (r === i && q === j && ch === c)) cells.push(`${r},${q},${ch}`);
      }
    }
  }
  return cells.sort();
}

const cellSelector = (grid: string, [row, col, channel]: Cell) =>
  `[data-grid="${grid}"] [data-row="${row}"][data-col="${col}"][data-channel="${channel}"]`;

async function highlightedInputs(page: Page): Promise<string[]> {
  const cells = await page
    .locator('[data-grid="input"] [data-highlight="true"]')
    .evaluateAll((elements) =>
      elements.map((e) => {
        const d = (e as HTMLElement).dataset;
        return `${d.row},${d.col},${d.channel}`;
      }),
    );
  return cells.sort();
}

/**
 * How long the worker may take to answer. Software WebGPU (SwiftShader) is slow, and while the
 * app also builds the density lab's model in the same worker, the first conv answers can
 * take over a minute there; elsewhere they take a second or two.
 */
const WORKER_TIMEOUT_MS = 150_000;

/** Opens the panel and waits until the worker has answered (layer, passes, Jacobian). */
async function openConvPanel(path: string, options?: Parameters<typeof openApp>[1]): Promise<Page> {
  const page = await openApp(path, options);
  // No waitForBackend: embedded pages have no status bar.
  for (const ready of ['.conv-kernel', '.conv-step-counter', '[data-testid="logdet-diagonal"]']) {
    await page.locator(ready).waitFor({ timeout: WORKER_TIMEOUT_MS });
  }
  return page;
}

async function stepCount(page: Page): Promise<number> {
  return Number(await page.locator('.conv-step-counter').getAttribute('data-step'));
}

describe(`masked convolution panel ${CONFIG}`, () => {
  it('the 48×48 Jacobian is triangular and its log|det| from the diagonal matches LU; the keyboard inspects cells (arrows move through raster-then-channel order); hovering an output cell highlights exactly its unmasked inputs and itself', async () => {
    const page = await openConvPanel('/?panel=conv');
    const read = async (id: string) =>
      Number(((await page.getByTestId(id).textContent()) ?? '').replace('−', '-'));
    expect(await page.getByTestId('jacobian-above').textContent()).toBe('0 of 1128');
    const fromDiagonal = await read('logdet-diagonal');
    expect(Number.isFinite(fromDiagonal)).toBe(true);
    expect(Math.abs((await read('logdet-lu')) - fromDiagonal)).toBeLessThan(1e-4);
    expect(Math.abs((await read('logdet-scales')) - fromDiagonal)).toBeLessThan(1e-4);
    // Each output channel c reads 12 + c earlier weights, 1 diagonal; the rest are masked.
    for (let c = 0; c < 3; c++) {
      const masked = page.locator(`.conv-weight[data-cout="${c}"][data-kind="masked"]`);
      expect(await masked.count()).toBe(14 - c);
    }

    // The keyboard inspects cells too.
    const grid = page.getByRole('grid', { name: /^Output y/ });
    const start = grid.locator('[tabindex="0"]');
    await start.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => {
      const d = (document.activeElement as HTMLElement).dataset;
      return [Number(d.row), Number(d.col), Number(d.channel)] as Cell;
    });
    // Default cell (4, 4, G); two steps right: (4, 5, R).
    expect(focused).toEqual([4, 5, 0]);
    expect(await highlightedInputs(page)).toEqual(expectedField(focused, 8));

    // Hovering.
    const cells: Cell[] = [
      [3, 4, 1],
      [0, 0, 0],
      [0, 5, 2],
      [7, 0, 0],
      [4, 7, 1],
      [7, 7, 2],
    ];
    for (const cell of cells) {
      await page.locator(cellSelector('output', cell)).hover();
      expect(await highlightedInputs(page), `output ${cell.join(',')}`).toEqual(
        expectedField(cell, 8),
      );
    }
    // One layer: the blind spot is everything earlier outside the window that is up-right.
    expect(await page.locator('[data-grid="input"] [data-mark="self"]').count()).toBe(1);

    // More layers grow the field; a blind spot remains.
    await page.locator(cellSelector('output', [5, 3, 1])).hover();
    const oneLayer = (await highlightedInputs(page)).length;
    await page.getByRole('slider', { name: 'Stacked layers' }).fill('4');
    const fourLayers = await highlightedInputs(page);
    expect(fourLayers.length).toBeGreaterThan(oneLayer);
    expect(await page.locator('[data-grid="input"] [data-mark="blind"]').count()).toBeGreaterThan(
      0,
    );
    await expectNoProblems();
  });

  it('the inverse animation runs all H·W·C steps and reconstructs the input; with reduced motion, Play jumps a row of cells at a time', async () => {
    const page = await openConvPanel('/?panel=conv');
    const counter = page.locator('.conv-step-counter');
    expect(await counter.textContent()).toBe('step 0 of 192');
    await page.getByRole('button', { name: 'Step' }).click();
    expect(await counter.textContent()).toBe('step 1 of 192');
    await page.getByRole('button', { name: 'Reset' }).click();
    expect(await counter.textContent()).toBe('step 0 of 192');

    // The fastest speed (384 steps a second, not the default 96), as the other tests here: every
    // one of the 192 steps still runs; the playback's pace is not what this checks.
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('384');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByText('step 192 of 192', { exact: true }).waitFor({ timeout: 30_000 });
    const result = (await page.locator('.conv-inverse-result').textContent()) ?? '';
    expect(result).toContain('192 sequential steps');
    const error = Number(/max error \|x̂ − x\| = (\d\.\de[+-]\d+)/.exec(result)?.[1]);
    expect(error).toBeLessThan(1e-4);
    expect(await page.getByText('1 pass', { exact: true }).count()).toBeGreaterThan(0);

    // Reduced motion: from the start again, Play jumps a row of cells at a time.
    await page.getByRole('button', { name: 'Reset' }).click();
    expect(await counter.textContent()).toBe('step 0 of 192');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.getByText(/Reduced motion: jumps a row/).waitFor();
    await page.getByRole('button', { name: 'Play' }).click();
    const seen = new Set<number>();
    while (seen.size < 3) {
      const step = await stepCount(page);
      seen.add(step);
      // The next value the counter shows (readiness, not a fixed sleep).
      await expect.poll(() => stepCount(page), { interval: 20 }).not.toBe(step);
    }
    for (const step of seen) expect(step % 24).toBe(0);
    await page.getByText('step 192 of 192', { exact: true }).waitFor({ timeout: 30_000 });
    await expectNoProblems();
  });

  it('painting (pointer or keyboard) changes the input, reruns the layer, and the inverse still recovers it', async () => {
    const page = await openConvPanel('/?panel=conv&image=blank');
    const cellColour = (cell: Cell) =>
      page
        .locator(cellSelector('input', cell))
        .evaluate((e) => (e as HTMLElement).style.background);
    expect(await cellColour([0, 0, 1])).toBe('rgb(0, 255, 0)');
    await page.getByLabel('Paint colour').fill('#ff0000');
    const picture = page.getByRole('img', { name: /^Input image x/ });
    const box = await picture.boundingBox();
    if (!box) throw new Error('no input picture');
    // Pixel (0, 0) of 8×8: the first eighth of the square picture.
    await page.mouse.click(box.x + box.width / 16, box.y + box.height / 16);
    await page.getByRole('button', { name: 'Discard painting' }).waitFor();
    expect(await cellColour([0, 0, 0])).toBe('rgb(255, 0, 0)');
    expect(await cellColour([0, 0, 1])).toBe('rgb(0, 0, 0)');

    // Keyboard: the cursor starts at the centre (4, 4); one step up, then Space paints (3, 4).
    await picture.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    await expect.poll(() => cellColour([3, 4, 2])).toBe('rgb(0, 0, 0)');

    const counter = page.locator('.conv-step-counter');
    await expect.poll(() => counter.textContent()).toBe('step 0 of 192');
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('384');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByText('step 192 of 192', { exact: true }).waitFor({ timeout: 30_000 });
    const result = (await page.locator('.conv-inverse-result').textContent()) ?? '';
    expect(Number(/= (\d\.\de[+-]\d+)/.exec(result)?.[1])).toBeLessThan(1e-4);
    await page.getByRole('button', { name: 'Discard painting' }).click();
    expect(await cellColour([0, 0, 0])).toBe('rgb(255, 0, 0)'); // blank is white: R = 1
    expect(await cellColour([0, 0, 1])).toBe('rgb(0, 255, 0)');
    await expectNoProblems();
  });

  it('works embedded (?embed=1&panel=conv) at 16×16, with no console error or a11y violation', async () => {
    const page = await openConvPanel('/?embed=1&panel=conv&size=16', {
      viewport: { width: 900, height: 700 },
    });
    await page.getByRole('heading', { name: 'Masked invertible convolution' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(0);
    await page.locator(cellSelector('output', [9, 12, 2])).hover();
    expect(await highlightedInputs(page)).toEqual(expectedField([9, 12, 2], 16));
    await page.mouse.move(0, 0);
    expect(await page.locator('.conv-step-counter').textContent()).toBe('step 0 of 768');
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('384');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByText('step 768 of 768', { exact: true }).waitFor({ timeout: 30_000 });

    const require = createRequire(import.meta.url);
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };
      const axe = (
        window as unknown as { axe: { run(context: string): Promise<{ violations: Violation[] }> } }
      ).axe;
      const result = await axe.run('.panel-conv');
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await expectNoProblems();
  });
});
