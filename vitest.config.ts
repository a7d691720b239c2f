import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The slowest unit files (the warm-started distillation to NLL parity, ≈ 200 s; the default MAF to its NLL,
 * ≈ 60 s) start first, so on a fresh clone (no timing cache) one worker takes them while the
 * other runs the rest, instead of both waiting on them at the end; the rest keep vitest's order.
 */
const SLOW_FIRST = ['tests/unit/compute/distill/distiller-warm.slow.test.ts', 'tests/unit/compute/flow/default-maf-nll.test.ts'];

class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = SLOW_FIRST.findIndex((path) => f.moduleId.endsWith(path));
      return i < 0 ? SLOW_FIRST.length : i;
    };
    return sorted.map((f, index) => ({ f, index })).sort((a, b) => rank(a.f) - rank(b.f) || a.index - b.index).map(({ f }) => f);
  }
}

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default on a 2-core machine is one worker (cores − 1): the files would run one
    // after another. Two workers use both cores; the main process mostly waits.
    maxWorkers: 2,
    sequence: { sequencer: SlowFirstSequencer },
  },
});
