/**
 * The command-line tool as a user runs it: a child process whose stdout goes through a pipe.
 * Every line of output must arrive, a slow reader included (the process used to exit before
 * stdout drained, cutting the output at 64 KiB with exit 0), and the usage must print.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';

const CLI = 'node --import tsx --import ./scripts/node-register.mjs scripts/cli/main.ts';
const MODEL = 'public/presets/moons-maf.json';

/** Runs a shell line in the repository root; resolves with exit code, stdout and stderr. */
function sh(line: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-o', 'pipefail', '-c', line],
      { maxBuffer: 64 << 20 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr,
        }),
    );
  });
}

/** A reader that waits a second before reading anything, then counts lines. */
const SLOW_READER = '(sleep 1; wc -l)';

describe('CLI through a pipe', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowlab-cli-'));
  const points = join(dir, 'points.csv');
  const rng = createRng(5);
  writeFileSync(
    points,
    Array.from({ length: 20_000 }, () => `${rng.normal()},${rng.normal()}`).join('\n') + '\n',
  );

  it('logprob of 20,000 points delivers 20,001 lines (header + rows) to a slow reader', async () => {
    const r = await sh(`${CLI} logprob --model ${MODEL} --points ${points} | ${SLOW_READER}`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(Number(r.stdout.trim())).toBe(20_001);
  });

  it('sample --n 20000 delivers 20,001 lines to a slow reader', async () => {
    const r = await sh(`${CLI} sample --model ${MODEL} --n 20000 | ${SLOW_READER}`);
    expect(r.code).toBe(0);
    expect(Number(r.stdout.trim())).toBe(20_001);
  });

  it('--help and help COMMAND print usage; an unknown flag is an error naming it', async () => {
    const help = await sh(`${CLI} --help`);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run cli -- COMMAND/m);
    for (const command of ['train', 'sample', 'logprob', 'invert'])
      expect(help.stdout).toContain(`  ${command} `);
    const one = await sh(`${CLI} help sample`);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^usage: npm run cli -- sample --model/);
    expect(one.stdout).toContain('--z FILE');
    const bad = await sh(`${CLI} logprob --model ${MODEL} --points ${points} --frobnicate 3`);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^flow-lab logprob: unknown option --frobnicate /);
  });
});
