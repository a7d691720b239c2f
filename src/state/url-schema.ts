/**
 * The URL schema: every parameter that changes what the page shows, with its type, range,
 * default and description. A shared link reproduces the same view, data set and seed.
 * docs/url-parameters.md is generated from this table (`npm run docs:url`).
 */
import { DATASET_IDS, type DatasetId } from '../core/datasets';
import { FLOW_FAMILIES, type FlowFamily } from '../core/flow/family';
import type { TransformKind } from '../core/flow/transform';
import { PROCEDURAL_IMAGE_NAMES } from '../core/conv/procedural';
import type { MarginalKind } from '../core/gaussianize/marginal-types';
import type { RotationKind } from '../core/gaussianize/rotation';
import { TOY_1D } from '../core/toy/toy-1d';
import { DEFAULT_LEARNING_RATE } from '../core/flow/lr-schedule';
import { DEFAULT_FLOW_CONFIG } from '../core/flow/config';
import {
  boolParam,
  enumParam,
  intParam,
  listParam,
  numberParam,
  originParam,
  type ParamSpec,
} from './url-param-types';

/**
 * Version of the URL schema (CHANGELOG.md): links keep working within a version; renaming or
 * removing a parameter raises it.
 */
export const URL_SCHEMA_VERSION = 1;

/** Panels that `?panel=` can select (more arrive with later issues). */
export const PANEL_IDS = [
  'density',
  'steps',
  'distill',
  'cost',
  'discrete',
  'conv',
  'gaussianize',
] as const;
export type PanelId = (typeof PANEL_IDS)[number];

/** The lab's flow families: MAF, IAF and coupling layers (core/flow/family.ts). */
export const FLOW_KINDS = FLOW_FAMILIES;

/** The elementwise transform of every layer (core/flow/transform.ts). */
export const TRANSFORM_KINDS = ['affine', 'spline'] as const satisfies readonly TransformKind[];

/** The lab's view: one flow training, or the families compared side by side. */
export const LAB_VIEWS = ['train', 'compare'] as const;
export type LabView = (typeof LAB_VIEWS)[number];

/** The step-by-step panel's direction: sampling z → x or inversion x → z. */
export const STEP_DIRECTIONS = ['sample', 'invert'] as const;
export type StepDirection = (typeof STEP_DIRECTIONS)[number];

/** Backends the compute worker understands; `auto` lets it choose. */
export const BACKEND_CHOICES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/** Images of the masked-convolution panel: the built-in ones, or `blank` to paint on. */
export const CONV_IMAGES = [...PROCEDURAL_IMAGE_NAMES, 'blank'] as const;
export type ConvImageName = (typeof CONV_IMAGES)[number];
/** Image sides (pixels) of the masked-convolution panel. */
export const CONV_SIZES = ['8', '16'] as const;
export type ConvImageSize = (typeof CONV_SIZES)[number];

/** The distillation panel's training direction: KL(student‖teacher) or KL(teacher‖student). */
export const KL_DIRECTIONS = ['student-teacher', 'teacher-student'] as const;
export type KlDirectionChoice = (typeof KL_DIRECTIONS)[number];
/** Dimensions the cost-versus-dimension lab can measure. */
export const COST_DIMS = ['2', '4', '8', '16', '32', '64'] as const;
export type CostDim = (typeof COST_DIMS)[number];

/** Gaussianization panel: the 1-D source (`x`/`y`: a marginal of the lab's data set, or a toy). */
export const GAUSS_SOURCES = ['x', 'y', ...TOY_1D] as const;
export type GaussSource = (typeof GAUSS_SOURCES)[number];
export const GAUSS_CDFS = ['kernel', 'empirical'] as const satisfies readonly MarginalKind[];
export const GAUSS_ROTATIONS = ['random', 'pca', 'pursuit'] as const satisfies readonly RotationKind[];

/**
 * The number of steps of the guided tour (content/tour.ts; state may not import content, so
 * the count is written here and tests/unit/content/tour.test.ts checks the two agree).
 */
export const TOUR_STEP_COUNT = 12;

/** Colour themes: `auto` follows the system's light/dark preference. */
export const THEME_CHOICES = ['auto', 'light', 'dark', 'projector'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/**
 * Controls and secondary parts an embedding page can hide with `?hide=`: the density lab's
 * (first eight), then the other panels' (app/fit.css hides those).
 */
export const HIDEABLE_CONTROLS = [
  'dataset',
  'flow',
  'training',
  'hyperparameters',
  'contours',
  'loss',
  'info',
  'share',
  'equations',
  'jacobian',
  'layers',
  'tradeoff',
  'samples',
  'curves',
  'timing',
  'table',
  'field',
  'kernel',
  'inverse',
  'stack',
  'back',
  'copula',
  'heatmaps',
  'explanation',
] as const;
export type HideableControl = (typeof HIDEABLE_CONTROLS)[number];

/** The page state that lives in the URL. */
export interface UrlState {
  panel: PanelId;
  embed: boolean;
  flow: FlowFamily;
  transform: TransformKind;
  view: LabView;
  dataset: DatasetId;
  layers: number;
  hidden: number;
  lr: number;
  batch: number;
  seed: number;
  contours: boolean;
  backend: BackendChoice;
  hide: HideableControl[];
  dim: number;
  direction: StepDirection;
  image: ConvImageName;
  size: ConvImageSize;
  kl: KlDirectionChoice;
  warm: boolean;
  dims: CostDim[];
  g1d: GaussSource;
  cdf: MarginalKind;
  bw: number;
  rot: RotationKind;
  iter: number;
  tour: number;
  present: boolean;
  theme: ThemeChoice;
  origin: string;
}

export type UrlKey = keyof UrlState;

export type UrlSchema = { readonly [K in UrlKey]: ParamSpec<UrlState[K]> };

export const URL_SCHEMA = {
  panel: enumParam(PANEL_IDS, 'density', 'Which panel to show.'),
  embed: boolParam(
    false,
    'Embed mode: show only the chosen panel, filling the window (for an `<iframe>`).',
  ),
  flow: enumParam(
    FLOW_KINDS,
    'maf',
    'Flow: MAF (density in one pass per layer, sampling in D), IAF (the reverse) or coupling layers (one pass per layer both ways; goes beyond the lecture).',
  ),
  transform: enumParam(
    TRANSFORM_KINDS,
    'affine',
    'Elementwise transform of every layer: affine (x = z·e^α + μ, the lecture’s) or a monotone rational-quadratic spline (goes beyond the lecture).',
  ),
  view: enumParam(
    LAB_VIEWS,
    'train',
    'Density lab: `train` one flow, or `compare` MAF, IAF and coupling fitted to the same data side by side.',
  ),
  dataset: enumParam(
    DATASET_IDS,
    '8gaussians',
    'Training data: a toy data set, an energy target (u1 … u4) or `drawn` (points you draw).',
  ),
  // The defaults of layers and hidden follow the transform (affine 12 × 2×32, spline 2 × 2×64): state/url-defaults.ts.
  layers: intParam(1, 16, DEFAULT_FLOW_CONFIG.layers, `Number of layers in the flow (autoregressive MADE layers, or coupling layers). Without it, ${DEFAULT_FLOW_CONFIG.layers} affine layers or 2 spline layers (the spline presets’ depth).`),
  hidden: intParam(8, 256, DEFAULT_FLOW_CONFIG.hidden[0], `Width of each of the two hidden layers of every layer’s network (a MADE, or a coupling layer’s MLP). Without it, ${DEFAULT_FLOW_CONFIG.hidden[0]} for affine layers or 64 for spline layers (the spline presets’ width).`),
  lr: numberParam(1e-5, 1, DEFAULT_LEARNING_RATE, 'Adam learning rate η: the density lab\'s peak (100-step warm-up, then cosine to 5% by step 3,000); the distillation scales it per phase.'),
  batch: intParam(16, 2048, 512, 'Training batch size (points per step).'),
  seed: intParam(
    0,
    2147483647,
    1,
    'Random seed: the data draw, the initial weights and the fixed noise batch of the plotted samples.',
  ),
  contours: boolParam(false, 'Draw contour lines on the density plots.'),
  backend: enumParam(
    BACKEND_CHOICES,
    'auto',
    'Compute backend to try first (read at start-up; the page falls back with a notice when it is unavailable).',
  ),
  hide: listParam(
    HIDEABLE_CONTROLS,
    'Controls and secondary parts to hide, e.g. in an embedded lecture figure. Density lab: `dataset`, `flow`, `training`, `hyperparameters`, `contours`, `loss`, `info`, `share`; step by step: `equations`, `jacobian`, `layers`, `tradeoff`; distillation: `samples`, `curves`, `timing`; cost: `table`; masked convolutions: `field`, `kernel`, `inverse`, `jacobian`; Gaussianization: `stack`, `back`, `copula`; discrete data: `heatmaps`, `explanation`.',
  ),
  dim: intParam(
    2,
    8,
    2,
    'Dimension D of the step-by-step panel’s flow (the 2-D plot shows at D = 2).',
  ),
  direction: enumParam(
    STEP_DIRECTIONS,
    'sample',
    'Step-by-step direction: sampling z → x or inversion x → z.',
  ),
  image: enumParam(
    CONV_IMAGES,
    'disc',
    'Masked-convolution panel: the input image (`blank` is white, to paint on).',
  ),
  size: enumParam(CONV_SIZES, '8', 'Masked-convolution panel: the image side in pixels (8 or 16).'),
  kl: enumParam(
    KL_DIRECTIONS,
    'student-teacher',
    'Distillation panel: train the student by KL(student‖teacher) (mode-seeking, Parallel WaveNet) or KL(teacher‖student) (mass-covering).',
  ),
  warm: boolParam(
    false,
    'Distillation panel, KL(student‖teacher) only: warm start on teacher samples (KL(teacher‖student) first; costs D passes per layer per sample, not what Parallel WaveNet does). Off by default: the student learns from KL(student‖teacher) alone.',
  ),
  dims: {
    ...listParam(COST_DIMS, ''),
    default: ['2', '4', '8', '16'],
    description: 'Cost-versus-dimension panel: the dimensions D to measure.',
  },
  g1d: enumParam(
    GAUSS_SOURCES,
    'skewed',
    'Gaussianization panel: the 1-D sample (`x` or `y`: that coordinate of the lab’s data set, or a 1-D toy).',
  ),
  cdf: enumParam(
    GAUSS_CDFS,
    'kernel',
    'Gaussianization panel: the CDF estimate (smooth logistic kernel, or interpolated empirical).',
  ),
  bw: numberParam(0.05, 2, 0.4, 'Gaussianization panel: kernel bandwidth factor (× the RBIG rule of thumb; the slider’s range).'),
  rot: enumParam(
    GAUSS_ROTATIONS,
    'random',
    'Gaussianization panel: the rotation after each marginal step (random orthogonal, PCA, or projection pursuit).',
  ),
  iter: intParam(0, 40, 0, 'Gaussianization panel: the iteration shown (0 = the data).'),
  tour: intParam(
    0,
    TOUR_STEP_COUNT,
    0,
    'Guided tour: open at this step (1 … the number of steps; 0 = no tour). The step sets the panel and its state.',
  ),
  present: boolParam(false, 'Presenter mode: large type, page chrome hidden (keys: ? lists them).'),
  theme: enumParam(
    THEME_CHOICES,
    'auto',
    'Colour theme: light, dark, projector (high contrast, larger type) or auto (follows the system).',
  ),
  origin: originParam(
    'Embedding (docs/embedding.md): accept messages only from a parent page of this origin; an invalid value accepts none (read at start-up).',
  ),
} satisfies UrlSchema;

/** Keys in the order they are written to the URL and documented. */
export const URL_KEYS = Object.keys(URL_SCHEMA) as UrlKey[];

/** Keys only the address sets: an embedding host's `flowlab:set` may not change them. */
export const ADDRESS_ONLY_KEYS: readonly UrlKey[] = ['origin'];

/**
 * Keys read once, when the page loads (`embed` picks the shell, `backend` the worker's first
 * backend): an embedding host's `flowlab:set` refuses them (`flowlab:invalid`).
 */
export const LOAD_TIME_KEYS: readonly UrlKey[] = ['embed', 'backend'];

export function defaultUrlState(): UrlState {
  const state = {} as Record<UrlKey, unknown>;
  for (const key of URL_KEYS) {
    const value = URL_SCHEMA[key].default;
    state[key] = Array.isArray(value) ? [...value] : value;
  }
  return state as UrlState;
}
