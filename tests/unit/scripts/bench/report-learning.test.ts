import { describe, expect, it } from 'vitest';
import type { DistillSummary, FitsSummary } from '../../../../scripts/bench/learning';
import { budgetRows, markdownReport, type BenchResults } from '../../../../scripts/bench/report';

const fit = (flow: 'maf' | 'iaf', gap: number, steps = 3000) => ({ flow, steps, seed: 1, layers: 5, hidden: 64, gap, msPerStep: 20, cpuMsPerStep: 19, skipped: 0 });

/** A run whose check at `klReached.step` (if any) is within the target after `cpuSeconds` of CPU. */
function distill(klReached: { step: number; seconds: number; cpuSeconds?: number } | null): DistillSummary {
  const check = { step: 100, seconds: 4, cpuSeconds: 3.5, cpuMsPerStep: 21, kl: 0.4, klSe: 0.02, nllGap: 3, medianGap: 0.3, beta: 1 };
  const target = klReached
    ? { ...check, step: klReached.step, seconds: klReached.seconds, cpuSeconds: klReached.cpuSeconds ?? klReached.seconds, kl: 0.131, klSe: 0.009 }
    : null;
  return {
    steps: 1500,
    seed: 1,
    learningRate: 1e-3,
    batchSize: 512,
    noise: 'lattice',
    target: 0.15,
    teacherNll: 2.891,
    teacherFile: 'teacher.json',
    teacherArchitecture: 'MAF 12 × [32, 32]',
    studentArchitecture: 'IAF 12 × [32, 32]',
    checks: target ? [check, target] : [check],
    klReached: target && { step: target.step, seconds: target.seconds },
    klTarget: target,
    nllReached: null,
    medianReached: null,
    trainSeconds: 4,
    cpuMsPerStep: 21,
  };
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

  it('meets the distillation budget only when the target was reached within 60 s of CPU time', () => {
    expect(row(results(null, distill({ step: 1200, seconds: 59.9 })), 'Distillation').met).toBe(true);
    expect(row(results(null, distill({ step: 1500, seconds: 60.1 })), 'Distillation').met).toBe(false);
    // A loaded machine's wall clock counts other jobs: the CPU seconds decide.
    expect(row(results(null, distill({ step: 1500, seconds: 95, cpuSeconds: 48 })), 'Distillation').met).toBe(true);
    expect(row(results(null, distill({ step: 1500, seconds: 50, cpuSeconds: 61 })), 'Distillation').met).toBe(false);
    const missed = row(results(null, distill(null)), 'Distillation');
    expect(missed.met).toBe(false);
    expect(missed.measured).toContain('not within 1,500 steps; last check KL(s‖t) 0.400 ± 0.020 nats');
  });

  it('reports steps, KL ± se and CPU and wall seconds at the target, and names teacher and student', () => {
    const r = results(null, distill({ step: 1700, seconds: 70.2, cpuSeconds: 41.3 }));
    const reached = row(r, 'Distillation');
    expect(reached.measured).toBe('step 1,700, KL(s‖t) 0.131 ± 0.009 nats; 41.3 s CPU (median 21.0 ms/step), 70.2 s wall');
    expect(reached.budget).toContain('teacher MAF 12 × [32, 32], student IAF 12 × [32, 32]');
    const text = markdownReport(r, budgetRows(r));
    expect(text).toContain('teacher MAF 12 × [32, 32], teacher.json, held-out NLL 2.891 nats');
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
