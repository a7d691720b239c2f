/**
 * Which component draws each `?panel=` id, and its tab title, in tab order. Panels
 * other than the density lab are loaded on demand (React.lazy): they bring KaTeX and their own
 * drawing code, which the first paint of the lab does not need.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { DensityPanel } from '../panels/density/DensityPanel';
import type { PanelId } from '../state/url-schema';

export const PANEL_TITLES: Record<PanelId, string> = {
  density: 'Density lab',
  steps: 'Step by step',
  distill: 'Distillation',
  cost: 'Cost vs dimension',
  discrete: 'Discrete data',
  conv: 'Masked convolutions',
  gaussianize: 'Gaussianization',
};

export const PANEL_COMPONENTS: Record<PanelId, ComponentType | LazyExoticComponent<ComponentType>> = {
  density: DensityPanel,
  steps: lazy(() => import('../panels/steps/StepsPanel').then((m) => ({ default: m.StepsPanel }))),
  distill: lazy(() => import('../panels/distill/DistillPanel').then((m) => ({ default: m.DistillPanel }))),
  cost: lazy(() => import('../panels/cost/CostPanel').then((m) => ({ default: m.CostPanel }))),
  discrete: lazy(() =>
    import('../panels/discrete/DiscretePanel').then((m) => ({ default: m.DiscretePanel })),
  ),
  conv: lazy(() => import('../panels/conv/ConvPanel').then((m) => ({ default: m.ConvPanel }))),
  gaussianize: lazy(() =>
    import('../panels/gaussianize/GaussianizePanel').then((m) => ({ default: m.GaussianizePanel })),
  ),
};
