/**
 * The samples the panel works on: the lab's current data set (training and held-out draws
 * from the URL seed) and its 1-D source (a coordinate of that set, or a 1-D toy).
 */
import { datasetSource, type DatasetId, type ViewBox } from '../../core/datasets';
import { createRng } from '../../core/rng';
import { sample1D, TOY_1D_INFO, type Toy1DName } from '../../core/toy/toy-1d';
import type { GaussSource } from '../../state/url-schema';

const TRAIN_POINTS = 1000;
const HELD_OUT_POINTS = 1000;
const ONE_D_POINTS = 2000;

export interface PlaneData {
  label: string;
  points: Float32Array;
  heldOut: Float32Array;
  view: ViewBox;
}

/** Training and held-out points of the data set, or an error message (e.g. nothing drawn). */
export function planeData(
  dataset: DatasetId,
  seed: number,
  drawn: Float32Array | null,
): PlaneData | { error: string } {
  try {
    const source = datasetSource(dataset, drawn);
    return {
      label: source.label,
      points: Float32Array.from(source.sample(TRAIN_POINTS, createRng(seed)).data),
      heldOut: Float32Array.from(source.sample(HELD_OUT_POINTS, createRng(seed + 7919)).data),
      view: source.view,
    };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The 1-D sample for a source: a coordinate of the plane data, or n draws of a toy. */
export function oneDSample(
  source: GaussSource,
  plane: PlaneData | null,
  seed: number,
): Float64Array | null {
  if (source === 'x' || source === 'y') {
    if (!plane) return null;
    const d = source === 'x' ? 0 : 1;
    return Float64Array.from(
      { length: plane.points.length / 2 },
      (_, i) => plane.points[2 * i + d],
    );
  }
  return sample1D(source, ONE_D_POINTS, createRng(seed));
}

export function sourceLabel(source: GaussSource, datasetLabel: string): string {
  if (source === 'x') return `${datasetLabel}: x coordinate`;
  if (source === 'y') return `${datasetLabel}: y coordinate`;
  return TOY_1D_INFO[source as Toy1DName].label;
}
