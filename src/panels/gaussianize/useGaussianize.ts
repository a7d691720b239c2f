/**
 * The panel's talk with the worker. Each hook keeps the answer with the request it belongs
 * to, so a late answer to an old request is never shown with new inputs.
 */
import { useEffect, useState } from 'react';
import type {
  CopulaFrame,
  Gauss1DFrame,
  GaussianizeApi,
  GridRequest,
  RbigIterationFrame,
} from '../../compute/gaussianize/protocol';
import type { ViewBox } from '../../core/datasets';
import type { MarginalKind } from '../../core/gaussianize/marginal-types';
import type { RotationKind } from '../../core/gaussianize/rotation';
import type { PlaneData } from './gaussianize-data';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Grid side of the density heatmaps (40² points through the stack per request). */
export const GRID_SIDE = 40;

function gridFor(view: ViewBox): GridRequest {
  return { ...view, nx: GRID_SIDE, ny: GRID_SIDE };
}

/** The value, once it has stayed unchanged for `ms` (for refits that a drag would repeat). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

interface Answer<K, V> {
  key: K;
  value: V;
}

/** Runs `ask` whenever `key` changes (and a client is there); returns the answer for `key`. */
function useWorker<K, V>(
  client: GaussianizeApi | null,
  key: K | null,
  ask: (client: GaussianizeApi, key: K) => Promise<V>,
): { value: V | null; error: string | null } {
  const [answer, setAnswer] = useState<Answer<K, V> | null>(null);
  const [error, setError] = useState<Answer<K, string> | null>(null);
  useEffect(() => {
    if (!client || key === null) return;
    let live = true;
    ask(client, key).then(
      (value) => live && setAnswer({ key, value }),
      (reason: unknown) => live && setError({ key, value: message(reason) }),
    );
    return () => {
      live = false;
    };
    // `ask` is a stable module-level function at every call site
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key]);
  return {
    value: answer && answer.key === key ? answer.value : null,
    error: error && error.key === key ? error.value : null,
  };
}

export interface OneDRequest {
  values: Float64Array;
  kind: MarginalKind;
  bandwidthFactor: number;
}

const ask1D = (client: GaussianizeApi, r: OneDRequest) => client.gauss1D(r);

export function useOneD(client: GaussianizeApi | null, request: OneDRequest | null) {
  return useWorker<OneDRequest, Gauss1DFrame>(client, request, ask1D);
}

export interface StackRequest {
  key: string;
  plane: PlaneData;
  kind: MarginalKind;
  bandwidthFactor: number;
  rotation: RotationKind;
  seed: number;
  iteration: number;
}

const askIteration = async (client: GaussianizeApi, r: StackRequest) => {
  await client.gaussConfigure({
    key: r.key,
    points: r.plane.points,
    heldOut: r.plane.heldOut,
    kind: r.kind,
    bandwidthFactor: r.bandwidthFactor,
    rotation: r.rotation,
    seed: r.seed,
  });
  return client.gaussIteration(r.key, r.iteration);
};

/** Frame `iteration` of the stack (configuring it first: same key, kept). */
export function useStackIteration(client: GaussianizeApi | null, request: StackRequest | null) {
  return useWorker<StackRequest, RbigIterationFrame>(client, request, askIteration);
}

export interface BackRequest {
  key: string;
  iteration: number;
  view: ViewBox;
  sampleCount: number;
  seed: number;
}

const askBack = async (client: GaussianizeApi, r: BackRequest) => {
  const samples = await client.gaussSamples(r.key, r.iteration, r.sampleCount, r.seed);
  const logDensity = await client.gaussDensity(r.key, r.iteration, gridFor(r.view));
  return { samples, logDensity };
};

/** Samples pushed back through the first `iteration` layers, and the stack's log-density grid. */
export function useStackBack(client: GaussianizeApi | null, request: BackRequest | null) {
  return useWorker<BackRequest, { samples: Float32Array; logDensity: Float32Array }>(
    client,
    request,
    askBack,
  );
}

export interface CopulaAsk {
  plane: PlaneData;
  kind: MarginalKind;
  bandwidthFactor: number;
  seed: number;
}

const askCopula = (client: GaussianizeApi, r: CopulaAsk) =>
  client.gaussCopula({
    points: r.plane.points,
    heldOut: r.plane.heldOut,
    kind: r.kind,
    bandwidthFactor: r.bandwidthFactor,
    grid: gridFor(r.plane.view),
    sampleCount: r.plane.points.length / 2,
    seed: r.seed,
  });

export function useCopula(client: GaussianizeApi | null, request: CopulaAsk | null) {
  return useWorker<CopulaAsk, CopulaFrame>(client, request, askCopula);
}
