/**
 * The held-out NLL of a committed preset, as recorded in `public/presets/index.json`
 * (`training.nll`: the negative mean log-likelihood on 10,000 fresh samples, written by
 * `npm run presets`). The Gaussianization panel compares the copula and RBIG with it; the
 * page's preset loader (presets.ts: `pagePresets.recordedNll`) reads it from the one manifest.
 */

/**
 * training.nll of the manifest entry for (dataset, kind), or null if absent. `kind` is a preset
 * key (state/presets.ts presetFlowKey): `maf` is the affine MAF, `maf-spline` the spline one.
 */
export function presetNllFromManifest(json: unknown, dataset: string, kind: string): number | null {
  const presets = (json as { presets?: unknown } | null)?.presets;
  if (!Array.isArray(presets)) return null;
  for (const entry of presets as {
    dataset?: unknown;
    kind?: unknown;
    transform?: unknown;
    training?: { nll?: unknown };
  }[]) {
    const transform = entry?.transform ?? 'affine';
    const key = transform === 'affine' ? entry?.kind : `${String(entry?.kind)}-${String(transform)}`;
    if (entry?.dataset !== dataset || key !== kind) continue;
    const nll = entry.training?.nll;
    return typeof nll === 'number' && Number.isFinite(nll) ? nll : null;
  }
  return null;
}
