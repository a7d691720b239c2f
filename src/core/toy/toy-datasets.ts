/**
 * The eight 2-D toy sets of the flow literature (FFJORD's toy_data.py, Grathwohl et al. 2019): names,
 * labels and descriptions for the data-set picker, and one sampler entry point.
 */
import type { PointSet, Rng } from '../types';
import { sampleCheckerboard } from './checkerboard';
import { sampleCircles, sampleMoons, sampleRings } from './curves';
import { sampleEightGaussians } from './eight-gaussians';
import { samplePinwheel, sampleSwissRoll, sampleTwoSpirals } from './spirals';

export const TOY_DATASETS = [
  '8gaussians',
  'moons',
  'circles',
  'rings',
  'pinwheel',
  '2spirals',
  'checkerboard',
  'swissroll',
] as const;

export type ToyName = (typeof TOY_DATASETS)[number];

export interface ToyInfo {
  /** Short human label for the picker. */
  label: string;
  /** One sentence on what the set is and what it tests. */
  description: string;
  /** Square view [−halfWidth, halfWidth]² that holds essentially all the mass. */
  halfWidth: number;
}

export const TOY_INFO: Readonly<Record<ToyName, ToyInfo>> = {
  '8gaussians': {
    label: '8 Gaussians',
    description:
      'Eight well-separated Gaussian blobs on a circle: a flow must split one Gaussian into eight modes.',
    halfWidth: 4,
  },
  moons: {
    label: 'Two moons',
    description: 'Two interleaved half circles with a little noise: curved, thin, non-convex mass.',
    halfWidth: 4,
  },
  circles: {
    label: 'Circles',
    description:
      'Two concentric noisy circles: mass with a hole, which a smooth bijection must tear around.',
    halfWidth: 4,
  },
  rings: {
    label: 'Rings',
    description: 'Four thin concentric rings: nested holes and sharp radial structure.',
    halfWidth: 4,
  },
  pinwheel: {
    label: 'Pinwheel',
    description: 'Five curved arms whose width grows outwards: skewed, rotating mass.',
    halfWidth: 4,
  },
  '2spirals': {
    label: 'Two spirals',
    description: 'Two interleaved spiral arms: long, thin, winding mass that is hard to unroll.',
    halfWidth: 4,
  },
  checkerboard: {
    label: 'Checkerboard',
    description:
      'Uniform on 8 squares of a checkerboard: flat density with hard edges (entropy ln 32).',
    halfWidth: 4,
  },
  swissroll: {
    label: 'Swiss roll',
    description: 'A noisy spiral seen from above: one arm winding out from the centre.',
    halfWidth: 4,
  },
};

const SAMPLERS: Readonly<Record<ToyName, (n: number, rng: Rng) => PointSet>> = {
  '8gaussians': sampleEightGaussians,
  moons: (n, rng) => sampleMoons(n, rng),
  circles: (n, rng) => sampleCircles(n, rng),
  rings: (n, rng) => sampleRings(n, rng),
  pinwheel: samplePinwheel,
  '2spirals': sampleTwoSpirals,
  checkerboard: sampleCheckerboard,
  swissroll: sampleSwissRoll,
};

/** True iff name is one of TOY_DATASETS. */
export function isToyName(name: string): name is ToyName {
  return (TOY_DATASETS as readonly string[]).includes(name);
}

/** Samples n points of a toy set, [n, 2], deterministic given the Rng's state. */
export function sampleToy(name: ToyName, n: number, rng: Rng): PointSet {
  const sampler = SAMPLERS[name];
  if (!sampler) throw new Error(`Unknown toy data set "${String(name)}"`);
  return sampler(n, rng);
}
