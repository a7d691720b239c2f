/**
 * `npm run presets:energy-kl`: measures the committed energy-target IAF presets
 * (public/presets/u1-iaf.json … u4-iaf.json, trained by reverse KL) the way the lab and the CLI
 * judge them, and records the figures in each file's `training` and in public/presets/index.json:
 *   kl ± klStandardError   KL(q ‖ p) on 4,096 of the model's own samples (what reverse KL minimises;
 *                          the lab shows the same estimate), log Z by quadrature
 *   nll, nllMedian         mean and median NLL of 10,000 samples of the target (the mean is
 *                          dominated by the few samples that land in the fit's thin tails)
 * Weights are not touched. Same seeds as `npm run cli -- train` (seed 1).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tf } from '../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import { TfFlow } from '../src/compute/flow/tf-flow';
import { estimateReverseKl } from '../src/compute/lab/reverse-kl';
import { parseModelText } from '../src/core/flow/model-file';
import { confinedLogNormaliser } from '../src/core/toy/energy-normaliser';
import { datasetSource } from '../src/core/datasets';
import { createRng } from '../src/core/rng';

const OUT = 'public/presets';
const SEED = 1;

tf.env().set('PROD', true);
if (!(await tf.setBackend('wasm'))) throw new Error('the WASM backend did not start');
const manifestPath = `${OUT}/index.json`;
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { presets: { file: string; training?: Record<string, unknown> }[] };

for (const energy of ['u1', 'u2', 'u3', 'u4'] as const) {
  const file = `${energy}-iaf.json`;
  const text = readFileSync(`${OUT}/${file}`, 'utf8');
  const model = parseModelText(text);
  const flow = new TfFlow(model.weights);
  const rng = createRng(SEED + 2_000_003);
  const noise = Float32Array.from({ length: 4096 * 2 }, () => rng.normal());
  const kl = await estimateReverseKl(flow, energy, noise, confinedLogNormaliser(energy).logNormaliser);
  const test = datasetSource(energy, null).sample(10_000, createRng(SEED + 1_000_003)).data;
  const lp = tf.tidy(() => flow.logProb(tf.tensor2d(test, [10_000, 2]), 'iaf'));
  const values = Float64Array.from((await lp.data()) as Float32Array);
  lp.dispose();
  flow.dispose();
  const nll = -values.reduce((a, b) => a + b, 0) / values.length;
  const nllMedian = -values.sort()[values.length >> 1];
  const figures = {
    kl: Number(kl.value.toFixed(4)),
    klStandardError: Number(kl.standardError.toFixed(4)),
    nll: Number(nll.toFixed(4)),
    nllMedian: Number(nllMedian.toFixed(4)),
  };
  const doc = JSON.parse(text) as { training?: Record<string, unknown> };
  doc.training = { ...doc.training, ...figures };
  writeFileSync(`${OUT}/${file}`, JSON.stringify(doc) + '\n');
  const entry = manifest.presets.find((p) => p.file === file);
  if (entry) entry.training = { ...entry.training, ...figures };
  console.log(`${file}: KL(q‖p) ${figures.kl} ± ${figures.klStandardError} nats; NLL of target samples mean ${figures.nll}, median ${figures.nllMedian}`);
}
writeFileSync(manifestPath, JSON.stringify(manifest, null, 1) + '\n');
console.log(`updated ${manifestPath}`);
