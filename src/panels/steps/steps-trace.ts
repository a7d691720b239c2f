/**
 * What the stepper shows, derived from the engine's float64 trace (core/flow/trace.ts):
 * which layer is walked, how many network passes it takes, which variables are computed
 * after p steps, and the points the walk starts from. Pure: no React, no worker.
 *
 * Names follow the flow, not the layer: sampling maps z → x, inversion x → z. The network of
 * a MAF always reads x (its μ_i, α_i are functions of x_<i); an IAF's always reads z.
 */
import type { FlowKind, FlowWeights } from '../../core/flow/config';
import { ReferenceFlow } from '../../core/flow/reference-flow';
import {
  traceFlow,
  type FlowTrace,
  type LayerTrace,
  type TraceOperation,
} from '../../core/flow/trace';
import { createRng } from '../../core/rng';
import { sampleCorrelatedMixture } from '../../core/toy/correlated-mixture';
import type { StepDirection } from '../../state/url-schema';

export type VariableName = 'z' | 'x';

const operationOf = (direction: StepDirection): TraceOperation =>
  direction === 'sample' ? 'sample' : 'density';

/** The flow's input and output names in a direction. */
export function sideNames(direction: StepDirection): { input: VariableName; output: VariableName } {
  return direction === 'sample' ? { input: 'z', output: 'x' } : { input: 'x', output: 'z' };
}

/** The side the conditioner network reads: x for a MAF, z for an IAF. */
export const readerSide = (kind: FlowKind): VariableName => (kind === 'maf' ? 'x' : 'z');

/** The whole flow's trace for a point (z when sampling, x when inverting). */
export function flowTrace(
  weights: FlowWeights,
  kind: FlowKind,
  direction: StepDirection,
  point: readonly number[],
): FlowTrace {
  return traceFlow(new ReferenceFlow(weights, kind), operationOf(direction), point);
}

/** The trace of layer `layerIndex` (0-based in the stack) within a flow trace. */
export function layerTraceOf(trace: FlowTrace, layerIndex: number): LayerTrace {
  const layer = trace.layers.find((l) => l.layerIndex === layerIndex);
  if (!layer) throw new Error(`the trace has no layer ${layerIndex}`);
  return layer;
}

/** Variables computed after `position` steps of a layer (0 = none), in the order computed. */
export function computedVariables(layer: LayerTrace, position: number): number[] {
  return layer.steps.slice(0, position).flatMap((s) => s.variables);
}

/** "network passes: k of D" in a sequential direction, "network passes: k" (0 or 1) in a parallel one. */
export function passCounterText(layer: LayerTrace, position: number): string {
  return layer.direction === 'sequential'
    ? `network passes: ${position} of ${layer.steps.length}`
    : `network passes: ${position}`;
}

/** A coupling layer's counter: one pass in either direction, "network passes: 0 of 1" → "1 of 1". */
export const couplingPassCounter = (position: number): string => `network passes: ${position} of 1`;

/**
 * log|det ∂z/∂x| of a traced layer (the term log p(x) needs): the trace's log|det| is that of
 * the map it applied, ∂x/∂z when sampling, so the sign flips there.
 */
export const densityLogDet = (
  layer: LayerTrace,
  direction: StepDirection,
  logDet = layer.logDet,
): number => (direction === 'sample' ? -logDet : logDet);

/** A point to start from: z ~ N(0, I) for sampling, a draw of the D-dim mixture for inversion. */
export function startingPoint(
  direction: StepDirection,
  dim: number,
  seed: number,
  draw: number,
): number[] {
  const rng = createRng(seed * 7919 + draw * 104729 + (direction === 'sample' ? 1 : 2));
  if (direction === 'invert') return Array.from(sampleCorrelatedMixture(dim, 1, rng).data);
  return Array.from({ length: dim }, () => rng.normal());
}

/** True when the direction runs the layers' parallel map T (MAF density, IAF sampling). */
export const isParallelDirection = (kind: FlowKind, direction: StepDirection): boolean =>
  (kind === 'maf') === (direction === 'invert');

/**
 * The flow input that makes `layerInput` the input of layer `layerIndex`: the layers the
 * trace computes before it, run the other way (exact; used to drag a stack's inner layer).
 *   parallel:   layers 0 … k−1 applied as T, so undo them with their sequential inverse;
 *   sequential: layers K−1 … k+1 applied as T⁻¹, so undo them with T.
 */
export function flowInputFor(
  weights: FlowWeights,
  kind: FlowKind,
  direction: StepDirection,
  layerIndex: number,
  layerInput: readonly number[],
): number[] {
  const parallel = isParallelDirection(kind, direction);
  const K = weights.layers.length;
  const before = parallel
    ? weights.layers.slice(0, layerIndex)
    : weights.layers.slice(layerIndex + 1, K);
  if (before.length === 0) return [...layerInput];
  const sub = new ReferenceFlow(
    { config: { ...weights.config, layers: before.length }, layers: before },
    kind,
  );
  return Array.from(parallel ? sub.sequential(layerInput).out : sub.parallel(layerInput).out);
}
