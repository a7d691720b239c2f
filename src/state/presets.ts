/**
 * Pretrained presets: `public/presets/<dataset>-<flow>.json`, listed in
 * `public/presets/index.json`. The manifest is fetched once; a preset is fetched only when
 * the manifest lists it, so a missing preset never causes a failed request (a console error).
 * A missing or unreadable manifest means "no presets": the lab starts from fresh weights.
 * A request the network did not answer (offline) is different: `load` rejects with a
 * `PresetUnavailableError` and nothing is remembered, so the next call asks again.
 */
import { decodeDensityPreview, previewFileName, type DensityPreview } from '../core/flow/density-preview';
import { presetNllFromManifest } from './preset-nll';

/** The subset of `fetch` the loader uses (injectable in tests). */
export type FetchLike = (url: string) => Promise<{ ok: boolean; text(): Promise<string> }>;

export interface PresetLoader {
  /** The preset's text for (dataset, flow), or null when there is none. */
  load(dataset: string, flow: string): Promise<string | null>;
  /**
   * The preset's density preview (core/flow/density-preview.ts) for (dataset, flow), or null
   * when the manifest lists none or it cannot be read: a preview is optional.
   */
  loadPreview(dataset: string, flow: string): Promise<DensityPreview | null>;
}

/** The preset (or the manifest) could not be fetched: the network did not answer. */
class PresetUnavailableError extends Error {
  override name = 'PresetUnavailableError';
}

export const isPresetUnavailable = (error: unknown): boolean =>
  error instanceof Error && error.name === 'PresetUnavailableError';

/**
 * The preset key of a flow family and transform: `maf`, `iaf`, `coupling` for affine layers,
 * `maf-spline`, … for spline layers (files `<dataset>-<key>.json`).
 */
export function presetFlowKey(flow: string, transform: string = 'affine'): string {
  return transform === 'affine' ? flow : `${flow}-${transform}`;
}

function presetFileName(dataset: string, flow: string): string {
  return `${dataset}-${flow}.json`;
}

/**
 * File names listed by a manifest. Accepts a list of names, or an object whose values hold
 * names or entries with a `file` field: every string that is a plain `*.json` file name counts.
 */
export function parsePresetManifest(json: unknown): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown, depth: number) => {
    if (depth > 4) return;
    if (typeof value === 'string') {
      if (/^[\w.-]+\.json$/.test(value) && value !== 'index.json') names.add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
    } else if (value && typeof value === 'object') {
      for (const item of Object.values(value)) visit(item, depth + 1);
    }
  };
  visit(json, 0);
  return names;
}

/** A loader that also reads the manifest's recorded NLL of a preset (state/preset-nll.ts). */
export interface ManifestPresetLoader extends PresetLoader {
  /** `training.nll` recorded for (dataset, flow), or null when unknown or unreachable. */
  recordedNll(dataset: string, flow: string): Promise<number | null>;
  /**
   * The text of any file the manifest lists by name (the stepper's presets,
   * state/steps-presets.ts), or null when it lists none; rejects as `load` does when offline.
   */
  loadFile(name: string): Promise<string | null>;
}

export function createPresetLoader(
  fetchText: FetchLike = (url) => fetch(url),
  baseUrl = './presets/',
): ManifestPresetLoader {
  let manifest: Promise<{ json: unknown; names: Set<string> }> | null = null;
  const texts = new Map<string, Promise<string | null>>();

  /** A fetch the network did not answer rejects with PresetUnavailableError. */
  const request = (url: string) =>
    fetchText(url).catch((error: unknown) => {
      throw new PresetUnavailableError(
        `could not fetch ${url.slice(baseUrl.length)} (${error instanceof Error ? error.message : String(error)})`,
      );
    });

  /** Forgets a failed request, so that the next call tries again. */
  const forgetOnFailure = <T,>(promise: Promise<T>, forget: () => void): Promise<T> => {
    promise.catch(forget);
    return promise;
  };

  const readManifest = (): Promise<{ json: unknown; names: Set<string> }> => {
    // In a sandboxed (opaque-origin) iframe this is a CORS request; the page's own module
    // scripts are too, so if the page runs at all, the host allows it.
    manifest ??= forgetOnFailure(
      request(`${baseUrl}index.json`).then(async (response) => {
        if (!response.ok) return { json: null, names: new Set<string>() };
        try {
          const json = JSON.parse(await response.text()) as unknown;
          return { json, names: parsePresetManifest(json) };
        } catch {
          return { json: null, names: new Set<string>() };
        }
      }),
      () => (manifest = null),
    );
    return manifest;
  };

  /** The text of a file the manifest lists (fetched once), else null. */
  const listedText = async (name: string): Promise<string | null> => {
    if (!(await readManifest()).names.has(name)) return null;
    let text = texts.get(name);
    if (!text) {
      text = forgetOnFailure(
        request(`${baseUrl}${name}`).then((response) => (response.ok ? response.text() : null)),
        () => texts.delete(name),
      );
      texts.set(name, text);
    }
    return text;
  };

  return {
    load: (dataset, flow) => listedText(presetFileName(dataset, flow)),
    loadFile: listedText,
    async loadPreview(dataset, flow) {
      const text = await listedText(previewFileName(dataset, flow)).catch(() => null);
      if (text === null) return null;
      try {
        return decodeDensityPreview(JSON.parse(text));
      } catch {
        return null;
      }
    },
    // A reference figure is optional: an unanswered manifest request (offline) gives none.
    recordedNll: (dataset, flow) =>
      readManifest().then(
        (manifest) => presetNllFromManifest(manifest.json, dataset, flow),
        () => null,
      ),
  };
}

/**
 * The page's one preset loader (the lab, the distillation panel's teacher, the
 * Gaussianization panel's reference NLL and the stepper's presets): the manifest is fetched
 * once for all of them.
 */
export const pagePresets: ManifestPresetLoader = createPresetLoader();
