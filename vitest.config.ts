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
  },
});
