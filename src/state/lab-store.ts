/**
 * The lab's store, in four slices:
 *   params — the URL state (what is shown; mirrored to the address bar by url-sync);
 *   run    — what the compute worker is doing, and the model it built;
 *   frame  — the latest LabFrame (plain typed arrays drawn by the panels);
 *   ui     — page-only state: the URL notice, drawn points, brush size.
 * Actions here only set state; talking to the worker is the lab controller's job.
 */
import { createStore, useStore, type StoreApi } from 'zustand';
import type { LabFrame, LabModelInfo } from '../compute/lab/protocol';
import type { DensityPreview } from '../core/flow/density-preview';
import type { ParamSpec } from './url-param-types';
import { decodeUrlState } from './url-codec';
import { reuseUnchanged } from './frame-reuse';
import { URL_SCHEMA, type UrlKey, type UrlState } from './url-schema';
import { withDependentDefaults } from './url-defaults';

/**
 * waiting: no worker yet; configuring: building the model; ready: a model, paused;
 * training: the worker trains and sends frames; needs-data: "Draw your own" has no points;
 * error: the last worker call failed (run.error says why).
 */
export type RunPhase = 'waiting' | 'configuring' | 'ready' | 'training' | 'needs-data' | 'error';

export interface RunState {
  phase: RunPhase;
  /** A step or reset is in flight (buttons wait). */
  busy: boolean;
  error: string | null;
}

export interface ParamsSlice {
  params: UrlState;
  /** Sets one URL param; values the schema would not accept are ignored. */
  setParam<K extends UrlKey>(key: K, value: UrlState[K]): void;
  setParams(patch: Partial<UrlState>): void;
  /** Replaces every param with a query string's (defaults where absent or invalid; invalid ones noted). */
  loadFromUrl(search: string): void;
}

export interface RunSlice {
  run: RunState;
  modelInfo: LabModelInfo | null;
  setRun(patch: Partial<RunState>): void;
  setModelInfo(info: LabModelInfo | null): void;
}

/** A preset's precomputed density, shown until the worker's first frame (see density-preview.ts). */
export interface PresetPreview extends DensityPreview {
  dataset: string;
  flow: string;
}

export interface FrameSlice {
  frame: LabFrame | null;
  setFrame(frame: LabFrame | null): void;
  preview: PresetPreview | null;
  setPreview(preview: PresetPreview | null): void;
}

/** Most points a drawing keeps (each brush dab adds a few). */
export const MAX_DRAWN_POINTS = 4000;

export interface UiSlice {
  /** URL params that were invalid at load, until the notice is dismissed. */
  invalidParams: UrlKey[];
  /** The raw text of each invalid param (the notice quotes a short excerpt). */
  rejectedParams: Partial<Record<UrlKey, string>>;
  dismissInvalidParams(): void;
  /** Params the address spelled out when the params were last loaded from it. */
  linkedKeys: UrlKey[];
  /** The user's drawn points [n·2], for dataset `drawn`. */
  drawnPoints: Float32Array;
  /** Bumped when a stroke ends, so the controller refits once per stroke, not per dab. */
  drawnVersion: number;
  addDrawnPoints(points: Float32Array): void;
  commitDrawing(): void;
  clearDrawnPoints(): void;
  /** Brush radius in data units. */
  brushSize: number;
  setBrushSize(radius: number): void;
}

export type LabState = ParamsSlice & RunSlice & FrameSlice & UiSlice;
export type LabStore = StoreApi<LabState>;

/**
 * The canonical form of a value for key (e.g. a `hide` list in schema order without repeats),
 * or undefined when the schema rejects it.
 */
function normalizeParam<K extends UrlKey>(
  key: K,
  value: UrlState[K],
): UrlState[K] | undefined {
  const spec = URL_SCHEMA[key] as ParamSpec<UrlState[K]>;
  try {
    // The default is always valid, even where it has no text (`origin`: none).
    if (spec.equals(value, spec.default)) return spec.default;
    const parsed = spec.parse(spec.format(value));
    return parsed !== undefined && spec.equals(parsed, value) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** True when value is exactly a canonical value of the schema for key. */
export function isValidParam<K extends UrlKey>(key: K, value: UrlState[K]): boolean {
  const normal = normalizeParam(key, value);
  return normal !== undefined && JSON.stringify(normal) === JSON.stringify(value);
}

function validPatch(patch: Partial<UrlState>): Partial<UrlState> {
  const out: Partial<Record<UrlKey, unknown>> = {};
  for (const key of Object.keys(patch) as UrlKey[]) {
    if (!Object.hasOwn(URL_SCHEMA, key)) continue;
    const normal = normalizeParam(key, patch[key] as never);
    if (normal !== undefined) out[key] = normal;
  }
  return out as Partial<UrlState>;
}

/** A new store whose params come from a query string (invalid ones are listed in the ui slice). */
export function createLabStore(search = ''): LabStore {
  const decoded = decodeUrlState(search);
  return createStore<LabState>()((set) => ({
    params: decoded.state,
    setParam: (key, value) =>
      set((s) => ({ params: withDependentDefaults(s.params, validPatch({ [key]: value })) })),
    setParams: (patch) => set((s) => ({ params: withDependentDefaults(s.params, validPatch(patch)) })),
    loadFromUrl: (search) => {
      const next = decodeUrlState(search);
      set({
        params: next.state,
        invalidParams: next.invalid,
        rejectedParams: next.rejected,
        linkedKeys: next.given,
      });
    },

    run: { phase: 'waiting', busy: false, error: null },
    modelInfo: null,
    setRun: (patch) => set((s) => ({ run: { ...s.run, ...patch } })),
    setModelInfo: (modelInfo) => set({ modelInfo }),

    frame: null,
    setFrame: (frame) => set((s) => (frame ? { frame: reuseUnchanged(s.frame, frame), preview: null } : { frame })),
    preview: null,
    setPreview: (preview) => set({ preview }),

    invalidParams: decoded.invalid,
    rejectedParams: decoded.rejected,
    dismissInvalidParams: () => set({ invalidParams: [], rejectedParams: {} }),
    linkedKeys: decoded.given,
    drawnPoints: new Float32Array(0),
    drawnVersion: 0,
    addDrawnPoints: (points) =>
      set((s) => {
        const room = 2 * MAX_DRAWN_POINTS - s.drawnPoints.length;
        const added = points.subarray(0, Math.max(0, room) - (Math.max(0, room) % 2));
        if (added.length === 0) return {};
        const next = new Float32Array(s.drawnPoints.length + added.length);
        next.set(s.drawnPoints);
        next.set(added, s.drawnPoints.length);
        return { drawnPoints: next };
      }),
    commitDrawing: () => set((s) => ({ drawnVersion: s.drawnVersion + 1 })),
    clearDrawnPoints: () =>
      set((s) => ({ drawnPoints: new Float32Array(0), drawnVersion: s.drawnVersion + 1 })),
    brushSize: 0.3,
    setBrushSize: (radius) => {
      if (Number.isFinite(radius) && radius > 0) set({ brushSize: radius });
    },
  }));
}

function pageSearch(): string {
  const location = (globalThis as { location?: { search?: unknown } }).location;
  return typeof location?.search === 'string' ? location.search : '';
}

/** The page's one lab store, initialised from the address bar (defaults outside a browser). */
export const labStore: LabStore = createLabStore(pageSearch());

/** React hook: a slice of the page's lab store. */
export function useLabStore<T>(selector: (state: LabState) => T): T {
  return useStore(labStore, selector);
}
