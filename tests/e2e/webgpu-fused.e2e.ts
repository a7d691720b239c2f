/**
 * The fused WebGPU maximum-likelihood steps (src/compute/webgpu/) on Chromium's software WebGPU
 * adapter, for the MAF and for the IAF (sequential density, implicit gradient):
 *  - their forward values (x → z, log|det|), loss, gradients and one Adam step, and the
 *    one-program sequential direction (MAF sampling, IAF density), equal the composed tfjs path
 *    on the CPU backend (for the IAF: the tape through the D passes of every inverse) for
 *    D = 2, 3, 5 (scaled error ≤ 1e-4), leaking no tensors;
 *  - one training step of the default model (12 layers, MADE [32, 32], D = 2, batch 512)
 *    takes ≤ 60 GPU dispatches as a MAF and exactly 3 as an IAF (counted in the worker by
 *    wrapping runWebGPUProgram), and a sequential pass a handful instead of hundreds;
 *  - the density lab trains a small MAF and a small IAF (2 layers, MADE [32, 32]) through them:
 *    the held-out NLL, computed from the flow's own variables, falls, so the trained weights
 *    reach the rest of the app.
 * All on one page, the dispatch count first: its default-model programs serve the D = 2
 * equality check again. Without a WebGPU adapter the checks say that they need one.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FlowlabHook } from '../../src/app/compute-client';
import type { FusedCheckResult, FusedStepFigures } from '../../src/compute/api';
import {
  CONFIG,
  WEBGPU,
  computeMemory,
  expectNoProblems,
  openApp,
  waitForBackend,
} from './harness';

const TOLERANCE = 1e-4;
const MAX_DISPATCHES = 60;

type Hooked = Window & { __flowlab?: FlowlabHook };

function selfCheckFused(page: Page, dim: number, kind: 'maf' | 'iaf'): Promise<FusedCheckResult> {
  return page.evaluate(([d, k]) => (window as Hooked).__flowlab!.compute.selfCheckFused(d, k), [
    dim,
    kind,
  ] as const);
}

/**
 * The fused path's dispatches, and the composed path's sequential pass only: the composed
 * training step's first run compiles every backward kernel of tfjs (≈ 30 s on SwiftShader) for
 * a baseline count (≈ 390 a step) that `BENCH_WEBGPU=1 npm run bench` prints.
 */
function fusedStepFigures(
  page: Page,
  steps: number,
  kind: 'maf' | 'iaf' = 'maf',
): Promise<FusedStepFigures> {
  return page.evaluate(
    ([n, k]) =>
      (window as Hooked).__flowlab!.compute.fusedStepFigures(n, { composedStep: false, kind: k }),
    [steps, kind] as const,
  );
}

async function openOnWebGpu(): Promise<Page> {
  const page = await openApp(WEBGPU ? '/?backend=webgpu&panel=cost' : '/?panel=cost');
  const status = await waitForBackend(page);
  if (WEBGPU) expect(status).toBe('Backend: WebGPU');
  else expect(status).not.toBe('Backend: WebGPU');
  return page;
}

/** ≤ 60 dispatches per default-model MAF step, 3 per IAF step, the sequential pass one program; no leak. */
async function checkDispatches(page: Page): Promise<void> {
  if (!WEBGPU) {
    await expect(fusedStepFigures(page, 0)).rejects.toThrow(/needs the WebGPU backend/);
    await expect(fusedStepFigures(page, 0, 'iaf')).rejects.toThrow(/needs the WebGPU backend/);
    return;
  }
  const before = await computeMemory(page);
  const r = await fusedStepFigures(page, 0);
  console.log(
    `dispatches per default MAF step: fused ${r.dispatchesFused}; ` +
      `per sequential pass (512 points): fused ${r.sequentialFused} (${r.sequentialPacking} of them packing the parameters), composed ${r.sequentialComposed}`,
  );
  // The counter counts (a step is ≥ 1 program) and the fused step stays within the budget.
  expect(r.dispatchesFused).toBeGreaterThan(0);
  expect(r.dispatchesFused).toBeLessThanOrEqual(MAX_DISPATCHES);
  // One sequential pass is one program for the whole chain, after packing the parameter
  // tensors into one buffer (tfjs's concat, a few tensors per dispatch: it grows with the
  // number of layers, not with D or the batch), and two copies splitting its output into x
  // and log|det| (measured 17 = 14 + 3 at 12 layers); composed, ≈ 20 kernels per MADE pass.
  expect(r.sequentialPacking).toBeGreaterThan(0);
  expect(r.sequentialFused - r.sequentialPacking).toBeLessThanOrEqual(3);
  expect(r.sequentialComposed).toBeGreaterThan(10 * r.sequentialFused);
  const after = await computeMemory(page);
  expect(after.numTensors).toBe(before.numTensors);

  // Two fused IAF steps (the first compiles, the second is counted); none timed (0: a software
  // adapter's time is not asserted, and each default IAF step costs it about a second).
  const iaf = await fusedStepFigures(page, 0, 'iaf');
  console.log(`dispatches per default IAF maximum-likelihood step: fused ${iaf.dispatchesFused}`);
  expect(iaf.kind).toBe('iaf');
  // Row pass (sequential density + implicit gradient), parameter pass, Adam.
  expect(iaf.dispatchesFused).toBe(3);
  const afterIaf = await computeMemory(page);
  expect(afterIaf.numTensors).toBe(before.numTensors);
}

/** MAF and IAF equal the CPU backend for D = 2, 3, 5: values, gradients, one Adam step, the sequential pass. */
async function checkEqualToCpu(page: Page): Promise<void> {
  for (const kind of ['maf', 'iaf'] as const) {
    if (!WEBGPU) {
      await expect(selfCheckFused(page, 2, kind)).rejects.toThrow(/needs the WebGPU backend/);
      continue;
    }
    for (const dim of [2, 3, 5]) {
      const r = await selfCheckFused(page, dim, kind);
      console.log(
        `${kind} D=${dim}: forward ${r.forwardError.toExponential(2)}, loss ${r.lossError.toExponential(2)}, ` +
          `gradients ${r.gradientError.toExponential(2)}, Adam step ${r.stepError.toExponential(2)}, ` +
          `sequential ${r.sequentialError.toExponential(2)} (CPU loss ${r.cpuLoss.toFixed(4)})`,
      );
      expect(r.backend).toBe('webgpu');
      expect(r.kind).toBe(kind);
      expect(r.dim).toBe(dim);
      expect(Number.isFinite(r.cpuLoss)).toBe(true);
      expect(r.forwardError).toBeLessThanOrEqual(TOLERANCE);
      expect(r.lossError).toBeLessThanOrEqual(TOLERANCE);
      expect(r.gradientError).toBeLessThanOrEqual(TOLERANCE);
      expect(r.stepError).toBeLessThanOrEqual(TOLERANCE);
      expect(r.sequentialError).toBeLessThanOrEqual(TOLERANCE);
      expect(r.tensorsAfter).toBe(r.tensorsBefore);
    }
  }
}

/** The density lab trains a small MAF, then a small IAF, each through its fused step on WebGPU. */
async function checkLabTrains(page: Page): Promise<void> {
  for (const kind of ['maf', 'iaf'] as const) {
    const nll = await page.evaluate(async (flow) => {
      const c = (window as Hooked).__flowlab!.compute;
      // A small MAF or IAF (the fused layout is built for any depth and width; the default model's
      // dispatches are counted above): 15 steps take its held-out NLL down by ≈ 0.5 nats.
      // The frames' density grid is 8×8 (gridCells, test-only; the default 128² costs software
      // WebGPU seconds a frame): the held-out NLL comes from the frame's 2,048 held-out points,
      // not from the grid.
      const params = {
        flow,
        dataset: '8gaussians',
        layers: 2,
        hidden: 32,
        learningRate: 1e-2,
        batchSize: 64,
        seed: 1,
      };
      await c.labConfigure(params, { presetText: null, gridCells: { idle: 8, live: 4 } });
      const first = await c.labStep(1);
      const later = await c.labStep(15);
      return {
        first: first.heldOutNll,
        later: later.heldOutNll,
        loss: later.loss,
        skipped: later.skipped,
        step: later.step,
        fused: later.fusedStep,
      };
    }, kind);
    console.log(
      `${kind}: held-out NLL after 1 step ${nll.first.toFixed(3)}, after 16 ${nll.later.toFixed(3)} nats (loss ${nll.loss.toFixed(3)})`,
    );
    expect(nll.step).toBe(16);
    // The lab's own trainer took the fused path on WebGPU (and the tfjs ops elsewhere).
    expect(nll.fused).toBe(WEBGPU);
    expect(nll.skipped).toBe(0);
    expect(Number.isFinite(nll.loss)).toBe(true);
    expect(nll.later).toBeLessThan(nll.first - 0.1);
  }
}

describe(`fused WebGPU maximum-likelihood steps (MAF, IAF) ${CONFIG}`, () => {
  // One page for every check: a software WebGPU page costs seconds to open, and the default
  // model's programs, compiled for the dispatch count, serve the D = 2 equality check again
  // (SwiftShader compiles each shader for seconds).
  it(
    'dispatches per default step (MAF ≤ 60, IAF 3, no leak); MAF and IAF equal the CPU backend for D = 2, 3, 5; the lab trains a MAF and an IAF through them',
    { tags: ['webgpu'], timeout: 600_000 },
    async () => {
      const page = await openOnWebGpu();
      await checkDispatches(page);
      await checkEqualToCpu(page);
      await checkLabTrains(page);
      await expectNoProblems();
    },
  );
});
