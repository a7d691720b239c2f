/**
 * Defaults that depend on another parameter: the architecture follows the transform.
 *   affine: 12 layers, MADE 2×32 (the default affine flow, core/flow/config.ts: depth, not width,
 *           closes the KL gap on 8gaussians in 3,000 steps; docs/performance.md)
 *   spline: 2 layers, 2×64 (the spline presets' architecture: two spline layers fit the toy
 *           sets closer than the affine ones, at a fraction of their step time)
 * `?transform=spline` therefore means 2 layers of 2×64 and opens on the spline preset; an
 * explicit `layers` or `hidden` still wins, and a URL writes either only when it differs from
 * the default of its transform, so every state has one canonical URL.
 */
import { DEFAULT_FLOW_CONFIG } from '../core/flow/config';
import type { TransformKind } from '../core/flow/transform';
import type { UrlState } from './url-schema';

/** The keys whose default follows the transform. */
export type DependentKey = 'layers' | 'hidden';
export const DEPENDENT_KEYS: readonly DependentKey[] = ['layers', 'hidden'];

/** Layers and hidden width a flow of each transform has unless the URL says otherwise. */
export const DEFAULT_ARCHITECTURE: Readonly<Record<TransformKind, Readonly<Record<DependentKey, number>>>> = {
  affine: { layers: DEFAULT_FLOW_CONFIG.layers, hidden: DEFAULT_FLOW_CONFIG.hidden[0] },
  spline: { layers: 2, hidden: 64 },
};

/** The default of a dependent key for the state's transform. */
export const dependentDefault = (key: DependentKey, transform: TransformKind): number =>
  DEFAULT_ARCHITECTURE[transform][key];

export const isDependentKey = (key: string): key is DependentKey => (DEPENDENT_KEYS as readonly string[]).includes(key);

/** The docs' Default cell of a dependent key: "12 (2 with transform=spline)". */
export const dependentDefaultText = (key: DependentKey): string =>
  `${DEFAULT_ARCHITECTURE.affine[key]} (${DEFAULT_ARCHITECTURE.spline[key]} with transform=spline)`;

/**
 * The params after a patch, with `layers` and `hidden` following a transform change: when the
 * patch sets the transform but not the key, and the key was at the old transform's default, it
 * moves to the new one's (a chosen depth or width stays). Otherwise the patch applies as it is.
 */
export function withDependentDefaults(previous: UrlState, patch: Partial<UrlState>): UrlState {
  const next = { ...previous, ...patch };
  const transformChanged = patch.transform !== undefined && patch.transform !== previous.transform;
  if (!transformChanged) return next;
  for (const key of DEPENDENT_KEYS) {
    if (patch[key] === undefined && previous[key] === dependentDefault(key, previous.transform)) {
      next[key] = dependentDefault(key, next.transform);
    }
  }
  return next;
}
