/**
 * `npm run bench`: the performance suite of issue #10. Builds the app (unless --no-build),
 * measures the engine in Node, the built app in headless Chromium, and what it ships; writes
 * bench/results.json and bench/results.md, and prints the table with each budget met or not.
 * A benchmark, not a test: it asserts nothing and never fails on a slow figure.
 *
 *   npm run bench:torch           # only the default MAF step against PyTorch's (bench/README.md)
 *   npm run bench                 # everything (about 5 minutes on 2 cores, plus the fits and the
 *                                 # distillation), then `npm run test:slow`
 *   npm run bench -- --no-slow    # without the slow convergence checks (about 8 more minutes)
 *   npm run bench -- --no-fits    # without the KL gaps of the default MAF and IAF (3,000 steps each)
 *   npm run bench -- --no-distill # without the distillation time to target (≤ 3,000 steps)
 *   BENCH_FITS_STEPS=3000 BENCH_DISTILL_STEPS=3000   # their step counts (for a quick wiring check)
 *   BENCH_WEBGPU=1 npm run bench  # also the software WebGPU adapter (slow: minutes of shader compiles)
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { launchChromium } from '../chromium';
import { startStaticServer } from '../serve-dist';
import { measureBackend, measureFirstDensity, measureSmoothness, type BackendFigures, type FirstDensityFigures } from './browser-bench';
import { measureBundle } from './bundle-sizes';
import { benchEngine, useBackend, type NodeEngineFigures } from './node-engine';
import { countOps, type OpCounts } from './op-counts';
import { compareWithTorch, comparisonText } from './torch-compare';
import { measureFusedWebGpu } from './webgpu-fused';
import { runDistill, runFits, type DistillSummary, type FitsSummary } from './learning';
import { percentile } from './stats';
import { budgetRows, markdownReport } from './report';

const log = (text: string) => console.error(`# ${text}`);
const webgpu = process.env.BENCH_WEBGPU === '1';

if (!process.argv.includes('--no-build')) {
  log('building the app');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}

log('op counts (Node, CPU and WASM backends)');
await useBackend('wasm'); // registers and initialises WASM before it is counted
const ops: OpCounts[] = [];
for (const backend of ['cpu', 'wasm']) for (const flow of ['maf', 'iaf'] as const) ops.push(await countOps(flow, backend));

log('engine in Node');
const node: NodeEngineFigures[] = [];
for (const backend of ['wasm', 'cpu']) {
  if (!(await useBackend(backend))) continue;
  for (const flow of ['maf', 'iaf'] as const) node.push(await benchEngine(backend, flow, backend === 'cpu' ? 10 : 40));
}

log('default MAF step against PyTorch (side by side)');
const torch = await compareWithTorch();
log(comparisonText(torch));

const fits: FitsSummary | null = process.argv.includes('--no-fits') ? null : await runFits(Number(process.env.BENCH_FITS_STEPS ?? 3000), log);
const distill: DistillSummary | null = process.argv.includes('--no-distill') ? null : await runDistill(Number(process.env.BENCH_DISTILL_STEPS ?? 3000), log);

log('bundle sizes');
const bundle = measureBundle('dist');

const server = await startStaticServer({ root: 'dist', port: 0 });
const browser = await launchChromium({ webgpu });
const backends: BackendFigures[] = [];
let firstDensity: FirstDensityFigures[];
let smoothness: Awaited<ReturnType<typeof measureSmoothness>> | null;
try {
  for (const backend of webgpu ? ['webgpu', 'webgl', 'wasm', 'cpu'] : ['webgl', 'wasm', 'cpu']) {
    for (const flow of ['maf', 'iaf'] as const) {
      log(`browser: ${backend} ${flow}`);
      const figures = await measureBackend(browser, server.url, backend, flow).catch((error: unknown) => {
        log(`  ${backend} failed: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      });
      if (figures) backends.push(figures);
      else if (flow === 'maf') log(`  ${backend} not reachable here`);
      if (!figures) break;
    }
  }
  if (webgpu) {
    for (const kind of ['maf', 'iaf'] as const) {
      log(`browser: fused WebGPU ${kind.toUpperCase()} maximum-likelihood step (dispatches per step)`);
      const fused = await measureFusedWebGpu(browser, server.url, 0, kind).catch(() => null);
      const row = ops.find((o) => o.flow === kind);
      if (fused && row) row.webgpuStep = { fused: fused.dispatchesFused, composed: fused.dispatchesComposed };
    }
  }
  log('browser: first fitted density');
  firstDensity = await measureFirstDensity(browser, server.url, 3);
  log('browser: smoothness while training');
  smoothness = await measureSmoothness(browser, server.url, 8);
} finally {
  await browser.close();
  await server.close();
}

const results = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  webgpu,
  ops,
  node,
  torch,
  fits,
  distill,
  browser: {
    backends,
    firstDensityMs: firstDensity.map((f) => f.anyMs),
    firstDensityMedianMs: percentile(firstDensity.map((f) => f.anyMs), 0.5),
    firstLiveFrameMs: firstDensity.map((f) => f.liveMs),
    firstLiveFrameMedianMs: percentile(firstDensity.map((f) => f.liveMs), 0.5),
    smoothness,
  },
  bundle,
};
const budgets = budgetRows(results);
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify({ ...results, budgets }, null, 2)}\n`);
const markdown = markdownReport(results, budgets);
writeFileSync('bench/results.md', markdown);
console.log(markdown);

// The slow convergence checks (`npm run test:slow`: distillation to NLL parity, the default MAF
// to its NLL bound, the two-cycle soak) are not part of `npm test`; the bench runs them.
if (process.argv.includes('--no-slow')) {
  log('slow convergence checks skipped (--no-slow); run them with `npm run test:slow`');
} else {
  log('slow convergence checks: npm run test:slow');
  const started = Date.now();
  try {
    execSync('bash scripts/test-slow.sh --no-build', { stdio: 'inherit' });
    log(`slow convergence checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } catch {
    log('slow convergence checks FAILED (see above); the figures above stand');
    process.exitCode = 1;
  }
}
