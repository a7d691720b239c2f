import { defineConfig } from 'vitest/config';

/**
 * Unit tests. `npm test` runs the fast ones; the slow convergence checks (`*.slow.test.ts`:
 * the distillation to NLL parity, ≈ 200 s; the default MAF trained to its NLL bound, ≈ 60 s)
 * run with `npm run test:slow` (FLOWLAB_SLOW=1), which the bench runs too. Each slow check has
 * a cheap stand-in in the fast suite (docs/contributing.md lists them).
 */
const slow = process.env.FLOWLAB_SLOW === '1';

export default defineConfig({
  test: {
    include: slow ? ['tests/unit/**/*.slow.test.ts'] : ['tests/unit/**/*.test.ts'],
    exclude: slow ? [] : ['**/*.slow.test.ts', '**/node_modules/**'],
    environment: 'node',
    testTimeout: slow ? 900_000 : 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default on a 2-core machine is one worker (cores − 1): the files would run one
    // after another. Two workers use both cores; the main process mostly waits.
    maxWorkers: 2,
    // The test files share each worker's module cache: tfjs and its backends are imported once
    // per worker, not once per file (measured: 323 → 148 s of CPU for the whole run). The files
    // own no shared mutable state but tfjs's engine; each test that sets a backend sets it
    // itself, and every tensor check compares counts before and after within one test.
    isolate: false,
  },
});
