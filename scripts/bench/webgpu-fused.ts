/**
 * The fused WebGPU maximum-likelihood step of a MAF or an IAF in a browser page
 * (src/compute/webgpu/): its equality with the CPU backend for D = 2 and, for the default model
 * at batch 512, the GPU dispatches per training step and the mean ms per step, fused and composed (the worker's
 * selfCheckFused/fusedStepFigures RPCs). Used by `npm run bench` (BENCH_WEBGPU=1) and by
 * scripts/bench/webgpu-fused-check.ts. Null when the page did not get WebGPU.
 */
import type { Browser } from 'playwright-core';
import type { FlowlabHook } from '../../src/app/compute-client';
import type { FusedCheckResult, FusedStepFigures } from '../../src/compute/api';
import type { FlowKind } from '../../src/core/flow/config';

export interface FusedWebGpuFigures extends FusedStepFigures {
  adapter: string;
  check: FusedCheckResult;
}

type HookWindow = Window & { __flowlab?: FlowlabHook };

export async function measureFusedWebGpu(
  browser: Browser,
  baseUrl: string,
  steps: number,
  kind: FlowKind = 'maf',
): Promise<FusedWebGpuFigures | null> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // tsx's keepNames wraps functions inside page.evaluate callbacks in a Node-only `__name` helper.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  const origin = new URL(baseUrl).origin;
  await context.route('**/*', (route) =>
    new URL(route.request().url()).origin === origin ? route.continue() : route.abort('blockedbyclient'),
  );
  try {
    const page = await context.newPage();
    await page.goto(new URL('./?backend=webgpu&panel=cost', baseUrl).href);
    await page.waitForFunction(() => Boolean((window as HookWindow).__flowlab), null, { timeout: 120_000 });
    return await page.evaluate(
      async ([n, k]) => {
        const hook = (window as HookWindow).__flowlab!;
        if (hook.report.active !== 'webgpu') return null;
        const check = await hook.compute.selfCheckFused(2, k);
        const figures = await hook.compute.fusedStepFigures(n, { kind: k });
        return { ...figures, adapter: hook.report.detail ?? '', check };
      },
      [steps, kind] as const,
    );
  } finally {
    await context.close();
  }
}
