/**
 * The learning figures of `npm run bench` (issue 17, items 5–6): the KL gaps of the default MAF
 * and IAF on 8gaussians after 3,000 steps, and the distillation's time to within 0.15 nats
 * KL(s‖t). One seed each, to keep the bench bounded; `npm run bench:fits` and
 * `npm run bench:distill` run the same measurements with more seeds and knobs.
 */
import type { FlowKind } from '../../src/core/flow/config';
import { DISTILL_DEFAULTS, measureDistill, targetText, type DistillFigures } from './distill';
import { disposeFitData, measureFit, type FitFigures } from './fits';

export interface FitsSummary {
  steps: number;
  seed: number;
  fits: FitFigures[];
}

export type DistillSummary = DistillFigures;

export async function runFits(steps: number, log: (text: string) => void, seed = 1): Promise<FitsSummary> {
  const fits: FitFigures[] = [];
  for (const kind of ['maf', 'iaf'] as FlowKind[]) {
    log(`KL gap of the default ${kind.toUpperCase()} on 8gaussians after ${steps} steps (Node, WASM, seed ${seed})`);
    const fit = await measureFit({ kind, steps, seed });
    log(`  ${fit.gap.toFixed(3)} nats, ${fit.msPerStep.toFixed(1)} ms/step (CPU ${fit.cpuMsPerStep.toFixed(1)} ms/step)`);
    fits.push(fit);
  }
  disposeFitData();
  return { steps, seed, fits };
}

export async function runDistill(steps: number, log: (text: string) => void): Promise<DistillSummary> {
  log(`distillation from scratch to ${DISTILL_DEFAULTS.target} nats KL(s‖t), default schedule, at most ${steps} steps (Node, WASM, seed ${DISTILL_DEFAULTS.seed})`);
  const r = await measureDistill({
    ...DISTILL_DEFAULTS,
    steps,
    stopAtTarget: true,
    onCheck: (c) => log(`  step ${c.step}: KL(s‖t) ${c.kl.toFixed(3)} ± ${c.klSe.toFixed(3)} nats, ${c.cpuSeconds.toFixed(1)} s CPU`),
  });
  log(`  teacher ${r.teacherArchitecture} (${r.teacherFile}), student ${r.studentArchitecture}`);
  log(`  KL(s‖t) + se ≤ ${r.target}: ${targetText(r)}`);
  return r;
}
