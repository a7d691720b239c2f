/** The CLI's train command and the file reading shared with sample, logprob and invert (evaluate.ts). */
import { writeFileSync } from 'node:fs';
import { tf } from '../../src/compute/tf';
import { buildFlow, type AnyTfFlow } from '../../src/compute/flow/build-flow';
import { FlowTrainer, type TrainingObjective } from '../../src/compute/flow/trainer';
import { confinedEnergyTf } from '../../src/compute/flow/energy-tf';
import { estimateReverseKl } from '../../src/compute/lab/reverse-kl';
import { confinedLogNormaliser } from '../../src/core/toy/energy-normaliser';
import { DEFAULT_FLOW_CONFIG } from '../../src/core/flow/config';
import { FLOW_FAMILIES, type FlowSpec } from '../../src/core/flow/flow-spec';
import { DEFAULT_SPLINE_BINS, DEFAULT_SPLINE_BOUND } from '../../src/core/flow/transform';
import { serializeAnyModel } from '../../src/core/flow/model-file';
import { createRng } from '../../src/core/rng';
import { median } from '../../src/core/stats';
import { DATASET_IDS, datasetSource } from '../../src/core/datasets';
import type { Out } from './run';
import { UsageError, choiceFlag, intFlag, numberFlag, requireFlag, type Flags } from './args';
import { plural } from '../../src/core/plural';
import { DEFAULT_LEARNING_RATE, LAB_SCHEDULE, constantSchedule, describeSchedule } from '../../src/core/flow/lr-schedule';


/** Log-density of each point under a flow, evaluated in chunks. */
async function logProbs(flow: AnyTfFlow, data: Float32Array, dim: number): Promise<Float32Array> {
  const n = data.length / dim;
  const out = new Float32Array(n);
  for (let s = 0; s < n; s += 4096) {
    const e = Math.min(n, s + 4096);
    const lp = tf.tidy(() => flow.logProb(tf.tensor2d(data.subarray(s * dim, e * dim), [e - s, dim])));
    out.set((await lp.data()) as Float32Array, s);
    lp.dispose();
  }
  return out;
}

export async function train(flags: Flags, out: Out): Promise<void> {
  const kind = choiceFlag(flags, 'flow', 'maf', FLOW_FAMILIES);
  const transform = choiceFlag(flags, 'transform', 'affine', ['affine', 'spline'] as const);
  for (const f of ['bins', 'bound'])
    if (flags.has(f) && transform !== 'spline') throw new UsageError(`--${f} needs --transform spline`);
  const bins = intFlag(flags, 'bins', DEFAULT_SPLINE_BINS, 2, 64);
  const bound = numberFlag(flags, 'bound', DEFAULT_SPLINE_BOUND, 0.1, 100);
  const dataset = choiceFlag(flags, 'dataset', '8gaussians', DATASET_IDS.filter((d) => d !== 'drawn'));
  const outPath = requireFlag(flags, 'out');
  const layers = intFlag(flags, 'layers', DEFAULT_FLOW_CONFIG.layers, 1, 32);
  const hidden = intFlag(flags, 'hidden', DEFAULT_FLOW_CONFIG.hidden[0], 4, 512);
  const steps = intFlag(flags, 'steps', 3000, 0, 1_000_000);
  const batch = intFlag(flags, 'batch', 512, 1, 65_536);
  const lr = numberFlag(flags, 'lr', DEFAULT_LEARNING_RATE, 1e-7, 10);
  // The lab's schedule (core/flow/lr-schedule.ts), or a constant rate.
  const scheduleKind = choiceFlag(flags, 'schedule', 'cosine', ['cosine', 'constant'] as const);
  const schedule = scheduleKind === 'cosine' ? LAB_SCHEDULE : constantSchedule(lr);
  const seed = intFlag(flags, 'seed', 1, -(2 ** 31), 2 ** 31 - 1);
  const every = intFlag(flags, 'log-every', 250, 1, 1_000_000);
  const source = datasetSource(dataset, null);
  const spline = transform === 'spline' ? { transform, splineBins: bins, splineBound: bound } : {};
  const spec: FlowSpec = { flow: kind, layers, hidden: [hidden, hidden], seed, ...spline };
  const flow = buildFlow(spec);
  const energyId = source.energyId;
  // On an energy target, the flows that sample in one pass (IAF, coupling) train by reverse KL.
  const objective: TrainingObjective =
    energyId && kind !== 'maf'
      ? { kind: 'reverse-kl', energy: (x) => confinedEnergyTf(energyId, x) }
      : { kind: 'maximum-likelihood', sampleBatch: (n, rng) => source.sample(n, rng) };
  const trainer = new FlowTrainer(flow, flow.trainerKind, objective, { learningRate: lr, schedule, batchSize: batch, clipNorm: 10, seed });
  const scheduleText = describeSchedule({ ...schedule, peak: lr });
  const what = `${transform === 'spline' ? `spline (K = ${bins}, Bs = ${bound}) ` : ''}${kind === 'coupling' ? 'coupling flow' : kind.toUpperCase()}`;
  out(`# training ${what} on ${dataset}: ${plural(layers, 'layer')}, 2×${hidden} hidden, batch ${batch}, lr ${scheduleText}, seed ${seed}, ${objective.kind}`);
  const t0 = performance.now();
  for (let s = 1; s <= steps; s++) {
    trainer.step();
    if (s % every === 0 || s === steps) {
      const status = await trainer.status();
      const ms = (performance.now() - t0) / s;
      out(`step ${s}  loss ${status.loss.toFixed(4)}  ${ms.toFixed(1)} ms/step${status.skipped ? `  skipped ${status.skipped}` : ''}`);
    }
  }
  const test = source.sample(10_000, createRng(seed + 1_000_003)).data;
  const lp = await logProbs(flow, test, 2);
  const nll = -lp.reduce((a, b) => a + b, 0) / lp.length;
  const floor = source.entropyFloor;
  const extra: Record<string, number> = {};
  if (energyId && objective.kind === 'reverse-kl') {
    // Reverse KL is judged by KL(q ‖ p), what it minimises (the lab shows the same estimate). The mean
    // NLL of target samples is dominated by the few that land where the mode-seeking fit leaves thin
    // tails (branch ends), so its median is printed beside it.
    const rng = createRng(seed + 2_000_003);
    const noise = Float32Array.from({ length: 4096 * 2 }, () => rng.normal());
    const kl = await estimateReverseKl(flow, energyId, noise, confinedLogNormaliser(energyId).logNormaliser);
    const med = -median(lp);
    out(`final KL(q‖p) on 4,096 of its own samples: ${kl.value.toFixed(4)} ± ${kl.standardError.toFixed(4)} nats (what reverse KL minimises)`);
    out(`NLL on 10,000 samples of the target: mean ${nll.toFixed(4)}, median ${med.toFixed(4)} nats (the mean weighs heavily the few points where a mode-seeking fit leaves thin tails)`);
    Object.assign(extra, { kl: Number(kl.value.toFixed(4)), klStandardError: Number(kl.standardError.toFixed(4)), nllMedian: Number(med.toFixed(4)) });
  } else
    out(`final NLL on 10,000 fresh samples: ${nll.toFixed(4)} nats` + (floor !== null ? `  (entropy floor ${floor.toFixed(4)}, KL gap ${(nll - floor).toFixed(4)})` : ''));
  const doc = serializeAnyModel(await flow.readModel(), {
    dataset,
    training: { steps, batch, lr, schedule: scheduleText, seed, nll: Number(nll.toFixed(4)), ...extra, msPerStep: Number(((performance.now() - t0) / Math.max(1, steps)).toFixed(2)) },
  });
  writeFileSync(outPath, JSON.stringify(doc) + '\n');
  out(`# wrote ${outPath}`);
  trainer.dispose();
  flow.dispose();
}
