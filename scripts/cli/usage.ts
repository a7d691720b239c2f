/** Usage text of the command-line tool: `--help`, `help COMMAND`, `COMMAND --help`. */
import { DATASET_IDS } from '../../src/core/datasets';
import { DEFAULT_FLOW_CONFIG } from '../../src/core/flow/config';
import { DEFAULT_LEARNING_RATE, formatRate } from '../../src/core/flow/lr-schedule';

const DATASETS = DATASET_IDS.filter((d) => d !== 'drawn').join(', ');

const MODEL =
  'Model files: docs/model-format.md. Point files: CSV, one point per row, optional header row.';

export const COMMAND_USAGE = {
  train: `usage: npm run cli -- train --dataset NAME --out model.json [options]
Trains a flow on a toy data set or energy target and writes a model file.
  --flow maf|iaf|coupling
                      which flow (default maf); iaf and coupling train by reverse KL on
                      an energy target (both sample in one pass)
  --transform affine|spline
                      each layer's elementwise map (default affine): a monotone
                      rational-quadratic spline is more expressive per layer
  --bins K            spline bins, 2..64 (default 8; with --transform spline)
  --bound B           the spline acts on [−B, B], identity outside, 0.1..100
                      (default 4; with --transform spline)
  --dataset NAME      training data (default 8gaussians): ${DATASETS}
  --out FILE          where to write the model file (required)
  --layers K          layers (autoregressive or coupling), 1..32 (default ${DEFAULT_FLOW_CONFIG.layers})
  --hidden H          width of each of the two hidden layers, 4..512 (default ${DEFAULT_FLOW_CONFIG.hidden[0]})
  --steps N           training steps (default 3000)
  --batch B           points per step (default 512)
  --lr R              peak Adam learning rate (default ${formatRate(DEFAULT_LEARNING_RATE)})
  --schedule cosine|constant
                      learning-rate schedule (default cosine: the lab's, a 100-step warm-up,
                      then a half-cosine to 5% of the peak by step 3000, then held there)
  --seed S            seed of the weights and the data (default 1)
  --log-every N       print the loss every N steps (default 250)
  --backend auto|wasm|cpu`,
  sample: `usage: npm run cli -- sample --model model.json [--n N --seed S | --z z.csv] [--allow-nonfinite]
Prints points x = f(z) as CSV (header x1,x2,…), one row per base point z.
  --n N               number of samples, 1..10000000 (default 1000)
  --seed S            seed of z (default 1): z[r, j] is the (r·D + j)-th normal of the
                      generator of docs/model-format.md, row by row
  --z FILE            read z from a CSV instead (D values per row); excludes --n and --seed
  --allow-nonfinite   print rows that came out non-finite instead of failing (exit 0)
  --backend auto|wasm|cpu`,
  logprob: `usage: npm run cli -- logprob --model model.json --points x.csv [--allow-nonfinite]
Prints log p(x) in nats (header logp), one row per input row, in input order.
  --points FILE       CSV with D values per row
  --allow-nonfinite   print rows that came out non-finite instead of failing (exit 0)
  --backend auto|wasm|cpu`,
  invert: `usage: npm run cli -- invert --model model.json --points x.csv [--allow-nonfinite]
Prints the base point z = f⁻¹(x) (header z1,z2,…), one row per input row, in input order.
  --points FILE       CSV with D values per row
  --allow-nonfinite   print rows that came out non-finite instead of failing (exit 0)
  --backend auto|wasm|cpu`,
} as const;

export type CommandName = keyof typeof COMMAND_USAGE;

export const GENERAL_USAGE = `Flow Lab command-line tool
usage: npm run cli -- COMMAND [options]
commands:
  train     fit a flow (MAF, IAF or coupling) to a data set and write a model file
  sample    draw points from a model (or map given base points z)
  logprob   log-density of points under a model
  invert    base-space point z of each data point
  help      this text; "help COMMAND" for one command's options
Output goes to stdout as CSV; problems go to stderr with a non-zero exit code:
2 for bad arguments or input, 3 for non-finite results, 1 for anything else.
${MODEL}`;
