import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium against the built app (run `vite build` first).
// Run once per configuration: FLOWLAB_WEBGPU=on and FLOWLAB_WEBGPU=off.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
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
