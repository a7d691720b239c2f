/**
 * The fused WebGPU MAF step (src/compute/webgpu/): on Chromium's software WebGPU adapter its
 * values, gradients and one Adam step equal the composed tfjs path on the CPU backend for
 * D = 2, 3, 5, leaking no tensors, and one training step of the default model (5 layers,
 * MADE [64, 64], D = 2, batch 512) takes at most 60 GPU dispatches (counted in the worker by
 * wrapping runWebGPUProgram). Without a WebGPU adapter the check says that it needs one.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FlowlabHook } from '../../src/app/compute-client';
import type { FusedCheckResult } from '../../src/compute/api';
import { CONFIG, WEBGPU, expectNoProblems, openApp, waitForBackend } from './harness';

const TOLERANCE = 1e-4;
const MAX_DISPATCHES = 60;

async function fusedCheck(page: Page, dim: number): Promise<FusedCheckResult> {
  return page.evaluate((d) => {
    const hook = (window as Window & { __flowlab?: FlowlabHook }).__flowlab;
    if (!hook) throw new Error('compute worker not ready');
    return hook.compute.selfCheckFused(d);
  }, dim);
}

describe(`fused WebGPU MAF step ${CONFIG}`, () => {
  it('equals the CPU backend for D = 2, 3, 5 and takes ≤ 60 dispatches per step', { tags: ['webgpu'], timeout: 600_000 }, async () => {
    const page = await openApp(WEBGPU ? '/?backend=webgpu&panel=cost' : '/?panel=cost');
    const status = await waitForBackend(page);
    if (!WEBGPU) {
      expect(status).not.toBe('Backend: WebGPU');
      await expect(fusedCheck(page, 2)).rejects.toThrow(/needs the WebGPU backend/);
      return;
    }
    expect(status).toBe('Backend: WebGPU');
    for (const dim of [2, 3, 5]) {
      const r = await fusedCheck(page, dim);
      console.log(
        `D=${dim}: forward ${r.forwardError.toExponential(2)}, loss ${r.lossError.toExponential(2)}, ` +
          `gradients ${r.gradientError.toExponential(2)}, Adam step ${r.stepError.toExponential(2)}, ` +
          `dispatches per default step: fused ${r.dispatchesFused}, composed ${r.dispatchesComposed}`,
      );
      expect(r.backend).toBe('webgpu');
      expect(r.dim).toBe(dim);
      expect(Number.isFinite(r.cpuLoss)).toBe(true);
      expect(r.forwardError).toBeLessThanOrEqual(TOLERANCE);
      expect(r.lossError).toBeLessThanOrEqual(TOLERANCE);
      expect(r.gradientError).toBeLessThanOrEqual(TOLERANCE);
      expect(r.stepError).toBeLessThanOrEqual(TOLERANCE);
      expect(r.dispatchesFused).toBeGreaterThan(0);
      expect(r.dispatchesFused).toBeLessThanOrEqual(MAX_DISPATCHES);
      // The composed path is the baseline the fusion replaces: far more kernels.
      expect(r.dispatchesComposed).toBeGreaterThan(4 * MAX_DISPATCHES);
      expect(r.tensorsAfter).toBe(r.tensorsBefore);
    }
    await expectNoProblems();
  });
});
