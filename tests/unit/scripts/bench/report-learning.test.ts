import { describe, expect, it } from 'vitest';
import type { DistillSummary, FitsSummary } from '../../../../scripts/bench/learning';
import { budgetRows, markdownReport, type BenchResults } from '../../../../scripts/bench/report';

const fit = (flow: 'maf' | 'iaf', gap: number, steps = 3000) => ({ flow, steps, seed: 1, layers: 5, hidden: 64, gap, msPerStep: 20, cpuMsPerStep: 19, skipped: 0 });

function distill(klReached: { step: number; seconds: number } | null): DistillSummary {
  const check = { step: 100, seconds: 4, cpuMsPerStep: 21, kl: 0.4, klSe: 0.02, nllGap: 3, medianGap: 0.3, beta: 1 };
  return { steps: 1500, seed: 1, learningRate: 1e-3, batchSize: 512, target: 0.15, teacherNll: 2.961, checks: [check], klReached, nllReached: null, medianReached: null, trainSeconds: 4, cpuMsPerStep: 21 };
}

function results(fits: FitsSummary | null, d: DistillSummary | null): BenchResults {
  return {
    date: '2026-11-30T06:00:00.000Z',
    machine: { cpus: 2, cpuModel: 'test', memoryGiB: 8, node: 'v20' },
    webgpu: false,
    ops: [],
    node: [],
    torch: { oursMs: 17, torchMs: null, torchThreads: null, torchVersion: null, ratio: null, oursCpuMs: 17, torchCpuMs: null, cpuRatio: null, roundRatios: [], wasmKernels: 170 },
    fits,
    distill: d,
    browser: { backends: [], firstDensityMs: [], firstDensityMedianMs: Number.NaN, firstLiveFrameMs: [], firstLiveFrameMedianMs: Number.NaN, smoothness: null },
    bundle: { files: [], firstPaintJsGzip: 0, allJsGzip: 0, allJsCssGzip: 0, wasmRaw: 0, wasmGzip: 0 },
  };
}

const row = (r: BenchResults, start: string) => budgetRows(r).find((b) => b.budget.startsWith(start))!;

describe('bench report: fits and distillation rows', () => {
  it('meets the KL-gap budget at ≤ 0.08 nats after 3,000 steps, per flow', () => {
    const r = results({ steps: 3000, seed: 1, fits: [fit('maf', 0.079), fit('iaf', 0.081)] }, null);
    expect(row(r, 'KL gap of the default MAF')).toMatchObject({ measured: '0.079 nats', met: true });
    expect(row(r, 'KL gap of the default IAF')).toMatchObject({ measured: '0.081 nats', met: false });
  });

  it('does not count a short wiring run as meeting the fit budget', () => {
    const r = results({ steps: 50, seed: 1, fits: [fit('maf', 0.01, 50), fit('iaf', 0.01, 50)] }, null);
    expect(row(r, 'KL gap of the default MAF').met).toBe(false);
  });

  it('meets the distillation budget only when the target was reached within 60 s', () => {
    expect(row(results(null, distill({ step: 1200, seconds: 59.9 })), 'Distillation').met).toBe(true);
    expect(row(results(null, distill({ step: 1500, seconds: 60.1 })), 'Distillation').met).toBe(false);
    const missed = row(results(null, distill(null)), 'Distillation');
    expect(missed.met).toBe(false);
    expect(missed.measured).toContain('not within 1,500 steps');
  });

  it('marks skipped parts as not measured, in the rows and the report', () => {
    const r = results(null, null);
    expect(row(r, 'KL gap of the default MAF')).toMatchObject({ measured: 'not measured (--no-fits)', met: false });
    expect(row(r, 'Distillation')).toMatchObject({ measured: 'not measured (--no-distill)', met: false });
    const text = markdownReport(r, budgetRows(r));
    expect(text).toContain('Fits not measured (--no-fits).');
    expect(text).toContain('Distillation not measured (--no-distill).');
  });
});
