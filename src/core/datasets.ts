/**
 * Every 2-D data source the lab can train on, behind one interface: the eight toy sets, the
 * four energy targets (sampled by inverse CDF on a fine grid for maximum likelihood) and the
 * user's drawn points (resampled with a small Gaussian jitter).
 */
import type { PointSet, Rng, ViewBox } from './types';
import { TOY_DATASETS, TOY_INFO, isToyName, sampleToy } from './toy/toy-datasets';
import { ENERGY_BOX, ENERGY_INFO, ENERGY_TARGETS, isEnergyName, type EnergyName } from './toy/energy';
import { sampleEnergy } from './toy/energy-density';
import { entropyFloor, trueLogDensity, type LogDensity2D } from './toy/true-density';
import { drawnPointSet } from './toy/drawn';

export const DATASET_IDS = [...TOY_DATASETS, ...ENERGY_TARGETS, 'drawn'] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

export function isDatasetId(id: string): id is DatasetId {
  return (DATASET_IDS as readonly string[]).includes(id);
}

/** The box a data set is viewed in (core/types.ts). */
export type { ViewBox };

export interface DatasetSource {
  id: DatasetId;
  label: string;
  description: string;
  /** Draws n training points. */
  sample(n: number, rng: Rng): PointSet;
  /** Set for energy targets: p ∝ exp(−U). */
  energyId: EnergyName | null;
  trueLogDensity: LogDensity2D | null;
  /** H(p) in nats where known. */
  entropyFloor: number | null;
  view: ViewBox;
}

const square = (h: number): ViewBox => ({ x0: -h, x1: h, y0: -h, y1: h });

export const DRAWN_VIEW = square(4);

export function datasetLabel(id: DatasetId): string {
  if (isToyName(id)) return TOY_INFO[id].label;
  if (isEnergyName(id)) return ENERGY_INFO[id].label;
  return 'Draw your own';
}

/** The source for an id; `drawn` needs the drawn points (throws a readable error without them). */
export function datasetSource(id: string, drawn: Float32Array | null): DatasetSource {
  if (isToyName(id)) {
    const info = TOY_INFO[id];
    return {
      id,
      label: info.label,
      description: info.description,
      sample: (n, rng) => sampleToy(id, n, rng),
      energyId: null,
      trueLogDensity: trueLogDensity(id),
      entropyFloor: entropyFloor(id),
      view: square(info.halfWidth),
    };
  }
  if (isEnergyName(id)) {
    const info = ENERGY_INFO[id];
    return {
      id,
      label: info.label,
      description: info.description,
      sample: (n, rng) => sampleEnergy(id, n, rng),
      energyId: id,
      trueLogDensity: trueLogDensity(id),
      entropyFloor: entropyFloor(id),
      view: square(ENERGY_BOX),
    };
  }
  if (id === 'drawn') {
    if (!drawn || drawn.length < 2) throw new Error('Draw some points first: the drawn data set is empty.');
    const points: PointSet = { data: drawn, n: drawn.length / 2, dim: 2 };
    return {
      id,
      label: 'Draw your own',
      description: 'Points you drew, resampled with a small Gaussian jitter.',
      sample: (n, rng) => drawnPointSet(points, n, rng),
      energyId: null,
      trueLogDensity: null,
      entropyFloor: null,
      view: DRAWN_VIEW,
    };
  }
  throw new Error(`unknown data set "${id}"`);
}
