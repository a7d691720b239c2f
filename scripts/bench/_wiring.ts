import { runDistill, runFits } from './learning';
import { budgetRows, markdownReport } from './report';
const log = (t: string) => console.error(`# ${t}`);
const fits = await runFits(50, log);
const distill = await runDistill(100, log);
const r = { date: new Date().toISOString(), machine: { cpus: 2, cpuModel: 'x', memoryGiB: 1, node: process.version }, webgpu: false, ops: [], node: [],
  torch: { oursMs: 1, torchMs: null, torchThreads: null, torchVersion: null, ratio: null, oursCpuMs: 1, torchCpuMs: null, cpuRatio: null, roundRatios: [], wasmKernels: 0 },
  fits, distill, browser: { backends: [], firstDensityMs: [], firstDensityMedianMs: NaN, firstLiveFrameMs: [], firstLiveFrameMedianMs: NaN, smoothness: null },
  bundle: { files: [], firstPaintJsGzip: 0, allJsGzip: 0, allJsCssGzip: 0, wasmRaw: 0, wasmGzip: 0 } };
const b = budgetRows(r);
console.log(JSON.stringify({ fits, distill: { ...distill, checks: distill.checks.length } }).slice(0, 1500));
console.log(markdownReport(r, b));
