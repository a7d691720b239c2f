/**
 * A preset's density preview: the fitted model's density on the lab's grid, computed when the
 * presets are built (`npm run presets:previews`) and shipped beside them, so the lab can show
 * the fitted density the moment the page runs, before the compute worker has started.
 *
 * Stored as 8-bit levels of the density relative to its maximum,
 *   q_k = round(255 · p_k / p_max),   p_k = exp(log p(cell centre k)),   [ny·nx], row 0 at y0,
 * with log p_max kept exactly. The heatmap colours p linearly on [0, p_max] with a 256-entry
 * colour table, so 8 bits are what it can show; decoding gives log p_k = log(q_k/255) + log p_max
 * (q_k = 0 → −∞), within half a level of the true density.
 */
import type { GridSpec } from '../types';
import { decodeBytesBase64, encodeBytesBase64 } from './base64';

export const DENSITY_PREVIEW_FORMAT = 'flowlab-density-preview/1';
const LEVELS = 255;

export type PreviewGrid = GridSpec;

export interface DensityPreview {
  grid: PreviewGrid;
  /** log p on the grid, [ny·nx], row 0 at y0 (−Infinity where the level is 0). */
  logDensity: Float32Array;
}

/** The JSON document of a preview. */
export interface DensityPreviewDoc {
  format: typeof DENSITY_PREVIEW_FORMAT;
  grid: PreviewGrid;
  maxLogDensity: number;
  /** base64 of the [ny·nx] levels q_k. */
  levels: string;
}

/** Encodes log p on a grid (non-finite cells count as p = 0). Throws when no cell is finite. */
export function encodeDensityPreview(logDensity: Float32Array, grid: PreviewGrid): DensityPreviewDoc {
  if (logDensity.length !== grid.nx * grid.ny) throw new Error(`expected ${grid.nx * grid.ny} values, got ${logDensity.length}`);
  let max = -Infinity;
  for (const v of logDensity) if (Number.isFinite(v) && v > max) max = v;
  if (!Number.isFinite(max)) throw new Error('the density has no finite value on the grid');
  const levels = Uint8Array.from(logDensity, (v) => (Number.isFinite(v) ? Math.round(LEVELS * Math.exp(v - max)) : 0));
  return { format: DENSITY_PREVIEW_FORMAT, grid: { ...grid }, maxLogDensity: max, levels: encodeBytesBase64(levels) };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses a preview document; throws an Error naming the first problem. */
export function decodeDensityPreview(doc: unknown): DensityPreview {
  if (!isObject(doc) || doc.format !== DENSITY_PREVIEW_FORMAT) throw new Error(`not a ${DENSITY_PREVIEW_FORMAT} document`);
  const g = doc.grid;
  if (!isObject(g)) throw new Error('the preview has no grid');
  const [x0, x1, y0, y1, nx, ny] = (['x0', 'x1', 'y0', 'y1', 'nx', 'ny'] as const).map((k) => g[k]);
  const finite = [x0, x1, y0, y1].every((v) => typeof v === 'number' && Number.isFinite(v));
  const counts = [nx, ny].every((v) => Number.isInteger(v) && (v as number) >= 2 && (v as number) <= 1024);
  if (!finite || !counts || (x1 as number) <= (x0 as number) || (y1 as number) <= (y0 as number)) {
    throw new Error('the preview grid is not a box with 2 to 1024 cells a side');
  }
  const max = doc.maxLogDensity;
  if (typeof max !== 'number' || !Number.isFinite(max)) throw new Error('the preview has no finite maxLogDensity');
  if (typeof doc.levels !== 'string') throw new Error('the preview has no levels');
  const levels = decodeBytesBase64(doc.levels);
  const grid = { x0, x1, y0, y1, nx, ny } as PreviewGrid;
  if (levels.length !== grid.nx * grid.ny) throw new Error(`the preview has ${levels.length} levels for ${grid.nx}×${grid.ny} cells`);
  const logDensity = Float32Array.from(levels, (q) => (q === 0 ? -Infinity : Math.log(q / LEVELS) + max));
  return { grid, logDensity };
}

/** The preview's file name beside the preset `<dataset>-<flow>.json`. */
export function previewFileName(dataset: string, flow: string): string {
  return `${dataset}-${flow}.preview.json`;
}
