/**
 * Defaults that depend on another parameter. Only one does: the number of layers follows the
 * transform — 5 affine layers (the lecture's MAF), 2 spline layers (the spline presets' depth:
 * two spline layers fit the toy sets closer than five affine ones, at a fraction of their
 * step time). `?transform=spline` therefore means 2 layers and opens on the spline preset;
 * an explicit `layers` still wins, and a URL writes `layers` only when it differs from the
 * default of its transform, so every state has one canonical URL.
 */
import type { TransformKind } from '../core/flow/transform';
import type { UrlState } from './url-schema';

/** Layers a flow of each transform has unless the URL says otherwise. */
export const DEFAULT_LAYERS: Readonly<Record<TransformKind, number>> = { affine: 5, spline: 2 };

/** The default number of layers for the state's transform. */
export const defaultLayersFor = (transform: TransformKind): number => DEFAULT_LAYERS[transform];

/** The docs' Default cell for `layers`. */
export const LAYERS_DEFAULT_TEXT = `${DEFAULT_LAYERS.affine} (${DEFAULT_LAYERS.spline} with transform=spline)`;

/**
 * The params after a patch, with `layers` following a transform change: when the patch sets
 * the transform but not `layers`, and the layers were at the old transform's default, they
 * move to the new one's (a chosen depth stays). Otherwise the patch applies as it is.
 */
export function withDependentDefaults(previous: UrlState, patch: Partial<UrlState>): UrlState {
  const next = { ...previous, ...patch };
  const transformChanged = patch.transform !== undefined && patch.transform !== previous.transform;
  if (
    transformChanged &&
    patch.layers === undefined &&
    previous.layers === defaultLayersFor(previous.transform)
  ) {
    next.layers = defaultLayersFor(next.transform);
  }
  return next;
}
