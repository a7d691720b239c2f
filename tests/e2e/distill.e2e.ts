/**
 * The distillation panel in Chromium, as a student sees it: it opens on the pretrained student
 * (KL(student ‖ teacher), no warm start) with its KL and mode coverage, the pass counts from the
 * real layer counts, the gradient path and the Parallel WaveNet paragraph; "Train from scratch"
 * trains a fresh student without drawing a teacher sample; the warm start is an option named for
 * its cost; sampling is timed; the panel works embedded. Training pins WASM (software WebGPU is
 * far too slow to train a flow in a test); one light test uses the automatic backend.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { articleFor } from '../../src/panels/distill/pass-text';
import { CONFIG, expectNoProblems, openApp, waitForBackend } from './harness';

const WASM = '&backend=wasm';
const WARM = /^Warm start on teacher samples: costs D passes per layer per sample; not what Parallel WaveNet does/;

/** The committed pretrained student's record in the manifest. */
const STUDENT = (
  JSON.parse(readFileSync('public/presets/index.json', 'utf8')) as {
    students: { dataset: string; training: { kl: number; klStandardError: number; modesCovered: string; steps: number } }[];
  }
).students.find((s) => s.dataset === '8gaussians')!;

/** Layer counts of the committed teacher and pretrained student: the pass sentences follow them. */
const layersOf = (file: string) =>
  (JSON.parse(readFileSync(`public/presets/${file}`, 'utf8')) as { config: { layers: number } }).config.layers;
const TEACHER_LAYERS = layersOf('8gaussians-maf.json');
const STUDENT_LAYERS = layersOf('8gaussians-student.json');

const num = async (page: Page, selector: string, attribute: string) => Number(await page.locator(selector).getAttribute(attribute));
/** The latest KL estimate shown under the KL curve. */
const shownKl = (page: Page) => num(page, '[data-kl]', 'data-kl');

async function waitForModels(page: Page): Promise<void> {
  await page.getByRole('img', { name: /^Teacher \(MAF\) density/ }).waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Train', exact: true }).waitFor({ timeout: 60_000 });
  await expect.poll(() => page.getByRole('button', { name: 'Train', exact: true }).isEnabled(), { timeout: 60_000 }).toBe(true);
}

describe(`distillation panel ${CONFIG}`, () => {
  it('opens on the pretrained student: lecture defaults, its KL and mode coverage, pass counts, gradient path, Parallel WaveNet', async () => {
    const page = await openApp(`/?panel=distill${WASM}`);
    await waitForBackend(page);
    await waitForModels(page);
    // Defaults: KL(student ‖ teacher), no warm start.
    expect(await page.getByRole('radio', { name: 'KL(student ‖ teacher)' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: WARM }).isChecked()).toBe(false);
    // The pretrained student, at once.
    expect(await page.locator('[data-origin]').getAttribute('data-origin')).toBe('preset');
    await page.getByText(`${STUDENT.training.steps.toLocaleString('en')} steps of this schedule from a fresh student`).waitFor();
    const [covered, total] = STUDENT.training.modesCovered.split(' of ').map(Number);
    expect(await num(page, '[data-modes-covered]', 'data-modes-total')).toBe(8);
    expect(await num(page, '[data-modes-covered]', 'data-modes-covered')).toBe(covered);
    expect(total).toBe(8);
    await page.getByText(`Student covers ${covered} of 8 teacher modes`).waitFor();
    const kl = await num(page, '[data-kl-mean]', 'data-kl-mean');
    const se = await num(page, '[data-kl-mean]', 'data-kl-error');
    expect(se).toBeGreaterThan(0);
    expect(kl + 2 * se).toBeGreaterThanOrEqual(0); // a KL, ≥ 0 within its error
    // The same student and estimator as the preset script: the same KL within Monte-Carlo error.
    expect(Math.abs(kl - STUDENT.training.kl)).toBeLessThan(3 * se + 0.02);
    expect(await num(page, '[data-teacher-samples-drawn]', 'data-teacher-samples-drawn')).toBe(0);
    // Pass counts from the real layer counts of the committed files, D = 2.
    const [t, st] = [TEACHER_LAYERS, STUDENT_LAYERS];
    const sentence = await page.locator('[data-pass-sentence]').textContent();
    expect(sentence).toContain(`At D = 2 the teacher (${articleFor(t)} ${t}-layer MAF) needs D × ${t} = ${2 * t} network passes`);
    expect(sentence).toContain(`the student (${articleFor(st)} ${st}-layer IAF) ${st}, one per layer`);
    expect(sentence).not.toMatch(/twice/);
    expect(await page.locator('[data-step-passes]').textContent()).toContain(`${t + st} passes, no teacher sample`);
    // The gradient path: student trainable, teacher frozen, backward arrows drawn.
    const path = page.getByRole('img', { name: /^Gradient path:/ });
    expect(await path.getAttribute('aria-label')).toMatch(new RegExp(`z → student IAF \\(${STUDENT_LAYERS} passes\\) → x → frozen teacher MAF.*the teacher gets none`));
    expect(await page.locator('.distill-gradient-path [data-box="student"].gp-trainable').count()).toBe(1);
    expect(await page.locator('.distill-gradient-path [data-box="teacher"].gp-frozen').count()).toBe(1);
    expect(await page.locator('.distill-gradient-path .gp-backward[data-arrow]').count()).toBeGreaterThan(3);
    // Where Parallel WaveNet lives, with its source.
    const wavenet = await page.getByRole('region', { name: 'Parallel WaveNet' }).textContent();
    expect(wavenet).toContain('24,000 samples a second');
    expect(wavenet).toContain('one sample per pass');
    expect(wavenet).toContain('dropped after training');
    expect(wavenet).toContain('van den Oord');
    expect(wavenet).toContain('more than 20 times faster than real time');
    await expectNoProblems();
  }, 300_000);

  it('trains from scratch: the KL falls, the gradient path updates live, no teacher sample is drawn', async () => {
    const page = await openApp(`/?panel=distill&batch=256${WASM}`);
    await waitForBackend(page);
    await waitForModels(page);
    await page.getByRole('button', { name: 'Train from scratch' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-origin]').getAttribute('data-origin')).toBe('fresh');
    const initial = Number(await page.locator('[data-kl]').getAttribute('data-kl'));
    expect(initial).toBeGreaterThan(1);
    // The annealing is on screen, and the gradient path shows a live loss and student gradient norm.
    await page.locator('[data-beta]').waitFor({ timeout: 60_000 });
    await expect
      .poll(async () => (await page.getByRole('img', { name: /^Gradient path:/ }).getAttribute('aria-label')) ?? '', { timeout: 60_000 })
      .toMatch(/loss -?\d+\.\d{3} nats; .*‖∇student L‖ = \d+\.\d{3}/);
    // The gradient's dashes march while training (a timer moves their offset a few times a second).
    const dashOffset = () =>
      page.evaluate(() => document.querySelector<SVGSVGElement>('.distill-gradient-path svg')?.style.getPropertyValue('--gp-dash-offset') ?? '');
    const firstOffset = await dashOffset();
    await expect.poll(dashOffset, { timeout: 10_000, interval: 50 }).not.toBe(firstOffset);
    // A fresh, broad student starts far from the teacher (KL in the thousands of nats); it falls to a few nats.
    await expect.poll(() => shownKl(page), { timeout: 200_000, interval: 500 }).toBeLessThan(Math.min(3, 0.5 * initial));
    expect(await num(page, '[data-teacher-samples-drawn]', 'data-teacher-samples-drawn')).toBe(0);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Train', exact: true }).waitFor({ timeout: 30_000 });
    await expect.poll(dashOffset, { timeout: 10_000 }).toBe(''); // still once paused
    const label = await page.getByRole('img', { name: /^KL curve:/ }).getAttribute('aria-label');
    expect(label).toMatch(/KL\(student ‖ teacher\) from [\d.]+ to [\d.]+ nats/);
    // Back to the pretrained student.
    await page.getByRole('button', { name: 'Pretrained student' }).click();
    await expect.poll(() => page.locator('[data-origin]').getAttribute('data-origin'), { timeout: 60_000 }).toBe('preset');
    await expectNoProblems();
  }, 300_000);

  it('names the warm start for its cost, switches direction, steps, and times teacher against student sampling', async () => {
    const page = await openApp(`/?panel=distill&batch=128${WASM}`);
    await waitForBackend(page);
    await waitForModels(page);
    await page.getByRole('checkbox', { name: WARM }).check();
    await expect.poll(() => page.url()).toMatch(/warm=(1|true)/);
    await waitForModels(page);
    // A warm start has no pretrained student; each of its steps samples the teacher.
    expect(await page.getByRole('button', { name: 'Pretrained student' }).count()).toBe(0);
    expect(await page.locator('[data-step-passes]').textContent()).toContain(`teacher samples in D × ${TEACHER_LAYERS} = ${2 * TEACHER_LAYERS} passes`);
    await page.getByRole('button', { name: 'Step' }).click();
    await page.getByText('Step 10').waitFor({ timeout: 60_000 });
    expect(await num(page, '[data-teacher-samples-drawn]', 'data-teacher-samples-drawn')).toBe(10 * 128);
    await page.getByRole('radio', { name: 'KL(teacher ‖ student)' }).check();
    await expect.poll(() => page.url()).toContain('kl=teacher-student');
    // The warm start belongs to KL(s‖t) only.
    expect(await page.getByRole('checkbox', { name: WARM }).count()).toBe(0);
    await page.getByText(/Mass-covering/).waitFor();
    await waitForModels(page);
    await page.getByRole('button', { name: /^Time .* samples$/ }).click();
    const speedup = page.locator('[data-speedup]');
    await speedup.waitFor({ timeout: 60_000 });
    expect(Number(await speedup.getAttribute('data-speedup'))).toBeGreaterThan(0);
    await page.getByText(new RegExp(`Teacher \\(MAF, ${2 * TEACHER_LAYERS} passes\\)`)).waitFor();
    await page.getByText(new RegExp(`Student \\(IAF, ${STUDENT_LAYERS} passes\\)`)).waitFor();
    await expectNoProblems();
  }, 300_000);

  it('works embedded on the automatic backend', async () => {
    const page = await openApp('/?embed=1&panel=distill', { viewport: { width: 390, height: 844 } });
    await page.getByRole('heading', { name: /Distillation/ }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('heading', { level: 1, name: 'Flow Lab' }).count()).toBe(0);
    await page.getByRole('img', { name: /^Student \(IAF\) density/ }).waitFor({ timeout: 240_000 });
    await page.getByRole('radio', { name: 'KL(student ‖ teacher)' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await expectNoProblems();
  }, 300_000);
});
