/**
 * docs/model-format.md must let an outsider reimplement the model. This test takes the numpy
 * reader printed in the doc (its ```python block) and the worked example (its ```json block),
 * runs the reader with python3 on every committed version-1 preset (affine MAF/IAF) and on the example, and compares with
 * the command-line tool (runCli, float32): logprob on fixed points, sample from a fixed z file,
 * invert. Agreement: |numpy − CLI| ≤ 1e-4·max(|CLI|, 1) for every value (relative, with an
 * absolute floor of 1e-4 for values near 0, where a relative error means nothing).
 * Without python3 + numpy the test prints why and is skipped at run time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../scripts/cli/run';
import { createRng } from '../../../src/core/rng';

const DOC = readFileSync('docs/model-format.md', 'utf8');
const block = (lang: string) => {
  const found = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(DOC);
  if (!found) throw new Error(`docs/model-format.md has no \`\`\`${lang} block`);
  return found[1];
};

const probe = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], {
  encoding: 'utf8',
});
const numpyMissing =
  probe.status === 0
    ? null
    : `python3 with numpy is not available (${probe.error?.message ?? probe.stderr.trim().split('\n').pop()})`;

/** Runs the doc's reader on each job; prints {logp, x, z} per job as JSON. */
const RUNNER = `
import json, sys
import numpy as np
jobs = json.load(open(sys.argv[1]))
results = []
for job in jobs:
    m = load(job["model"])
    x = np.loadtxt(job["points"], delimiter=",", skiprows=1, ndmin=2)
    z = np.loadtxt(job["z"], delimiter=",", skiprows=1, ndmin=2)
    results.append({"logp": log_prob(m, x).tolist(), "x": sample(m, z).ravel().tolist(), "z": invert(m, x)[0].ravel().tolist()})
print(json.dumps(results))
`;

async function cliValues(...argv: string[]): Promise<number[]> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    [...argv, '--backend', 'cpu'],
    (l) => out.push(l),
    (l) => err.push(l),
  );
  if (code !== 0) throw new Error(`flow-lab ${argv.join(' ')} exited ${code}: ${err.join('\n')}`);
  return out
    .join('\n')
    .trim()
    .split('\n')
    .slice(1)
    .flatMap((row) => row.split(',').map(Number));
}

function csv(path: string, rows: number[][], header: string): string {
  writeFileSync(path, [header, ...rows.map((r) => r.join(','))].join('\n') + '\n');
  return path;
}

describe('docs/model-format.md numpy reader against the CLI', () => {
  it('agrees to 1e-4 on every committed preset and on the worked example (logprob, sample --z, invert)', async (ctx) => {
    if (numpyMissing) {
      console.log(`skipped: ${numpyMissing}`);
      ctx.skip();
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'flowlab-doc-'));
    const example = join(dir, 'example.json');
    writeFileSync(example, block('json'));
    const models = [
      ...readdirSync('public/presets')
        .filter((f) => f.endsWith('.json') && !f.endsWith('.preview.json') && f !== 'index.json')
        .map((f) => join('public/presets', f))
        // The reader implements version 1 (affine MAF/IAF); coupling and spline files are version 2.
        // The points below are 2-D: the stepper's presets of D = 3 … 8 are left out.
        .filter((f) => {
          const doc = JSON.parse(readFileSync(f, 'utf8'));
          return doc.version === 1 && doc.config.dim === 2;
        }),
      example,
    ];
    expect(models.length).toBeGreaterThanOrEqual(21);
    const rng = createRng(11);
    // 49 points on a grid over the view [−3.5, 3.5]² plus 15 random ones; 64 base points z.
    const grid = Array.from({ length: 49 }, (_, k) => [
      -3.5 + (7 * (k % 7)) / 6,
      -3.5 + (7 * Math.floor(k / 7)) / 6,
    ]);
    const points = csv(
      join(dir, 'x.csv'),
      [...grid, ...Array.from({ length: 15 }, () => [2 * rng.normal(), 2 * rng.normal()])],
      'x1,x2',
    );
    const z = csv(
      join(dir, 'z.csv'),
      Array.from({ length: 64 }, () => [rng.normal(), rng.normal()]),
      'z1,z2',
    );

    const jobsPath = join(dir, 'jobs.json');
    writeFileSync(jobsPath, JSON.stringify(models.map((model) => ({ model, points, z }))));
    const script = join(dir, 'reader.py');
    writeFileSync(script, block('python') + RUNNER);
    const python = spawnSync('python3', [script, jobsPath], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    expect(python.stderr).toBe('');
    const numpy = JSON.parse(python.stdout) as { logp: number[]; x: number[]; z: number[] }[];

    let worst = 0;
    for (const [k, model] of models.entries()) {
      const cli = {
        logp: await cliValues('logprob', '--model', model, '--points', points),
        x: await cliValues('sample', '--model', model, '--z', z),
        z: await cliValues('invert', '--model', model, '--points', points),
      };
      for (const what of ['logp', 'x', 'z'] as const) {
        expect(numpy[k][what].length, `${model} ${what}`).toBe(cli[what].length);
        cli[what].forEach((want, i) => {
          const error = Math.abs(numpy[k][what][i] - want) / Math.max(Math.abs(want), 1);
          worst = Math.max(worst, error);
          if (!(error <= 1e-4))
            expect.fail(`${model} ${what}[${i}]: numpy ${numpy[k][what][i]}, CLI ${want}`);
        });
      }
    }
    console.log(
      `numpy reader vs CLI on ${models.length} models: largest scaled difference ${worst.toExponential(2)}`,
    );
  });
});
