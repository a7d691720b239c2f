/**
 * The CLI's evaluation commands: sample (z → x), logprob (x → log p(x)), invert (x → z), for
 * models of every kind (MAF, IAF, coupling; affine or spline: build-flow.ts).
 * Results are checked before anything is printed: rows that came out non-finite are named
 * with the reason (a float64 replay of the first one, core/flow/nonfinite-reason.ts) and the
 * command fails, unless --allow-nonfinite asks for them (then a warning goes to stderr).
 */
import { tf } from '../../src/compute/tf';
import { flowFromModel, type AnyTfFlow } from '../../src/compute/flow/build-flow';
import type { FlowModel } from '../../src/core/flow/flow-spec';
import { modelNonFiniteReason, type FlowDirection } from '../../src/core/flow/nonfinite-reason';
import { createRng } from '../../src/core/rng';
import { describeRows, nonFiniteRows } from '../../src/core/validation';
import { NonFiniteResultError, UsageError, intFlag, requireFlag, type Flags } from './args';
import { loadModelFile, readText } from './files';
import type { Out } from './run';
import { formatCsv, parsePointsCsv } from './csv';

/** Rows per chunk of evaluation and of output (bounded memory, output streamed). */
const CHUNK = 8192;

interface Evaluation {
  model: FlowModel;
  direction: FlowDirection;
  input: Float32Array;
  dim: number;
  /** Values per output row and the CSV header prefix. */
  width: number;
  prefix: string;
  map: (flow: AnyTfFlow, x: tf.Tensor2D) => tf.Tensor;
}

async function evaluate(e: Evaluation, flags: Flags, out: Out, err: Out): Promise<void> {
  const n = e.input.length / e.dim;
  const flow = flowFromModel(e.model, false);
  const values = new Float32Array(n * e.width);
  try {
    for (let s = 0; s < n; s += CHUNK) {
      const end = Math.min(n, s + CHUNK);
      const t = tf.tidy(() =>
        e.map(flow, tf.tensor2d(e.input.subarray(s * e.dim, end * e.dim), [end - s, e.dim])),
      );
      values.set((await t.data()) as Float32Array, s * e.width);
      t.dispose();
    }
  } finally {
    flow.dispose();
  }
  const bad = nonFiniteRows(values, e.width);
  if (bad.length > 0) {
    const first = e.input.subarray(bad[0] * e.dim, (bad[0] + 1) * e.dim);
    const reason = modelNonFiniteReason(e.model, e.direction, first, e.width === 1);
    const message = `${describeRows(bad, n)} ${bad.length === 1 ? 'is' : 'are'} not finite (row ${bad[0] + 1}: ${reason})`;
    if (flags.get('allow-nonfinite') !== 'true')
      throw new NonFiniteResultError(`${message}; nothing printed (--allow-nonfinite prints them)`);
    err(`warning: ${message}`);
  }
  const header = formatCsv([], e.width, e.prefix).trimEnd();
  out(e.width === 1 ? header.replace(/1$/, '') : header);
  for (let s = 0; s < n; s += CHUNK) {
    const end = Math.min(n, s + CHUNK);
    // formatCsv's first line is its header; the rows follow.
    const rows = formatCsv(values.subarray(s * e.width, end * e.width), e.width, e.prefix);
    out(rows.slice(rows.indexOf('\n') + 1).trimEnd());
  }
}

function readPoints(path: string, dim: number, what: string): Float32Array {
  return parsePointsCsv(readText(path, what), dim, path).data;
}

export async function sample(flags: Flags, out: Out, err: Out): Promise<void> {
  const model = loadModelFile(requireFlag(flags, 'model'));
  const D = model.weights.config.dim;
  const zPath = flags.get('z');
  let z: Float32Array;
  if (zPath !== undefined) {
    for (const f of ['n', 'seed'])
      if (flags.has(f))
        throw new UsageError(
          `--${f} cannot be combined with --z (the rows of the z file are the samples)`,
        );
    z = readPoints(zPath, D, 'z file');
  } else {
    const n = intFlag(flags, 'n', 1000, 1, 10_000_000);
    const rng = createRng(intFlag(flags, 'seed', 1, -(2 ** 31), 2 ** 31 - 1));
    z = new Float32Array(n * D);
    for (let k = 0; k < z.length; k++) z[k] = rng.normal(); // row by row: z[r, j] is normal number r·D + j
  }
  await evaluate(
    {
      model,
      direction: 'toData',
      input: z,
      dim: D,
      width: D,
      prefix: 'x',
      map: (f, t) => f.toData(t).out,
    },
    flags,
    out,
    err,
  );
}

async function pointsCommand(
  flags: Flags,
  out: Out,
  err: Out,
  what: 'logprob' | 'invert',
): Promise<void> {
  const model = loadModelFile(requireFlag(flags, 'model'));
  const D = model.weights.config.dim;
  const input = readPoints(requireFlag(flags, 'points'), D, 'points file');
  await evaluate(
    what === 'logprob'
      ? {
          model,
          direction: 'toBase',
          input,
          dim: D,
          width: 1,
          prefix: 'logp',
          map: (f, x) => f.logProb(x),
        }
      : {
          model,
          direction: 'toBase',
          input,
          dim: D,
          width: D,
          prefix: 'z',
          map: (f, x) => f.toBase(x).out,
        },
    flags,
    out,
    err,
  );
}

export const logprob = (flags: Flags, out: Out, err: Out) =>
  pointsCommand(flags, out, err, 'logprob');
export const invert = (flags: Flags, out: Out, err: Out) =>
  pointsCommand(flags, out, err, 'invert');
