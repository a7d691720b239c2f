/**
 * Backend choice in the real browser. Chromium's only WebGPU adapter here is SwiftShader, a
 * software renderer slower than WASM, so the automatic choice is WASM with the reason shown;
 * `?backend=webgpu` still runs on it. Without the adapter the fallback says "no adapter"; `?backend=` forces or falls back with a notice; the self-check
 * agrees with the CPU backend and leaks no tensors.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  CONFIG,
  WEBGPU,
  computeMemory,
  expectNoProblems,
  openApp,
  selfCheck,
  waitForBackend,
} from './harness';

const TOLERANCE = 1e-4;

async function expectSelfCheckPasses(page: Page, backend: string): Promise<void> {
  const result = await selfCheck(page);
  expect(result.backend).toBe(backend);
  expect(result.values).toHaveLength(result.cpuValues.length);
  expect(result.values.every(Number.isFinite)).toBe(true);
  expect(result.maxAbsDiff).toBeLessThan(TOLERANCE);
  expect(result.tensorsAfter).toBe(result.tensorsBefore);
}

describe(`backend choice ${CONFIG}`, () => {
  it('shows the automatically chosen backend and why faster ones were skipped', { tags: ['webgpu'] }, async () => {
    // A first visit: the choice is made by probing (a returning visitor's is remembered).
    const page = await openApp('/', { visitor: 'first' });
    const status = await waitForBackend(page);
    const skipped = page.getByRole('list', { name: 'Skipped backends' });
    if (WEBGPU) {
      expect(status).toBe('Backend: WASM');
      await expect(skipped.textContent()).resolves.toContain(
        'WebGPU: software renderer (SwiftShader) is slower than WASM',
      );
    } else {
      expect(status).toMatch(/^Backend: (WebGL|WASM|CPU)$/);
      await expect(skipped.textContent()).resolves.toContain('WebGPU: no adapter');
    }
    await expectNoProblems();
  });

  it('self-check on the active backend matches the CPU backend', { tags: ['webgpu'] }, async () => {
    // The cost panel computes nothing until asked, so the self-check has the worker to itself.
    const page = await openApp(WEBGPU ? '/?backend=webgpu&panel=cost' : '/?panel=cost');
    await waitForBackend(page);
    const memoryBefore = await computeMemory(page);
    const result = await selfCheck(page);
    if (WEBGPU) expect(result.backend).toBe('webgpu');
    else expect(result.backend).not.toBe('webgpu');
    await expectSelfCheckPasses(page, result.backend);
    expect((await computeMemory(page)).numTensors).toBe(memoryBefore.numTensors);

    await page.getByRole('button', { name: 'Run self-check' }).click();
    await page.getByText(/^Self-check passed: results match the CPU backend/).waitFor();
    await expectNoProblems();
  });

  it('?backend=cpu forces the CPU backend', async () => {
    const page = await openApp('/?backend=cpu');
    expect(await waitForBackend(page)).toBe('Backend: CPU');
    await expectSelfCheckPasses(page, 'cpu');
    await expectNoProblems();
  });

  it('?backend=bogus falls back to the automatic choice with a visible, dismissible notice', async () => {
    const page = await openApp('/?backend=bogus');
    const status = await waitForBackend(page);
    expect(status).toBe('Backend: WASM');
    // The URL schema reads `backend` like every parameter: the URL notice names it.
    const notice = page.getByRole('region', { name: 'URL notice' });
    await expect(notice.textContent()).resolves.toContain('Ignored invalid URL parameters: backend “bogus”');
    expect(await notice.isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Flow Lab' }).isVisible()).toBe(true);
    await notice.getByRole('button', { name: 'Dismiss URL notice' }).click();
    await notice.waitFor({ state: 'detached' });
    await expectNoProblems();
  });

  it('a 3,000-character ?backend= value is quoted as a short excerpt, Dismiss stays on screen', async () => {
    const page = await openApp(`/?backend=${'A'.repeat(3000)}`, { viewport: { width: 800, height: 600 } });
    await waitForBackend(page);
    const notice = page.getByRole('region', { name: 'URL notice' });
    const text = (await notice.locator('p').textContent()) ?? '';
    expect(text).toBe(`Ignored invalid URL parameters: backend “${'A'.repeat(24)}…”`);
    const dismiss = notice.getByRole('button', { name: 'Dismiss URL notice' });
    const box = await dismiss.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(800);
    await dismiss.click();
    await notice.waitFor({ state: 'detached' });
    await expectNoProblems();
  });

  it('?backend=cpu&backend=wasm: the last occurrence wins, as the address bar shows', async () => {
    const page = await openApp('/?backend=cpu&backend=wasm');
    expect(await waitForBackend(page)).toBe('Backend: WASM');
    expect(new URL(page.url()).searchParams.getAll('backend')).toEqual(['wasm']);
    await expectNoProblems();
  });

  it('?backend=webgpu uses WebGPU when offered, else says it is unavailable', { tags: ['webgpu'] }, async () => {
    const page = await openApp('/?backend=webgpu');
    const status = await waitForBackend(page);
    const notice = page.getByRole('region', { name: 'Backend notice' });
    if (WEBGPU) {
      expect(status).toBe('Backend: WebGPU');
      expect(await notice.count()).toBe(0);
    } else {
      expect(status).not.toBe('Backend: WebGPU');
      await expect(notice.textContent()).resolves.toContain(
        'Requested backend WebGPU is not available (no adapter)',
      );
    }
    await expectNoProblems();
  });
});
