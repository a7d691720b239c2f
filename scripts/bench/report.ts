/** The benchmark's figures as a markdown report, and the issue #10 budgets checked against them. */
import type { BackendFigures, SmoothnessFigures } from './browser-bench';
import type { BundleSummary } from './bundle-sizes';
import type { DistillSummary, FitsSummary } from './learning';
import { reachedText, targetText } from './time-to-target';
import type { NodeEngineFigures } from './node-engine';
import type { OpCounts } from './op-counts';
import { comparisonText, type TorchComparison } from './torch-compare';

export interface BenchResults {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  webgpu: boolean;
  ops: OpCounts[];
  node: NodeEngineFigures[];
  /** The default MAF step in Node (WASM) against PyTorch CPU, side by side. */
  torch: TorchComparison;
  /** KL gaps of the default MAF and IAF (null: --no-fits). */
  fits: FitsSummary | null;
  /** Distillation from scratch to the target KL(s‖t) (null: --no-distill). */
  distill: DistillSummary | null;
  browser: {
    backends: BackendFigures[];
    /** Navigation → first fitted density on screen (the preset's precomputed preview). */
    firstDensityMs: number[];
    firstDensityMedianMs: number;
    /** Navigation → the live model's first frame (worker up, preset evaluated). */
    firstLiveFrameMs: number[];
    firstLiveFrameMedianMs: number;
    smoothness: SmoothnessFigures | null;
  };
  bundle: BundleSummary;
}

export interface BudgetRow {
  budget: string;
  limit: string;
  measured: string;
  met: boolean;
}

/** Budgets of issue 17: the default fits' KL gap (nats) and the distillation's time to target (s). */
export const KL_GAP_BUDGET = 0.08;
export const DISTILL_SECONDS_BUDGET = 60;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '—');

/** The budgets of issue #10, each with the measured figure. */
export function budgetRows(r: BenchResults): BudgetRow[] {
  const cpuOnly = r.browser.backends.filter((b) => b.flow === 'maf' && b.active !== 'webgpu');
  const fastest = cpuOnly.reduce<BackendFigures | null>((best, b) => (!best || b.msPerStep < best.msPerStep ? b : best), null);
  const s = r.browser.smoothness;
  return [
    { budget: 'Longest main-thread task while training', limit: '≤ 50 ms', measured: s ? ms(s.longestTaskMs) : '—', met: !!s && s.longestTaskMs <= 50 },
    { budget: 'p95 frame interval while training', limit: '≤ 20 ms', measured: s ? ms(s.p95FrameMs) : '—', met: !!s && s.p95FrameMs <= 20 },
    { budget: 'Navigation → first fitted density (median)', limit: '≤ 1500 ms', measured: ms(r.browser.firstDensityMedianMs), met: r.browser.firstDensityMedianMs <= 1500 },
    { budget: 'JavaScript for the first paint (gzip)', limit: '≤ 200 KB', measured: kb(r.bundle.firstPaintJsGzip), met: r.bundle.firstPaintJsGzip <= 200 * 1024 },
    { budget: 'Everything shipped, JS + CSS (gzip, WASM apart)', limit: '≤ 700 KB', measured: kb(r.bundle.allJsCssGzip), met: r.bundle.allJsCssGzip <= 700 * 1024 },
    {
      budget: `Default MAF training step, fastest CPU-only backend${fastest ? ` (${fastest.active})` : ''}`,
      limit: '≤ 10 ms',
      measured: fastest ? ms(fastest.msPerStep) : '—',
      met: !!fastest && fastest.msPerStep <= 10,
    },
    {
      budget: 'Default MAF training step in Node (WASM) ÷ PyTorch CPU, side by side',
      limit: '≤ 2.5×',
      measured:
        r.torch.ratio === null
          ? 'PyTorch absent'
          : `${r.torch.ratio.toFixed(2)}× (${ms(r.torch.oursMs)} vs ${ms(r.torch.torchMs ?? Number.NaN)}; CPU time ${r.torch.cpuRatio?.toFixed(2)}×)`,
      met: r.torch.ratio !== null && r.torch.ratio <= 2.5,
    },
    ...fitRows(r.fits),
    distillRow(r.distill),
  ];
}

/** One row per default flow: KL gap = held-out NLL − 2.8319 nats after the fit's steps. */
function fitRows(fits: FitsSummary | null): BudgetRow[] {
  return (['maf', 'iaf'] as const).map((flow) => {
    const fit = fits?.fits.find((f) => f.flow === flow);
    return {
      budget: `KL gap of the default ${flow.toUpperCase()} on 8gaussians after ${fits ? fits.steps.toLocaleString('en-US') : '3,000'} steps (Node, WASM${fits ? `, seed ${fits.seed}` : ''})`,
      limit: `≤ ${KL_GAP_BUDGET} nats`,
      measured: fit ? `${fit.gap.toFixed(3)} nats` : 'not measured (--no-fits)',
      met: !!fit && fit.steps >= 3000 && fit.gap <= KL_GAP_BUDGET,
    };
  });
}

/**
 * CPU seconds of training (checks excluded) to KL(s‖t) + se ≤ 0.15 nats, with the step, the KL
 * there and the teacher. CPU time, not wall: on a shared machine the wall clock counts other
 * jobs' time; on a quiet one the two agree (one WASM thread).
 */
function distillRow(d: DistillSummary | null): BudgetRow {
  return {
    budget: `Distillation from scratch to KL(s‖t) + se ≤ ${d?.target ?? 0.15} nats (Node, WASM, default schedule${d ? `, seed ${d.seed}; teacher ${d.teacherArchitecture}, student ${d.studentArchitecture}` : ''})`,
    limit: `≤ ${DISTILL_SECONDS_BUDGET} s`,
    measured: d ? targetText(d) : 'not measured (--no-distill)',
    met: !!d?.klTarget && d.klTarget.cpuSeconds <= DISTILL_SECONDS_BUDGET,
  };
}

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function markdownReport(r: BenchResults, budgets: BudgetRow[]): string {
  const s = r.browser.smoothness;
  return [
    `# Flow Lab benchmark — ${r.date.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}; headless Chromium ${r.webgpu ? 'with the software WebGPU adapter' : 'without WebGPU'}.`,
    '',
    '## Budgets',
    '',
    table(['budget', 'limit', 'measured', 'met'], budgets.map((b) => [b.budget, b.limit, b.measured, b.met ? 'yes' : '**no**'])),
    '',
    '## Training and density in the browser (default model: 5 layers, 2×64 hidden, batch 512)',
    '',
    table(
      ['backend', 'flow', 'ms / training step', 'ms / 128² grid', 'ms / 256² grid'],
      r.browser.backends.map((b) => [b.active, b.flow.toUpperCase(), ms(b.msPerStep), ms(b.msGrid128), ms(b.msGrid256)]),
    ),
    '',
    '## While training in the density lab',
    '',
    s
      ? table(
          ['backend', 'seconds', 'frames', 'p50 frame', 'p95 frame', 'long tasks', 'longest task', 'steps trained'],
          [[s.backend, String(s.seconds), String(s.frames), ms(s.p50FrameMs), ms(s.p95FrameMs), String(s.longTasks), ms(s.longestTaskMs), String(s.trainingSteps)]],
        )
      : 'not measured',
    '',
    `First fitted density on screen after navigation (the preset's precomputed preview): ${r.browser.firstDensityMs.map((t) => t.toFixed(0)).join(', ')} ms (median ${ms(r.browser.firstDensityMedianMs)}). ` +
      `The live model's first frame replaces it at ${r.browser.firstLiveFrameMs.map((t) => t.toFixed(0)).join(', ')} ms (median ${ms(r.browser.firstLiveFrameMedianMs)}).`,
    '',
    '## Engine in Node (command-line tool, preset trainer)',
    '',
    table(['backend', 'flow', 'ms / training step', 'ms / 16,384-point density'], r.node.map((n) => [n.backend, n.flow.toUpperCase(), ms(n.msPerStep), ms(n.msDensity16k)])),
    '',
    `${comparisonText(r.torch)}.`,
    '',
    '## Fits and distillation (Node, tfjs WASM)',
    '',
    r.fits
      ? table(
          ['flow', 'steps', 'seed', 'KL gap (nats)', 'ms / step', 'CPU ms / step', 'skipped'],
          r.fits.fits.map((f) => [f.flow.toUpperCase(), String(f.steps), String(f.seed), f.gap.toFixed(3), ms(f.msPerStep), ms(f.cpuMsPerStep), String(f.skipped)]),
        )
      : 'Fits not measured (--no-fits).',
    '',
    r.distill
      ? `Distillation (teacher ${r.distill.teacherArchitecture}, ${r.distill.teacherFile}, held-out NLL ${r.distill.teacherNll.toFixed(3)} nats; student ${r.distill.studentArchitecture}; batch ${r.distill.batchSize}, ${r.distill.noise} noise, η ${r.distill.learningRate}): ` +
        `KL(s‖t) + se ≤ ${r.distill.target}: ${targetText(r.distill)}; ` +
        `|median per-point gap| ≤ ${r.distill.target}: ${reachedText(r.distill.medianReached, r.distill.steps)}; ` +
        `last check: KL(s‖t) ${r.distill.checks.at(-1)?.kl.toFixed(3) ?? '—'} ± ${r.distill.checks.at(-1)?.klSe.toFixed(3) ?? '—'} nats after ${r.distill.trainSeconds.toFixed(1)} s of training (checks excluded).`
      : 'Distillation not measured (--no-distill).',
    '',
    '## tfjs kernels launched (default model, batch 512)',
    '',
    table(
      ['backend', 'flow', 'training step', 'density (x → z)', 'sampling (z → x)', 'WebGPU step dispatches (fused / composed)'],
      r.ops.map((o) => [
        o.backend,
        o.flow.toUpperCase(),
        String(o.trainingStep),
        String(o.density),
        String(o.sample),
        o.webgpuStep ? `${o.webgpuStep.fused} / ${o.webgpuStep.composed ?? '—'}` : 'not measured (no WebGPU adapter)',
      ]),
    ),
    '',
    '## Shipped files',
    '',
    table(
      ['file', 'first paint', 'raw', 'gzip'],
      r.bundle.files.map((f) => [f.file, f.firstPaint ? 'yes' : 'later', kb(f.raw), kb(f.gzip)]),
    ),
    '',
    `JavaScript for the first paint: ${kb(r.bundle.firstPaintJsGzip)} gzip; all JavaScript: ${kb(r.bundle.allJsGzip)}; JS + CSS: ${kb(r.bundle.allJsCssGzip)}; WASM: ${kb(r.bundle.wasmRaw)} raw, ${kb(r.bundle.wasmGzip)} gzip.`,
    '',
  ].join('\n');
}
