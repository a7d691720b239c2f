import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium against the built app (run `vite build` first).
// Run once per configuration: FLOWLAB_WEBGPU=on and FLOWLAB_WEBGPU=off.
//
// A few long files test what does not depend on the GPU at all — URL parsing (fuzz), the
// soak (it alternates WASM and CPU by design), the layout at phone, projector and embed
// sizes (WASM pinned) — so they run in the WebGPU-off pass only;
// every other file runs in both.
const BACKEND_INDEPENDENT = ['tests/e2e/fuzz.e2e.ts', 'tests/e2e/soak.e2e.ts', 'tests/e2e/layout.e2e.ts'];
const webgpuOn = (process.env.FLOWLAB_WEBGPU ?? 'on').toLowerCase() === 'on';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    exclude: webgpuOn ? BACKEND_INDEPENDENT : [],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
    testTimeout: 180_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
