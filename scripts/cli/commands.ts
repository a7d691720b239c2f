/** The CLI's train command and the file reading shared with sample, logprob and invert (evaluate.ts). */
import { writeFileSync } from 'node:fs';
import { tf } from '../../src/compute/tf';
import { buildFlow, type AnyTfFlow } from '../../src/compute/flow/build-flow';
import { FlowTrainer, type TrainingObjective } from '../../src/compute/flow/trainer';
import { confinedEnergyTf } from '../../src/compute/flow/energy-tf';
import { DEFAULT_FLOW_CONFIG } from '../../src/core/flow/config';
import { FLOW_FAMILIES, type FlowSpec } from '../../src/core/flow/flow-spec';
import { DEFAULT_SPLINE_BINS, DEFAULT_SPLINE_BOUND } from '../../src/core/flow/transform';
import { serializeAnyModel } from '../../src/core/flow/model-file';
import { createRng } from '../../src/core/rng';
import { DATASET_IDS, datasetSource } from '../../src/core/datasets';
import type { Out } from './run';
import { UsageError, choiceFlag, intFlag, numberFlag, requireFlag, type Flags } from './args';
import { plural } from '../../src/core/plural';


/** Mean log-density of points under a flow, evaluated in chunks. */
async function meanLogProb(flow: AnyTfFlow, data: Float32Array, dim: number): Promise<number> {
  let total = 0;
  const n = data.length / dim;
  for (let s = 0; s < n; s += 4096) {
    const e = Math.min(n, s + 4096);
    const lp = tf.tidy(() => tf.sum(flow.logProb(tf.tensor2d(data.subarray(s * dim, e * dim), [e - s, dim]))));
    total += (await lp.data())[0];
    lp.dispose();
  }
  return total / n;
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
  const hidden = intFlag(flags, 'hidden', 64, 4, 512);
  const steps = intFlag(flags, 'steps', 3000, 0, 1_000_000);
  const batch = intFlag(flags, 'batch', 512, 1, 65_536);
  const lr = numberFlag(flags, 'lr', 1e-3, 1e-7, 10);
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
  const trainer = new FlowTrainer(flow, flow.trainerKind, objective, { learningRate: lr, batchSize: batch, clipNorm: 10, seed });
  const what = `${transform === 'spline' ? `spline (K = ${bins}, Bs = ${bound}) ` : ''}${kind === 'coupling' ? 'coupling flow' : kind.toUpperCase()}`;
  out(`# training ${what} on ${dataset}: ${plural(layers, 'layer')}, 2×${hidden} hidden, batch ${batch}, lr ${lr}, seed ${seed}, ${objective.kind}`);
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
  const nll = -(await meanLogProb(flow, test, 2));
  const floor = source.entropyFloor;
  out(`final NLL on 10,000 fresh samples: ${nll.toFixed(4)} nats` + (floor !== null ? `  (entropy floor ${floor.toFixed(4)}, KL gap ${(nll - floor).toFixed(4)})` : ''));
  const doc = serializeAnyModel(await flow.readModel(), {
    dataset,
    training: { steps, batch, lr, seed, nll: Number(nll.toFixed(4)), msPerStep: Number(((performance.now() - t0) / Math.max(1, steps)).toFixed(2)) },
  });
  writeFileSync(outPath, JSON.stringify(doc) + '\n');
  out(`# wrote ${outPath}`);
  trainer.dispose();
  flow.dispose();
}
