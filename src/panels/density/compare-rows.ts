/**
 * What the comparison view fits and shows, as pure data: the rows (MAF, IAF, coupling with
 * affine layers, and the three again with spline layers when the spline is chosen), the
 * passes of each from the architecture, and the cells' text.
 */
import type { CompareRow } from '../../compute/compare/protocol';
import { FLOW_FAMILIES, familyName, type FlowFamily } from '../../core/flow/family';
import { passesPerLayer } from '../../core/flow/schedule';
import type { TransformKind } from '../../core/flow/transform';
import { formatNats } from './format';

export interface CompareEntry {
  flow: FlowFamily;
  transform: TransformKind;
}

/** Affine MAF, IAF, coupling; with the spline chosen, the three spline flows after them. */
export function compareEntries(transform: TransformKind): CompareEntry[] {
  const affine = FLOW_FAMILIES.map((flow) => ({ flow, transform: 'affine' as const }));
  return transform === 'spline' ? [...affine, ...FLOW_FAMILIES.map((flow) => ({ flow, transform }))] : affine;
}

export const entryName = (e: CompareEntry): string => `${familyName(e.flow)}${e.transform === 'spline' ? ' spline' : ''}`;

/** Network passes for a density and for a sample of the whole K-layer flow at D = 2. */
export function entryPasses(e: CompareEntry, layers: number, dim = 2): { density: number; sample: number } {
  return {
    density: layers * passesPerLayer(e.flow, 'density', dim),
    sample: layers * passesPerLayer(e.flow, 'sample', dim),
  };
}

/** "0.14 ± 0.02" (NLL − H(p) with the NLL's standard error: H(p) is exact), or "–" without a floor. */
export function klGapText(row: Pick<CompareRow, 'heldOutNll' | 'heldOutNllSe' | 'entropyFloor'>): string {
  if (row.entropyFloor === null || !Number.isFinite(row.heldOutNll)) return '–';
  return `${formatNats(row.heldOutNll - row.entropyFloor)} ± ${formatNats(row.heldOutNllSe)}`;
}

export const nllText = (row: Pick<CompareRow, 'heldOutNll' | 'heldOutNllSe'>): string =>
  Number.isFinite(row.heldOutNll) ? `${formatNats(row.heldOutNll)} ± ${formatNats(row.heldOutNllSe)}` : '–';
