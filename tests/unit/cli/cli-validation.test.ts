/**
 * The CLI's answers to bad input and bad results (runCli in this process; the pipe and the
 * usage are tested on a child process in cli-process.test.ts). Nothing is ever printed that
 * is silently wrong: refused input names the line or field, non-finite results name the rows
 * and the reason and exit 3 unless --allow-nonfinite.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../scripts/cli/run';
import { parseModelText, serializeModel } from '../../../src/core/flow/model-file';
import { createRng } from '../../../src/core/rng';

const MODEL = 'public/presets/moons-maf.json';
const dir = mkdtempSync(join(tmpdir(), 'flowlab-cli-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** The moons preset with every first-hidden-layer weight of its first layer set to 3e38 (finite float32). */
function hugeWeightModel(): string {
  const model = parseModelText(readFileSync(MODEL, 'utf8'));
  model.weights.layers[0].hidden[0].w.fill(3e38);
  return file('huge.json', JSON.stringify(serializeModel(model.weights, model.meta)));
}

describe('CLI input validation', () => {
  it('a first row holding NaN is an error naming line 1, not a header', async () => {
    const r = await cli(
      'logprob',
      '--model',
      MODEL,
      '--points',
      file('nan.csv', 'NaN,0\n0.5,0.2\n'),
      '--backend',
      'cpu',
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/nan\.csv, line 1: "NaN" is not a finite number$/);
  });

  it('a value finite in float64 but not in float32 is refused with the line and the range', async () => {
    const r = await cli(
      'invert',
      '--model',
      MODEL,
      '--points',
      file('big.csv', 'x1,x2\n0,0\n1e39,0\n'),
      '--backend',
      'cpu',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /big\.csv, line 3: "1e39" is outside the float32 range ±3\.4028235e38$/,
    );
  });

  it('a config field of the wrong type is refused naming the field', async () => {
    const doc = JSON.parse(readFileSync(MODEL, 'utf8'));
    doc.config.alphaBound = '3';
    const r = await cli(
      'sample',
      '--model',
      file('typed.json', JSON.stringify(doc)),
      '--n',
      '3',
      '--backend',
      'cpu',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /config\.alphaBound: expected a number in \(0, 10\], got "3" \(a string\)$/,
    );
  });

  it('help COMMAND prints the usage; an unknown command or flag names it', async () => {
    expect((await cli('help', 'invert')).stdout).toMatch(/^usage: npm run cli -- invert --model/);
    expect((await cli('invert', '--help')).stdout).toMatch(/^usage: npm run cli -- invert --model/);
    const unknown = await cli('sampel', '--n', '3');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/\(got "sampel"\)/);
    const flag = await cli('sample', '--model', MODEL, '--count', '3');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/unknown option --count/);
    // Numbers as typed: an empty value or hex is not silently read as 0 or 16.
    for (const [name, value] of [
      ['seed', ''],
      ['n', '0x10'],
      ['n', 'Infinity'],
    ]) {
      const r = await cli('sample', '--model', MODEL, `--${name}=${value}`);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--${name} must be an integer in`);
    }
  });
});

describe('CLI results', () => {
  it('non-finite log-densities name the rows and the reason and exit 3; --allow-nonfinite prints them', async () => {
    const model = hugeWeightModel();
    const points = file('mixed.csv', 'x1,x2\n0,0\n1,1\n0,0\n2,-1\n');
    const refused = await cli('logprob', '--model', model, '--points', points, '--backend', 'cpu');
    expect(refused.code).toBe(3);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      /^flow-lab logprob: rows 2 and 4 of 4 are not finite \(row 2: .*float32 ±3\.4028235e38.*largest \|weight\| 3\.00e\+38\); nothing printed/,
    );
    const allowed = await cli(
      'logprob',
      '--model',
      model,
      '--points',
      points,
      '--allow-nonfinite',
      '--backend',
      'cpu',
    );
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toMatch(/^warning: rows 2 and 4 of 4 are not finite/);
    const rows = allowed.stdout.split('\n');
    expect(rows[0]).toBe('logp');
    expect(rows.length).toBe(5);
    expect(Number.isFinite(Number(rows[1]))).toBe(true);
    expect(Number.isFinite(Number(rows[2]))).toBe(false);
  });

  it('non-finite samples are refused as well', async () => {
    const model = hugeWeightModel();
    const r = await cli('sample', '--model', model, '--n', '50', '--backend', 'cpu');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^flow-lab sample: rows? .* of 50 (is|are) not finite/);
  });

  it('sample --z FILE maps exactly the given z; --seed S draws z row by row from the seeded generator', async () => {
    const rng = createRng(7);
    const z = Array.from({ length: 6 }, () => [rng.normal(), rng.normal()]);
    const fromFile = await cli(
      'sample',
      '--model',
      MODEL,
      '--z',
      file('z.csv', z.map((r) => r.join(',')).join('\n')),
      '--backend',
      'cpu',
    );
    const fromSeed = await cli(
      'sample',
      '--model',
      MODEL,
      '--n',
      '6',
      '--seed',
      '7',
      '--backend',
      'cpu',
    );
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout.split('\n')).toHaveLength(7);
    expect(fromFile.stdout).toBe(fromSeed.stdout);
    const both = await cli('sample', '--model', MODEL, '--z', join(dir, 'z.csv'), '--n', '6');
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--n cannot be combined with --z/);
  });
});
