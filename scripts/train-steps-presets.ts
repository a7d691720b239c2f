/**
 * `npm run presets:steps`: fits the step-by-step panel's presets
 * (public/presets/steps-<kind>-d<D>.json, core/flow/steps-fit.ts) and lists them in the
 * manifest's `steps` entries (public/presets/index.json: file, kind, D, layers, seed). Each is exactly the fit the panel
 * runs for its opening request — the same fitStepsFlow (compute/steps/steps-model.ts): one
 * layer, seed 1, 300 Adam steps of 256 points at 3·10⁻³, the same 1,024 held-out points —
 * for MAF, IAF (sequential maximum likelihood) and coupling at D = 2 … 8, on tfjs's WASM
 * backend, with no time budget (all 300 steps always run). Each file records the held-out
 * NLL before and after, the floor (the exact mixture's NLL on the same points) and this
 * run's wall time. About a minute on 2 idle cores.
 *   STEPS=maf-d2,iaf-d8 npm run presets:steps    refits only those.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tf } from '../src/compute/tf';
import '@tensorflow/tfjs-backend-wasm';
import { trainStepsModel } from '../src/compute/steps/steps-model';
import { trainStepsCouplingModel } from '../src/compute/steps/steps-coupling';
import type { StepsModelRequest } from '../src/compute/steps/protocol';
import type { FlowModel } from '../src/core/flow/flow-spec';
import { serializeAnyModel } from '../src/core/flow/model-file';
import {
  STEPS_BATCH,
  STEPS_HELD_OUT,
  STEPS_LEARNING_RATE,
  STEPS_MAX_DIM,
  STEPS_MIN_DIM,
  STEPS_PRESET_KINDS,
  STEPS_PRESET_LAYERS,
  STEPS_PRESET_SEED,
  STEPS_TRAIN_STEPS,
  stepsPresetFile,
} from '../src/core/flow/steps-fit';

const OUT = 'public/presets';
/** The mixture's name in the model file's `dataset` field. */
const DATASET = 'correlated-mixture';

interface StepsPresetEntry {
  file: string;
  kind: string;
  dim: number;
  layers: number;
  seed: number;
}

tf.env().set('PROD', true);
if (!(await tf.setBackend('wasm'))) throw new Error('the WASM backend did not start');

const round = (v: number, digits: number) => Number(v.toFixed(digits));
const only = process.env.STEPS?.split(',');
const manifestPath = `${OUT}/index.json`;
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { steps?: StepsPresetEntry[] };
const entries = new Map((manifest.steps ?? []).map((e) => [e.file, e]));

for (const kind of STEPS_PRESET_KINDS) {
  for (let dim = STEPS_MIN_DIM; dim <= STEPS_MAX_DIM; dim++) {
    if (only && !only.includes(`${kind}-d${dim}`)) continue;
    const request: StepsModelRequest = {
      dim,
      layers: STEPS_PRESET_LAYERS,
      seed: STEPS_PRESET_SEED,
      trainSteps: STEPS_TRAIN_STEPS,
      budgetMs: Number.POSITIVE_INFINITY,
    };
    const before = tf.memory().numTensors;
    const fit =
      kind === 'coupling' ? await trainStepsCouplingModel(request) : await trainStepsModel({ ...request, kind });
    if (tf.memory().numTensors !== before) throw new Error(`${kind} D = ${dim}: the fit leaked tensors`);
    if (fit.trainedSteps !== STEPS_TRAIN_STEPS) throw new Error(`${kind} D = ${dim}: ${fit.trainedSteps} steps trained`);
    const training = {
      objective: 'maximum likelihood on the data (compute/steps/steps-model.ts fitStepsFlow)',
      steps: fit.trainedSteps,
      batch: STEPS_BATCH,
      lr: STEPS_LEARNING_RATE,
      seed: STEPS_PRESET_SEED,
      heldOut: STEPS_HELD_OUT,
      nllBefore: round(fit.nllBefore, 5),
      nllAfter: round(fit.nllAfter, 5),
      nllData: round(fit.nllData, 5),
      trainMs: Math.round(fit.trainMs),
      backend: `tfjs ${tf.getBackend()} in Node`,
    };
    const model = { flow: kind, weights: fit.weights } as FlowModel;
    const file = stepsPresetFile(kind, dim);
    writeFileSync(`${OUT}/${file}`, JSON.stringify(serializeAnyModel(model, { dataset: DATASET, training })) + '\n');
    // The manifest names the request a file answers; its numbers are in the file (the page reads them there).
    entries.set(file, { file, kind, dim, layers: STEPS_PRESET_LAYERS, seed: STEPS_PRESET_SEED });
    console.log(
      `${file}: held-out NLL ${training.nllBefore.toFixed(3)} → ${training.nllAfter.toFixed(3)} nats ` +
        `(floor ${training.nllData.toFixed(3)}), ${training.trainMs} ms`,
    );
  }
}
const rank = (e: StepsPresetEntry) => STEPS_PRESET_KINDS.indexOf(e.kind as (typeof STEPS_PRESET_KINDS)[number]) * 100 + e.dim;
manifest.steps = [...entries.values()].sort((a, b) => rank(a) - rank(b));
writeFileSync(manifestPath, JSON.stringify(manifest, null, 1) + '\n');
console.log(`wrote ${manifestPath} with ${manifest.steps.length} stepper presets`);
