/**
 * Fused vs composed maximum-likelihood training step on WebGPU, MAF then IAF, in the built app:
 * equality with the CPU backend (D = 2), GPU dispatches per step and mean ms per step of the
 * default model (core/flow/config.ts, D = 2, batch 512, Adam). A benchmark: prints, asserts nothing.
 *
 *   npx vite build --logLevel warn
 *   node --import tsx --import ./scripts/node-register.mjs scripts/bench/webgpu-fused-check.ts [steps]
 *
 * FLOWLAB_WEBGPU_ADAPTER=hardware uses the machine's GPU (Chromium with
 * --enable-unsafe-webgpu, without the SwiftShader adapter; on Linux add
 * FLOWLAB_CHROMIUM_FLAGS="--use-angle=vulkan --enable-features=Vulkan" if no adapter appears);
 * the default is the SwiftShader software adapter, where the timings measure an emulator.
 * The same figures are in `BENCH_WEBGPU=1 npm run bench`.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, chromiumFlags } from '../chromium';
import { startStaticServer } from '../serve-dist';
import { measureFusedWebGpu } from './webgpu-fused';

const steps = Number(process.argv[2] ?? 100);
const hardware = process.env.FLOWLAB_WEBGPU_ADAPTER === 'hardware';
const extra = (process.env.FLOWLAB_CHROMIUM_FLAGS ?? '').split(/\s+/).filter(Boolean);
const flags = hardware
  ? [...chromiumFlags(false), '--enable-unsafe-webgpu', ...extra]
  : [...chromiumFlags(true), ...extra];

const server = await startStaticServer({ root: 'dist', port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: false, args: flags });
try {
  for (const kind of ['maf', 'iaf'] as const) {
  const r = await measureFusedWebGpu(browser, server.url, steps, kind);
  if (!r) {
    console.log('No WebGPU in this browser (the page fell back to another backend).');
    process.exitCode = 1;
    break;
  } else {
    console.log(`\n${kind.toUpperCase()} trained by maximum likelihood`);
    const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)} ms` : '—');
    console.log(`Adapter: ${r.adapter || 'unknown'}`);
    console.log(
      `Equality with the CPU backend (D = 2, scaled max error): forward ${r.check.forwardError.toExponential(1)}, ` +
        `gradients ${r.check.gradientError.toExponential(1)}, Adam step ${r.check.stepError.toExponential(1)}`,
    );
    console.log('| path | GPU dispatches / step | ms / step |');
    console.log('| --- | --- | --- |');
    console.log(`| fused (3 WGSL programs) | ${r.dispatchesFused} | ${ms(r.msFused)} |`);
    console.log(`| composed tfjs kernels | ${r.dispatchesComposed ?? '—'} | ${ms(r.msComposed)} |`);
    console.log(`(${r.steps} timed steps each after a warm-up, ending in a readback)`);
  }
  }
} finally {
  await browser.close();
  await server.close();
}
