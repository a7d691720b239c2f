/**
 * The stepper's committed presets (public/presets/steps-*.json, `npm run presets:steps`) are
 * the fits the panel would make for its opening request: each answers the request it is filed
 * under, its recorded held-out NLLs are reproduced by the float64 reference on the same 1,024
 * held-out points the fit uses (before: from the fit's own initial weights; after: from the
 * committed weights), the manifest lists exactly the files on disk, and the page's loader
 * (state/steps-presets.ts) takes a preset for that request only.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOW_CONFIG } from '../../../src/core/flow/config';
import { ReferenceCouplingFlow } from '../../../src/core/flow/coupling';
import { initFlowModel, type FlowFamily, type FlowModel } from '../../../src/core/flow/flow-spec';
import { parseAnyModelText } from '../../../src/core/flow/model-file';
import { ReferenceFlow } from '../../../src/core/flow/reference-flow';
import {
  STEPS_BATCH,
  STEPS_HELD_OUT,
  STEPS_HIDDEN,
  STEPS_LEARNING_RATE,
  STEPS_PRESET_KINDS,
  STEPS_PRESET_LAYERS,
  STEPS_PRESET_SEED,
  STEPS_TRAIN_STEPS,
  isStepsPresetRequest,
  stepsHeldOutSeed,
  stepsPresetFile,
} from '../../../src/core/flow/steps-fit';
import { createRng } from '../../../src/core/rng';
import {
  correlatedMixture,
  correlatedMixtureLogDensities,
  sampleCorrelatedMixture,
} from '../../../src/core/toy/correlated-mixture';
import { decodeUrlState } from '../../../src/state/url-codec';
import type { ManifestPresetLoader } from '../../../src/state/presets';
import { loadStepsCouplingPreset, loadStepsPreset } from '../../../src/state/steps-presets';

const DIR = 'public/presets';
interface StepsEntry {
  file: string;
  kind: FlowFamily;
  dim: number;
  layers: number;
  seed: number;
}
const manifest = JSON.parse(readFileSync(`${DIR}/index.json`, 'utf8')) as { steps: StepsEntry[] };
const DIMS = [2, 3, 4, 5, 6, 7, 8];

/** −(1/n) Σ log p_model(x_j) by the float64 reference (an IAF's density runs D passes per layer). */
function referenceNll(model: FlowModel, points: Float64Array | Float32Array, dim: number): number {
  const flow = model.flow === 'coupling' ? new ReferenceCouplingFlow(model.weights) : new ReferenceFlow(model.weights, model.flow);
  const n = points.length / dim;
  let sum = 0;
  for (let j = 0; j < n; j++) sum -= flow.logProb(points.subarray(j * dim, (j + 1) * dim));
  return sum / n;
}

/**
 * How far above the floor a 300-step fit may end: an autoregressive layer fits the mixture
 * within 2 nats at every D (measured 0.6–1.6); one coupling layer transforms only half the
 * variables, by one affine map, so it stays far above (measured 1.8–5.5 nats).
 */
const MAX_GAP: Record<FlowFamily, number> = { maf: 2, iaf: 2, coupling: 6.5 };

describe('stepper presets', () => {
  it('are filed under the panel’s opening request: one layer, the URL’s default seed, 300 steps', () => {
    expect(decodeUrlState('').state.seed).toBe(STEPS_PRESET_SEED);
    expect(STEPS_PRESET_LAYERS).toBe(1);
    expect(isStepsPresetRequest({ kind: 'iaf', dim: 4, layers: 1, seed: STEPS_PRESET_SEED })).toBe(true);
    for (const other of [{ layers: 5 }, { seed: 2 }, { dim: 9 }, { trainSteps: 100 }])
      expect(isStepsPresetRequest({ kind: 'maf', dim: 4, layers: 1, seed: 1, ...other }), JSON.stringify(other)).toBe(false);
  });

  it('the manifest lists exactly the files on disk: every kind × D = 2 … 8', () => {
    const onDisk = readdirSync(DIR).filter((f) => /^steps-.*\.json$/.test(f)).sort();
    expect(manifest.steps.map((e) => e.file).sort()).toEqual(onDisk);
    const expected = STEPS_PRESET_KINDS.flatMap((kind) => DIMS.map((dim) => stepsPresetFile(kind, dim))).sort();
    expect(onDisk).toEqual(expected);
    for (const e of manifest.steps) {
      expect(e.file).toBe(stepsPresetFile(e.kind, e.dim));
      expect([e.layers, e.seed]).toEqual([STEPS_PRESET_LAYERS, STEPS_PRESET_SEED]);
    }
  });

  it.each(manifest.steps.map((e) => [e.file, e] as const))(
    '%s: the fit of its request, its recorded NLLs reproduced by the float64 reference',
    (_, entry) => {
      const { dim, kind } = entry;
      const model = parseAnyModelText(readFileSync(`${DIR}/${entry.file}`, 'utf8'));
      const { config } = model.weights;
      expect(model.flow).toBe(kind);
      expect([config.dim, config.layers, config.seed, config.hidden]).toEqual([dim, entry.layers, entry.seed, [...STEPS_HIDDEN]]);
      if (model.flow !== 'coupling') expect(model.weights.config).toEqual({ ...DEFAULT_FLOW_CONFIG, dim, layers: 1, hidden: [...STEPS_HIDDEN], seed: 1 });
      const t = model.meta.training as Record<string, number>;
      expect([t.steps, t.batch, t.lr, t.seed, t.heldOut]).toEqual([STEPS_TRAIN_STEPS, STEPS_BATCH, STEPS_LEARNING_RATE, STEPS_PRESET_SEED, STEPS_HELD_OUT]);
      expect(t.trainMs).toBeGreaterThan(0);

      const heldOut = sampleCorrelatedMixture(dim, STEPS_HELD_OUT, createRng(stepsHeldOutSeed(entry.seed)));
      const floor = -correlatedMixtureLogDensities(correlatedMixture(dim), heldOut).reduce((s, v) => s + v, 0) / STEPS_HELD_OUT;
      expect(Math.abs(floor - t.nllData)).toBeLessThan(1e-4);
      // The fit started from the panel's own initial weights for this request…
      const initial = initFlowModel({ flow: kind, dim, layers: 1, hidden: [...STEPS_HIDDEN], seed: entry.seed });
      expect(Math.abs(referenceNll(initial, heldOut.data, dim) - t.nllBefore)).toBeLessThan(1e-3);
      // …and ended at the committed weights.
      expect(Math.abs(referenceNll(model, heldOut.data, dim) - t.nllAfter)).toBeLessThan(1e-3);
      expect(t.nllAfter).toBeLessThan(t.nllBefore - 0.5);
      // Near the floor, by the family's reach (a fit may beat the floor by held-out noise only).
      expect(t.nllAfter - t.nllData).toBeGreaterThan(-0.15);
      expect(t.nllAfter - t.nllData).toBeLessThan(MAX_GAP[kind]);
    },
  );
});

/** A loader over the committed files that records what it was asked for. */
function diskLoader(asked: string[], fail = false): ManifestPresetLoader {
  const none = () => Promise.resolve(null);
  return {
    load: none,
    loadPreview: none,
    recordedNll: none,
    loadFile: (name) => {
      asked.push(name);
      if (fail) return Promise.reject(new Error('offline'));
      return Promise.resolve(manifest.steps.some((e) => e.file === name) ? readFileSync(`${DIR}/${name}`, 'utf8') : null);
    },
  };
}

describe('the page’s stepper preset loader', () => {
  it('opens the default request on its preset, with the recorded numbers', async () => {
    const asked: string[] = [];
    const iaf = await loadStepsPreset({ kind: 'iaf', dim: 4, layers: 1, seed: 1 }, diskLoader(asked));
    const file = parseAnyModelText(readFileSync(`${DIR}/steps-iaf-d4.json`, 'utf8'));
    expect(iaf?.kind).toBe('iaf');
    expect(iaf?.weights).toEqual(file.weights);
    expect(iaf?.trainedSteps).toBe(STEPS_TRAIN_STEPS);
    expect(iaf?.nllAfter).toBe(file.meta.training?.nllAfter);
    const coupling = await loadStepsCouplingPreset({ kind: 'maf', dim: 3, layers: 1, seed: 1 }, diskLoader(asked));
    expect(coupling?.kind).toBe('coupling');
    expect(coupling?.weights.config.dim).toBe(3);
    expect(asked).toEqual(['steps-iaf-d4.json', 'steps-coupling-d3.json']);
  });

  it('any other request, an unreachable file or a file of another request gives null (a live fit)', async () => {
    const asked: string[] = [];
    for (const request of [
      { dim: 4, layers: 5, seed: 1 },
      { dim: 4, layers: 1, seed: 7 },
      { dim: 4, layers: 1, seed: 1, trainSteps: 50 },
      { dim: 4, layers: 1, seed: 1, budgetMs: 1000 },
    ])
      expect(await loadStepsPreset(request, diskLoader(asked))).toBeNull();
    expect(asked).toEqual([]);
    expect(await loadStepsPreset({ dim: 2, layers: 1, seed: 1 }, diskLoader(asked, true))).toBeNull();
    // A file that answers another request (here D = 3 under D = 2's name) is not taken.
    const wrong: ManifestPresetLoader = {
      ...diskLoader(asked),
      loadFile: () => Promise.resolve(readFileSync(`${DIR}/steps-maf-d3.json`, 'utf8')),
    };
    expect(await loadStepsPreset({ kind: 'maf', dim: 2, layers: 1, seed: 1 }, wrong)).toBeNull();
    expect(await loadStepsPreset({ kind: 'iaf', dim: 3, layers: 1, seed: 1 }, wrong)).toBeNull();
  });
});
