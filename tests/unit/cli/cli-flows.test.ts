/**
 * The CLI with every flow family and transform: `train --flow maf|iaf|coupling --transform
 * affine|spline` writes a model file of that kind whose logprob agrees with the float64
 * reference, `sample --z` and `invert` are inverse maps, and the new flags refuse bad values
 * naming them (runCli in this process).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../scripts/cli/run';
import { parseAnyModelText, serializeAnyModel } from '../../../src/core/flow/model-file';
import { FLOW_FAMILIES, type FlowModel } from '../../../src/core/flow/flow-spec';
import { ReferenceFlow } from '../../../src/core/flow/reference-flow';
import { ReferenceCouplingFlow } from '../../../src/core/flow/coupling';

const dir = mkdtempSync(join(tmpdir(), 'flowlab-cli-flows-'));
const path = (name: string) => join(dir, name);

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

const referenceLogProb = (m: FlowModel, x: number[]) =>
  m.flow === 'coupling'
    ? new ReferenceCouplingFlow(m.weights).logProb(x)
    : new ReferenceFlow(m.weights, m.flow).logProb(x);

const POINTS = [
  [0.5, -1.25],
  [-2.75, 2.5],
  [3.5, 0.125],
  [-4.5, -4.75], // beyond the spline bound Bs = 4: a linear tail
];
const pointsCsv = () => {
  const p = path('points.csv');
  writeFileSync(p, 'x1,x2\n' + POINTS.map((r) => r.join(',')).join('\n') + '\n');
  return p;
};
const rowsOf = (stdout: string) =>
  stdout
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').map(Number));

describe('CLI: flow families and transforms', () => {
  // Affine MAF/IAF files are covered by cli-validation.test.ts and the presets.
  const cases = FLOW_FAMILIES.flatMap((flow) =>
    (['affine', 'spline'] as const).map((transform) => ({ flow, transform })),
  ).filter(({ flow, transform }) => flow === 'coupling' || transform === 'spline');
  for (const { flow, transform } of cases) {
    it(
      `train --flow ${flow} --transform ${transform}: the file's kind and transform; logprob = float64 reference`,
      { timeout: 300_000 },
      async () => {
        const out = path(`${flow}-${transform}.json`);
        const spline = transform === 'spline' ? ['--bins', '5', '--bound', '3.5'] : [];
        const train = await cli(
          'train',
          '--flow',
          flow,
          '--transform',
          transform,
          ...spline,
          '--layers',
          // One spline MADE layer keeps the 10,000-point held-out NLL of the IAF (D passes) short.
          flow === 'coupling' ? '2' : '1',
          '--hidden',
          '8',
          '--steps',
          '3',
          '--batch',
          '32',
          '--dataset',
          'moons',
          '--backend',
          'cpu',
          '--out',
          out,
        );
        expect(train.stderr).toBe('');
        expect(train.code).toBe(0);
        expect(train.stdout).toMatch(
          transform === 'spline'
            ? /^# training spline \(K = 5, Bs = 3\.5\) /
            : /^# training (MAF|IAF|coupling flow) on/,
        );
        expect(train.stdout).toMatch(/final NLL on 10,000 fresh samples: \d+\.\d{4} nats/);
        const doc = JSON.parse(readFileSync(out, 'utf8'));
        expect(doc.kind).toBe(flow);
        expect(doc.version).toBe(flow === 'coupling' || transform === 'spline' ? 2 : 1);
        const model = parseAnyModelText(readFileSync(out, 'utf8'));
        expect(model.weights.config.transform ?? 'affine').toBe(transform);
        if (transform === 'spline')
          expect([model.weights.config.splineBins, model.weights.config.splineBound]).toEqual([
            5, 3.5,
          ]);
        const r = await cli('logprob', '--model', out, '--points', pointsCsv(), '--backend', 'cpu');
        expect(r.code).toBe(0);
        const logp = rowsOf(r.stdout).map((row) => row[0]);
        POINTS.forEach((x, j) => {
          const expected = referenceLogProb(model, x);
          expect(Math.abs(logp[j] - expected)).toBeLessThan(1e-4 * Math.max(1, Math.abs(expected)));
        });
      },
    );
  }

  it('coupling spline: sample --z then invert gives z back', async () => {
    const out = path('coupling-spline.json');
    const z = path('z.csv');
    const zs = [
      [0.3, -0.7],
      [1.9, 2.2],
      [-2.5, 0.4],
    ];
    writeFileSync(z, zs.map((r) => r.join(',')).join('\n') + '\n');
    const x = await cli('sample', '--model', out, '--z', z, '--backend', 'cpu');
    expect(x.code).toBe(0);
    writeFileSync(path('x.csv'), x.stdout + '\n');
    const back = await cli('invert', '--model', out, '--points', path('x.csv'), '--backend', 'cpu');
    expect(back.code).toBe(0);
    rowsOf(back.stdout).forEach((row, j) =>
      row.forEach((v, i) => expect(Math.abs(v - zs[j][i])).toBeLessThan(1e-4)),
    );
  });

  it('refuses bad flow, transform and spline flags, naming them (exit 2)', async () => {
    const base = ['train', '--out', path('never.json'), '--steps', '1', '--backend', 'cpu'];
    const cases: [string[], RegExp][] = [
      [['--flow', 'realnvp'], /--flow must be one of maf, iaf, coupling, got "realnvp"/],
      [['--transform', 'cubic'], /--transform must be one of affine, spline, got "cubic"/],
      [['--bins', '6'], /--bins needs --transform spline/],
      [['--transform', 'spline', '--bins', '1'], /--bins must be an integer in 2\.\.64, got "1"/],
      [
        ['--transform', 'spline', '--bound', '0'],
        /--bound must be a number in 0\.1\.\.100, got "0"/,
      ],
    ];
    for (const [flags, message] of cases) {
      const r = await cli(...base, ...flags);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it('a coupling model whose weights overflow float32 names the coupling layer and exits 3', async () => {
    const model = parseAnyModelText(readFileSync(path('coupling-affine.json'), 'utf8'));
    // Layer 0 transforms x_2 (parity split): columns μ, a. μ ≥ 3e38 and α = −3 give |w| ≈ 6e39.
    const output = model.weights.layers[0].output;
    output.w.forEach((_, k) => (output.w[k] = k % 2 === 0 ? 3e38 : -3e38));
    output.b.set([3e38, -3e38]);
    const huge = path('coupling-huge.json');
    writeFileSync(huge, JSON.stringify(serializeAnyModel(model, model.meta)));
    const r = await cli('invert', '--model', huge, '--points', pointsCsv(), '--backend', 'cpu');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /rows? .* not finite \(row 1: overflow of the layer scales: coupling layer 1 of 2 in the order applied/,
    );
  });
});
