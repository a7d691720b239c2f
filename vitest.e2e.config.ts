import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium against the built app (run `vite build` first).
// Run once per configuration: FLOWLAB_WEBGPU=on and FLOWLAB_WEBGPU=off.
//
// The WebGPU-off pass runs every browser test. The WebGPU-on pass (Chromium with its software
// WebGPU adapter) runs only the tests that exercise WebGPU: those tagged `webgpu`, i.e.
// written `it('…', { tags: ['webgpu'] }, …)` (backend choice and self-check on WebGPU, the
// step-by-step panel at D = 2 on WebGPU, recovery from a lost GPU device). The tag in the test
// is the one place that says so; the files to load are the ones that use it.
//
// FLOWLAB_SLOW=1 runs the slow browser checks instead (`*.slow.e2e.ts`, WebGPU off:
// `npm run test:slow`).
const slow = process.env.FLOWLAB_SLOW === '1';

export const WEBGPU_TAG = 'webgpu';
const E2E = 'tests/e2e';
const TAGGED = new RegExp(`tags:\\s*\\[\\s*'${WEBGPU_TAG}'\\s*\\]`);
const webgpuFiles = readdirSync(E2E)
  .filter((name) => name.endsWith('.e2e.ts') && !name.endsWith('.slow.e2e.ts'))
  .filter((name) => TAGGED.test(readFileSync(`${E2E}/${name}`, 'utf8')))
  .map((name) => `${E2E}/${name}`);

const webgpuPass = process.argv.includes(`--tags-filter=${WEBGPU_TAG}`);

/**
 * FLOWLAB_E2E_WORKERS: how many test files run at once. The pages share the one Chromium of the
 * run (tests/e2e/global-setup.ts); each test waits on readiness signals, never on a fixed time,
 * so a busier machine makes a test slower, not wrong.
 *
 * Default: two files at once for the WebGPU-off pass (where two cores are free), one for the
 * WebGPU-on pass. Measured on the 2-core machine (Chromium 156), whole passes on one checkout,
 * nothing else running: WebGPU off 320 s with one file at a time (the cores idle 35 % of the
 * time), 195 s with two (idle 10 %), 223 s with three (idle 2 %); WebGPU on 66 s with one and
 * 67 s with two (its largest file is software WebGPU, which already keeps both cores busy).
 */
const defaultWorkers = webgpuPass ? 1 : Math.min(2, availableParallelism());
const workers = Math.max(1, Number(process.env.FLOWLAB_E2E_WORKERS ?? defaultWorkers) || 1);

function include(): string[] {
  if (slow) return [`${E2E}/**/*.slow.e2e.ts`];
  return webgpuPass ? webgpuFiles : [`${E2E}/**/*.e2e.ts`];
}

export default defineConfig({
  test: {
    include: include(),
    exclude: slow ? [] : ['**/*.slow.e2e.ts', '**/node_modules/**'],
    tags: [{ name: WEBGPU_TAG, description: 'Exercises WebGPU: runs in the WebGPU-on pass too.' }],
    environment: 'node',
    // One static server and one Chromium for the whole run; each file connects to them.
    globalSetup: ['tests/e2e/global-setup.ts'],
    // Each file gets the harness's hooks from the setup file; the files share one module cache
    // per worker (playwright-core and the harness are imported once, not once per file).
    setupFiles: ['tests/e2e/setup.ts'],
    isolate: false,
    pool: 'forks',
    fileParallelism: workers > 1,
    maxWorkers: workers,
    sequence: { concurrent: false },
    testTimeout: 180_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
