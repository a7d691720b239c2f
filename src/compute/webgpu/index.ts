/**
 * The one dispatch point between the portable tfjs training path and the fused WebGPU
 * programs of this folder: chosen by backend name. On WebGPU, an affine MAF or IAF trained by
 * maximum likelihood runs fused-maf.ts (three dispatches per step); everything else (reverse-KL
 * training, an IAF on an energy target sampling through the parallel direction; spline or
 * coupling flows), and every other backend, keeps the composed tfjs path (flow/). The
 * sequential direction has
 * its own check of the same kind (sequential.ts: fusedSequentialApplies, used by TfFlow).
 */
import type { FlowKind } from '../../core/flow/config';
import { TfFlow } from '../flow/tf-flow';
import { FusedMafTrainer, type FusedAdamOptions } from './fused-maf';
import { fusedEnabled, onWebGpu } from './programs';

export { FusedMafTrainer } from './fused-maf';
export { countDispatches, withoutFused } from './programs';

/** The fused trainer for this flow and objective on the active backend, or null for the composed path. */
export function fusedTrainerFor(
  flow: unknown,
  kind: FlowKind,
  objective: 'maximum-likelihood' | 'reverse-kl',
  options: FusedAdamOptions,
): FusedMafTrainer | null {
  if (!fusedEnabled() || !onWebGpu() || objective !== 'maximum-likelihood') return null;
  // The lab, the stepper and the comparison view hold the factory's wrapper (build-flow.ts's
  // AnyTfFlow); its autoregressive engine is the TfFlow the fused programs train.
  const engine = autoregressiveEngine(flow);
  if (!engine) return null;
  const config = engine.config;
  if ((config.transform ?? 'affine') !== 'affine' || config.hidden.length < 1) return null;
  if (!engine.variables().every((v) => v.trainable)) return null;
  return new FusedMafTrainer(engine, options, kind);
}

/** The TfFlow itself, or the one a wrapper holds as `autoregressive` (null for a coupling flow). */
function autoregressiveEngine(flow: unknown): TfFlow | null {
  if (flow instanceof TfFlow) return flow;
  const inner = (flow as { autoregressive?: unknown } | null)?.autoregressive;
  return inner instanceof TfFlow ? inner : null;
}
