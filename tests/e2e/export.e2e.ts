/**
 * Export and import in Chromium: a panel as PNG (a real, non-blank image), the model as a
 * model file that loads back with identical log-densities, samples as CSV, and bad model and
 * point files refused with a message naming the problem (the element, the line, or why the
 * density overflows), far-away points rescaled with a notice. Pins WASM (steps train).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FlowlabHook } from '../../src/app/compute-client';
import { CONFIG, expectNoProblems, openApp, waitForBackend } from './harness';

const modelDensity = (page: Page) => page.getByRole('img', { name: /^Model density for .* NLL \d/ });

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  // The browser is shared over a connection (global setup), so the file is copied here.
  const path = join(await mkdtemp(join(tmpdir(), 'flowlab-download-')), file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

async function upload(page: Page, button: string, name: string, text: string): Promise<void> {
  const path = join(await mkdtemp(join(tmpdir(), 'flowlab-upload-')), name);
  await writeFile(path, text);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: button }).click(),
  ]);
  await chooser.setFiles(path);
}

/** Log-densities of a fixed grid of 400 points under the lab's current model (in the worker). */
function logDensities(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const hook = (window as Window & { __flowlab?: FlowlabHook }).__flowlab;
    if (!hook) throw new Error('compute worker not ready');
    const points = new Float32Array(800);
    for (let i = 0; i < 400; i++) {
      points[2 * i] = -4 + (8 * (i % 20)) / 19;
      points[2 * i + 1] = -4 + (8 * Math.floor(i / 20)) / 19;
    }
    return Array.from(await hook.compute.labLogProb(points));
  });
}

describe(`export and import ${CONFIG}`, () => {
  it('saves the lab panel as a non-blank PNG', async () => {
    const page = await openApp('/?backend=wasm');
    await waitForBackend(page);
    await modelDensity(page).waitFor({ timeout: 120_000 });
    const { name, bytes } = await download(page, 'Save PNG');
    expect(name).toBe('flow-lab-density-lab.png');
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Decode it in the browser: its size matches the panel, and it has a picture in it.
    const stats = await page.evaluate(async (base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const image = await createImageBitmap(new Blob([data], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(image.width, image.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const pixels = ctx.getImageData(0, 0, image.width, image.height).data;
      const colours = new Set<number>();
      let differing = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const rgb = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
        colours.add(rgb);
        if (Math.abs(pixels[i] - pixels[0]) + Math.abs(pixels[i + 1] - pixels[1]) + Math.abs(pixels[i + 2] - pixels[2]) > 30) differing++;
      }
      const panel = document.querySelector('section.panel')!.getBoundingClientRect();
      return { width: image.width, height: image.height, panelWidth: panel.width, colours: colours.size, differing: differing / (pixels.length / 4) };
    }, bytes.toString('base64'));
    expect(stats.width).toBe(Math.round(stats.panelWidth));
    expect(stats.height).toBeGreaterThan(300);
    expect(stats.colours).toBeGreaterThan(100);
    expect(stats.differing).toBeGreaterThan(0.05);
    await expectNoProblems();
  });

  it('a saved model loads back with identical log-densities; bad files are refused', async () => {
    const page = await openApp('/?backend=wasm&dataset=moons');
    await waitForBackend(page);
    await modelDensity(page).waitFor({ timeout: 120_000 });
    for (let i = 0; i < 3; i++) {
      const step = page.getByRole('button', { name: 'Step' });
      await expect.poll(() => step.isEnabled(), { timeout: 60_000 }).toBe(true);
      await step.click();
    }
    await expect.poll(() => page.getByRole('button', { name: 'Step' }).isEnabled(), { timeout: 60_000 }).toBe(true);
    const trained = await logDensities(page);
    const saved = await download(page, 'Save model (JSON)');
    expect(saved.name).toMatch(/^flow-lab-moons-maf-step3\.json$/);
    const text = saved.bytes.toString('utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'flow-lab-model' });

    // Reset discards the three steps: the densities change.
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(async () => (await logDensities(page))[0] !== trained[0], { timeout: 60_000 }).toBe(true);

    await upload(page, 'Load model…', 'moons-model.json', text);
    const result = page.locator('.files-message');
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toBe('Loaded the model from moons-model.json.');
    expect(await logDensities(page)).toEqual(trained);

    // Malformed files: a message naming the problem, the model unchanged.
    const broken = JSON.parse(text) as { layers?: unknown };
    delete broken.layers;
    await upload(page, 'Load model…', 'broken.json', JSON.stringify(broken));
    const alert = page.getByRole('alert').filter({ hasText: /^Model not loaded/ });
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toMatch(/^Model not loaded: broken\.json: layers: expected \d+ layers/);
    await upload(page, 'Load model…', 'not-json.json', '{"format": flow');
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toMatch(/not-json\.json: .*JSON/i);
    expect(await logDensities(page)).toEqual(trained);

    await upload(page, 'Load points (CSV)…', 'bad.csv', 'x1,x2\n0.1,0.2\nabc,0.3\n');
    const csvAlert = page.getByRole('alert').filter({ hasText: /^Points not loaded/ });
    await csvAlert.waitFor({ timeout: 30_000 });
    expect(await csvAlert.textContent()).toBe('Points not loaded: bad.csv, line 3: "abc" is not a finite number');
    await expectNoProblems();
  });

  it('absurd files: far points rescaled with a notice, an overflowing model and non-finite elements refused by name', async () => {
    const page = await openApp('/?backend=wasm');
    await waitForBackend(page);
    await modelDensity(page).waitFor({ timeout: 120_000 });
    const before = await logDensities(page);

    // A model with finite 3e38 weights: its density overflows float32 on the view grid.
    const preset = JSON.parse(await readFile('public/presets/8gaussians-maf.json', 'utf8'));
    const huge = structuredClone(preset);
    const width = huge.config.hidden[0] as number;
    huge.layers[0].hidden[0].w = Array.from({ length: 2 * width }, () => 3e38);
    await upload(page, 'Load model…', 'huge.json', JSON.stringify(huge));
    const alert = page.getByRole('alert').filter({ hasText: /^Model not loaded/ });
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toMatch(
      /^Model not loaded: huge\.json: its log-density is (-?Infinity|NaN) at \d+ points of the 128×128 view grid \(first at \(.*\)\): values inside its layers overflow float32/,
    );
    expect(await logDensities(page)).toEqual(before);

    // Bias arrays holding 1e999 (JSON reads Infinity) or "NaN": the element is named.
    const withBias = (b: string) => JSON.stringify({ ...preset, layers: preset.layers.map((l: object, k: number) => (k === 0 ? { ...l, output: { ...preset.layers[0].output, b: '@B@' } } : l)) }).replace('"@B@"', b);
    await upload(page, 'Load model…', 'inf.json', withBias('[0, 0, 1e999, 0]'));
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toBe('Model not loaded: inf.json: layers[0].output.b[2]: Infinity is not finite');
    await upload(page, 'Load model…', 'nan.json', withBias('[0, "NaN", 0, 0]'));
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toBe(
      'Model not loaded: nan.json: layers[0].output.b[1]: expected a number, got "NaN" (a string)',
    );
    expect(await logDensities(page)).toEqual(before);

    // 200 points at ±1e6: rescaled into the view by 1e-6, and the notice says so.
    const rows = Array.from({ length: 200 }, (_, i) => `${(i % 2 ? 1 : -1) * (1e6 - 2000 * i)},${(i % 3 ? 1 : -1) * 1e6 * ((i % 7) / 7)}`);
    await upload(page, 'Load points (CSV)…', 'far.csv', `x,y\n${rows.join('\n')}\n`);
    const status = page.locator('.files-message');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(
      /^Loaded 200 points from far\.csv\. 200 points of 200 lie outside the data view \[-4, 4\] × \[-4, 4\], so every coordinate was multiplied by 1e-6 \(largest \|value\| 1\.00e\+6 → 1\.00\)\.$/,
    );
    expect(new URL(page.url()).searchParams.get('dataset')).toBe('drawn');
    // The drawn points are in view, and the held-out NLL of the fresh model is an ordinary number.
    const density = page.getByRole('img', { name: /^Model density for drawn, .* NLL -?\d/ });
    await density.waitFor({ timeout: 120_000 });
    const nll = Number(/NLL (-?\d+\.\d+)/.exec((await density.getAttribute('aria-label')) ?? '')?.[1]);
    expect(Math.abs(nll)).toBeLessThan(20);

    // A tight cluster far away cannot be rescaled into view: refused, with the reason.
    await upload(page, 'Load points (CSV)…', 'cluster.csv', Array.from({ length: 50 }, (_, i) => `${1e6 + i * 1e-3},${1e6}`).join('\n'));
    const csvAlert = page.getByRole('alert').filter({ hasText: /^Points not loaded/ });
    await csvAlert.waitFor({ timeout: 30_000 });
    expect(await csvAlert.textContent()).toMatch(/^Points not loaded: cluster\.csv: 50 points of 50 lie outside the data view .* rescaling would squeeze them into one spot\.$/);
    await expectNoProblems();
  });

  it('saves data and model samples as CSV, and loads points from a CSV', async () => {
    const page = await openApp('/?backend=wasm');
    await waitForBackend(page);
    await modelDensity(page).waitFor({ timeout: 120_000 });
    const samples = await download(page, 'Model samples (CSV)');
    const rows = samples.bytes.toString('utf8').trim().split('\n');
    expect(rows[0]).toBe('x1,x2');
    expect(rows.length - 1).toBe(1000);
    for (const row of rows.slice(1)) {
      const values = row.split(',').map(Number);
      expect(values.length).toBe(2);
      expect(values.every(Number.isFinite)).toBe(true);
    }
    const data = await download(page, 'Data (CSV)');
    const dataText = data.bytes.toString('utf8');
    expect(dataText.trim().split('\n').length - 1).toBe(1000);
    // The data CSV loads back as "Draw your own" points.
    await upload(page, 'Load points (CSV)…', 'data.csv', dataText);
    await page.getByText('Loaded 1000 points from data.csv.').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get('dataset')).toBe('drawn');
    await modelDensity(page).waitFor({ timeout: 120_000 });
    await expectNoProblems();
  });
});
