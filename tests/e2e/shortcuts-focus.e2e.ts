/**
 * Keyboard in class: after clicking a radio button or a select, focus stays on that control,
 * yet the page shortcuts (`M`, `I`, `2`) still work; only text fields swallow keys, and a
 * radio keeps its own arrow keys.
 */
import { describe, expect, it } from 'vitest';
import { CONFIG, expectNoProblems, openApp } from './harness';

describe(`shortcuts with focus on a control ${CONFIG}`, () => {
  it('M, I and 2 work after clicking the Flow radio or the Dataset select, not in a text field', async () => {
    const page = await openApp('/?backend=cpu');
    // A text field keeps every key.
    const lr = page.getByLabel('Learning rate');
    await lr.focus();
    await page.keyboard.press('2');
    expect(new URL(page.url()).searchParams.get('panel')).toBeNull();
    const iaf = page.getByRole('radio', { name: 'IAF' });
    const maf = page.getByRole('radio', { name: 'MAF' });
    await iaf.click();
    await expect.poll(() => maf.isChecked()).toBe(false);
    // Focus is on the IAF radio; M is a shortcut, not a key for the radio.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('radio');
    await page.keyboard.press('m');
    await expect.poll(() => maf.isChecked()).toBe(true);
    expect(new URL(page.url()).searchParams.get('flow')).toBeNull(); // MAF is the default
    // The radio still owns its arrow keys: → moves the choice.
    await maf.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => iaf.isChecked()).toBe(true);

    // After choosing a data set in the select, I and a digit still work.
    const dataset = page.getByLabel('Dataset');
    await dataset.focus();
    await dataset.selectOption('moons');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await page.keyboard.press('m');
    await expect.poll(() => maf.isChecked()).toBe(true);
    await page.keyboard.press('i');
    await expect.poll(() => iaf.isChecked()).toBe(true);
    expect(await dataset.inputValue()).toBe('moons'); // the letters did not pick another data set
    await page.keyboard.press('2');
    await expect.poll(() => new URL(page.url()).searchParams.get('panel')).toBe('steps');
    expect(new URL(page.url()).searchParams.get('dataset')).toBe('moons');

    await expectNoProblems();
  });
});
