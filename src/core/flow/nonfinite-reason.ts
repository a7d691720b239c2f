/**
 * Why a flow's float32 result for one point is not finite, found by replaying the point in
 * the float64 reference (reference-flow.ts). Model files hold only finite float32 weights and
 * inputs are finite float32, so a non-finite result is float32 overflow somewhere in the
 * chain: a layer's output (its shift μ or its scale e^{±α} times a huge value), an
 * intermediate inside a layer (a hidden pre-activation), or z² in log N(z).
 */
import type { FlowKind, FlowWeights } from './config';
import type { CouplingWeights } from './coupling-config';
import { ReferenceCouplingFlow } from './coupling';
import type { FlowModel } from './flow-spec';
import { ReferenceFlow } from './reference-flow';
import { FLOAT32_MAX, FLOAT32_RANGE } from '../validation';

export type FlowDirection = 'toBase' | 'toData';

const maxAbs = (v: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < v.length; i++)
    m = Math.max(m, Number.isNaN(v[i]) ? Infinity : Math.abs(v[i]));
  return m;
};

/** Largest |weight| of the model, over every dense layer. */
function largestWeight(weights: FlowWeights | CouplingWeights): number {
  let m = 0;
  for (const layer of weights.layers)
    for (const d of [...layer.hidden, layer.output]) m = Math.max(m, maxAbs(d.w), maxAbs(d.b));
  return m;
}

/**
 * A sentence naming where the float64 replay of `point` leaves the float32 range.
 * `withLogDensity`: the result feeds log N(z), whose z² overflows for |z| > 1.8e19.
 */
function nonFiniteReason(
  weights: FlowWeights,
  kind: FlowKind,
  direction: FlowDirection,
  point: ArrayLike<number>,
  withLogDensity: boolean,
): string {
  const flow = new ReferenceFlow(weights, kind);
  const result = direction === 'toBase' ? flow.toBase(point) : flow.toData(point);
  const K = weights.layers.length;
  const weightNote = `largest |weight| ${largestWeight(weights).toPrecision(3)}`;
  for (let k = 0; k < result.layers.length; k++) {
    const r = result.layers[k];
    const size = Math.max(maxAbs(r.out), maxAbs(r.mu));
    if (size > FLOAT32_MAX)
      return (
        `overflow of the layer scales: layer ${k + 1} of ${K} in the order applied gives |value| ` +
        `${size === Infinity ? '∞' : size.toPrecision(3)} (shift μ or scale e^α times a value), beyond float32 ${FLOAT32_RANGE}; ${weightNote}`
      );
  }
  if (withLogDensity && maxAbs(result.out) ** 2 > FLOAT32_MAX)
    return `|z| reaches ${maxAbs(result.out).toPrecision(3)}, whose square in log N(z) overflows float32 ${FLOAT32_RANGE}; ${weightNote}`;
  return `an intermediate inside a layer (a hidden unit's pre-activation) overflows float32 ${FLOAT32_RANGE} although every layer's output fits; ${weightNote}`;
}

/**
 * nonFiniteReason for a coupling flow: the float64 replay layer by layer (each layer one
 * conditioner pass), naming the first layer whose output leaves the float32 range.
 */
function couplingNonFiniteReason(
  weights: CouplingWeights,
  direction: FlowDirection,
  point: ArrayLike<number>,
  withLogDensity: boolean,
): string {
  const flow = new ReferenceCouplingFlow(weights);
  const K = flow.layers.length;
  const weightNote = `largest |weight| ${largestWeight(weights).toPrecision(3)}`;
  const order = direction === 'toBase' ? flow.layers.map((_, k) => k) : flow.layers.map((_, k) => K - 1 - k);
  let cur: Float64Array = Float64Array.from(point);
  for (let step = 0; step < K; step++) {
    cur = flow.layers[order[step]].apply(cur, direction === 'toBase' ? 'forward' : 'inverse').out;
    const size = maxAbs(cur);
    if (size > FLOAT32_MAX)
      return (
        `overflow of the layer scales: coupling layer ${step + 1} of ${K} in the order applied gives |value| ` +
        `${size === Infinity ? '∞' : size.toPrecision(3)} (shift μ or scale e^α times a value), beyond float32 ${FLOAT32_RANGE}; ${weightNote}`
      );
  }
  if (withLogDensity && maxAbs(cur) ** 2 > FLOAT32_MAX)
    return `|z| reaches ${maxAbs(cur).toPrecision(3)}, whose square in log N(z) overflows float32 ${FLOAT32_RANGE}; ${weightNote}`;
  return `an intermediate inside a layer (a hidden unit's pre-activation) overflows float32 ${FLOAT32_RANGE} although every layer's output fits; ${weightNote}`;
}

/** The reason for a model of any family. */
export function modelNonFiniteReason(model: FlowModel, direction: FlowDirection, point: ArrayLike<number>, withLogDensity: boolean): string {
  return model.flow === 'coupling'
    ? couplingNonFiniteReason(model.weights, direction, point, withLogDensity)
    : nonFiniteReason(model.weights, model.flow, direction, point, withLogDensity);
}
