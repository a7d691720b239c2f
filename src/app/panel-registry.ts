/**
 * Which component draws each `?panel=` id, and its tab title, in tab order. Panels
 * other than the density lab are loaded on demand (React.lazy): they bring KaTeX and their own
 * drawing code, which the first paint of the lab does not need. A panel whose chunk fails to
 * load (offline) can be loaded again (chunk-retry.tsx).
 */
import type { ComponentType } from 'react';
import { DensityPanel } from '../panels/density/DensityPanel';
import type { PanelId } from '../state/url-schema';
import { lazyWithRetry } from './chunk-retry';

export const PANEL_TITLES: Record<PanelId, string> = {
  density: 'Density lab',
  steps: 'Step by step',
  distill: 'Distillation',
  cost: 'Cost vs dimension',
  discrete: 'Discrete data',
  conv: 'Masked convolutions',
  gaussianize: 'Gaussianization',
};

export const PANEL_COMPONENTS: Record<PanelId, ComponentType> = {
  density: DensityPanel,
  steps: lazyWithRetry(() => import('../panels/steps/StepsPanel').then((m) => m.StepsPanel)),
  distill: lazyWithRetry(() => import('../panels/distill/DistillPanel').then((m) => m.DistillPanel)),
  cost: lazyWithRetry(() => import('../panels/cost/CostPanel').then((m) => m.CostPanel)),
  discrete: lazyWithRetry(() =>
    import('../panels/discrete/DiscretePanel').then((m) => m.DiscretePanel),
  ),
  conv: lazyWithRetry(() => import('../panels/conv/ConvPanel').then((m) => m.ConvPanel)),
  gaussianize: lazyWithRetry(() =>
    import('../panels/gaussianize/GaussianizePanel').then((m) => m.GaussianizePanel),
  ),
};
