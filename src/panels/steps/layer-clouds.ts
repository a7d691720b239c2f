/**
 * "Through the layers": a data cloud pushed x → z and a base cloud pulled z → x through
 * every layer of the flow, with the stage after each layer labelled by the layer that
 * produced it (so clicking a stage selects that layer). Float64 reference, as the stepper.
 */
import type { FlowKind, FlowWeights } from '../../core/flow/config';
import { ReferenceFlow } from '../../core/flow/reference-flow';
import { createRng } from '../../core/rng';
import { sampleCorrelatedMixture } from '../../core/toy/correlated-mixture';

export interface CloudStage {
  label: string;
  /** Points [n·D]. */
  points: Float32Array;
  /** The layer (0-based) whose output this stage is; null for the starting cloud. */
  layerIndex: number | null;
}

export interface LayerClouds {
  toBase: CloudStage[];
  toData: CloudStage[];
}

/** Runs every point of `start` [n·D] through the map and collects the K+1 stages. */
function stages(
  map: (v: Float64Array) => { path: Float64Array[] },
  start: Float32Array,
  dim: number,
  layerOf: (s: number) => number,
  labels: (s: number) => string,
): CloudStage[] {
  const n = start.length / dim;
  let out: CloudStage[] = [];
  for (let p = 0; p < n; p++) {
    const { path } = map(Float64Array.from(start.subarray(p * dim, (p + 1) * dim)));
    if (p === 0)
      out = path.map((_, s) => ({
        label: labels(s),
        points: new Float32Array(n * dim),
        layerIndex: s === 0 ? null : layerOf(s),
      }));
    path.forEach((point, s) => out[s].points.set(point, p * dim));
  }
  return out;
}

export function layerClouds(
  weights: FlowWeights,
  kind: FlowKind,
  n: number,
  seed: number,
): LayerClouds {
  const flow = new ReferenceFlow(weights, kind);
  const { dim } = weights.config;
  const K = weights.layers.length;
  const rng = createRng(seed + 15485863);
  const data = sampleCorrelatedMixture(dim, n, rng.fork()).data;
  const noiseRng = rng.fork();
  const noise = Float32Array.from({ length: n * dim }, () => noiseRng.normal());
  // MAF: x → z is parallel (layers 0 … K−1); IAF: x → z is sequential (layers K−1 … 0).
  const forward = (s: number) => s - 1;
  const backward = (s: number) => K - s;
  const after = (name: string, end: string) => (s: number, layer: number) =>
    s === 0 ? name : s === K ? `${end} (after layer ${layer + 1})` : `after layer ${layer + 1}`;
  const baseLabel = after('data x', 'base z');
  const dataLabel = after('base z ~ N(0, I)', 'samples x');
  const toBaseLayer = kind === 'maf' ? forward : backward;
  const toDataLayer = kind === 'maf' ? backward : forward;
  return {
    toBase: stages(
      (v) => flow.toBase(v),
      data,
      dim,
      toBaseLayer,
      (s) => baseLabel(s, toBaseLayer(s)),
    ),
    toData: stages(
      (v) => flow.toData(v),
      noise,
      dim,
      toDataLayer,
      (s) => dataLabel(s, toDataLayer(s)),
    ),
  };
}
