/**
 * The held-out NLL of a committed preset, as recorded in `public/presets/index.json`
 * (`training.nll`: the negative mean log-likelihood on 10,000 fresh samples, written by
 * `npm run presets`). The Gaussianization panel compares the copula and RBIG with it; the
 * page's preset loader (presets.ts: `pagePresets.recordedNll`) reads it from the one manifest.
 */

/** training.nll of the manifest entry for (dataset, kind), or null if absent. */
export function presetNllFromManifest(json: unknown, dataset: string, kind: string): number | null {
  const presets = (json as { presets?: unknown } | null)?.presets;
  if (!Array.isArray(presets)) return null;
  for (const entry of presets as {
    dataset?: unknown;
    kind?: unknown;
    training?: { nll?: unknown };
  }[]) {
    if (entry?.dataset !== dataset || entry?.kind !== kind) continue;
    const nll = entry.training?.nll;
    return typeof nll === 'number' && Number.isFinite(nll) ? nll : null;
  }
  return null;
}
