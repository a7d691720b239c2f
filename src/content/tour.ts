/**
 * The guided tour: the lecture's storyline (an autoregressive model is a flow → MAF → IAF →
 * the trade-off → distillation → masked convolutions → Gaussianization → discrete data) as
 * ten steps of data. Each step names the state it shows (panel, data set, flow, D,
 * direction), the part of the panel to look at, a short explanation with its equation
 * (KaTeX), and a note for the lecturer (docs/teaching.md repeats these).
 */
import type { DatasetId } from '../core/datasets';
import type { FlowKind } from '../core/flow/config';
import type { PanelId, StepDirection } from '../state/url-schema';

/** The URL params a tour step may set (besides the panel). */
export interface TourState {
  dataset?: DatasetId;
  flow?: FlowKind;
  /** D of the step-by-step panel. */
  dim?: number;
  direction?: StepDirection;
}

/** What to look at: a CSS selector inside the panel area, and its name in words. */
export interface TourHighlight {
  selector: string;
  label: string;
}

/** Where a step goes: a panel, its state and highlight. */
export interface TourView {
  panel: PanelId;
  state: TourState;
  highlight: TourHighlight | null;
}

export interface TourStep {
  /** Stable id (for tests and docs). */
  id: string;
  title: string;
  /** Two or three sentences shown on the card. */
  text: string;
  /** The step's equation (KaTeX, display mode). */
  equation: string;
  /** What the lecturer might say or do here (docs/teaching.md). */
  say: string;
  view: TourView;
}

/** Equations on separate lines (a narrow card never scrolls sideways). */
const lines = (...parts: string[]): string =>
  `\\begin{gathered}${parts.join(' \\\\ ')}\\end{gathered}`;

const HIGHLIGHT = {
  planes: { selector: '.steps-planes', label: 'the base and data planes' },
  dag: { selector: '.steps-dag', label: 'the dependency graph and its pass counter' },
  equations: { selector: '.steps-equations', label: 'the equations, filled in pass by pass' },
  jacobian: { selector: '.steps-jacobian', label: 'the triangular Jacobian' },
  tradeoff: { selector: '.steps-tradeoff', label: 'the trade-off table' },
  flowInfo: { selector: '.flow-info', label: 'what is fast and what is slow' },
  densities: { selector: '.density-plots', label: 'the samples and the model density' },
  loss: { selector: '.loss-plot', label: 'the loss curve and its floor' },
  inverse: { selector: '.conv-section:has(.conv-inverse)', label: 'the sequential inverse' },
} satisfies Record<string, TourHighlight>;

export const TOUR_STEPS: readonly TourStep[] = [
  {
    id: 'autoregressive',
    title: 'An autoregressive model is a flow',
    text:
      'Give every coordinate a Gaussian conditional on the coordinates before it. ' +
      'Writing each Gaussian draw as a shift and scale of standard noise turns the model ' +
      'into an invertible map from z to x: a normalizing flow.',
    equation: lines(
      'p(x) = \\prod_i \\mathcal{N}\\bigl(x_i;\\ \\mu_i(x_{<i}),\\ e^{2\\alpha_i(x_{<i})}\\bigr)',
      'x_i = z_i\\,e^{\\alpha_i} + \\mu_i,\\quad z_i \\sim \\mathcal{N}(0,1)',
    ),
    say:
      'Start from a model everyone knows. Point at the data plane: the conditional of x₂ given ' +
      'x₁ is a Gaussian whose mean and scale the network sets. Press Next step to draw x₁, then x₂.',
    view: {
      panel: 'steps',
      state: { flow: 'maf', direction: 'sample', dim: 2 },
      highlight: HIGHLIGHT.planes,
    },
  },
  {
    id: 'maf-sampling',
    title: 'MAF sampling: D passes, one after another',
    text:
      'In a masked autoregressive flow (MAF), μᵢ and αᵢ depend on x₍<i₎. To sample, x₁ must ' +
      'exist before the network can give μ₂, α₂: one network pass per dimension, in order.',
    equation: lines(
      'x_i = z_i\\,e^{\\alpha_i(x_{<i})} + \\mu_i(x_{<i})',
      'i = 1, \\dots, D \\text{ in turn}',
    ),
    say:
      'With D = 4, step through the graph: each pass lights one new x. Count the passes aloud; ' +
      'the counter reaches D. Ask: what would this cost for an image with a million pixels?',
    view: {
      panel: 'steps',
      state: { flow: 'maf', direction: 'sample', dim: 4 },
      highlight: HIGHLIGHT.dag,
    },
  },
  {
    id: 'maf-density',
    title: 'MAF density: one parallel pass',
    text:
      'Given x, every μᵢ(x₍<i₎) and αᵢ(x₍<i₎) comes out of a single masked network pass, so ' +
      'all zᵢ at once. The Jacobian is triangular; its log-determinant is −Σαᵢ. Fast density ' +
      'is what maximum-likelihood training needs.',
    equation: lines(
      'z_i = \\bigl(x_i - \\mu_i(x_{<i})\\bigr)\\,e^{-\\alpha_i(x_{<i})}',
      '\\log p(x) = \\sum_i \\log\\mathcal{N}(z_i; 0, 1) - \\sum_i \\alpha_i',
    ),
    say:
      'Same network, other direction: the counter stops at one pass. Show the Jacobian: ' +
      'zeros above the diagonal, so the determinant is the product of the diagonal.',
    view: {
      panel: 'steps',
      state: { flow: 'maf', direction: 'invert', dim: 4 },
      highlight: HIGHLIGHT.jacobian,
    },
  },
  {
    id: 'iaf',
    title: 'IAF: the same network, roles swapped',
    text:
      'An inverse autoregressive flow (IAF) feeds z to the network instead of x. Sampling ' +
      'becomes one parallel pass; the density of an arbitrary x now needs D sequential ' +
      'passes, but for a sample the model drew itself, z is already known.',
    // The app's convention (content/equations.ts): an IAF samples with the one-pass map T.
    equation: lines(
      'x_i = \\bigl(z_i - \\mu_i(z_{<i})\\bigr)\\,e^{-\\alpha_i(z_{<i})}',
      '\\log p(x) = \\sum_i \\log\\mathcal{N}(z_i; 0, 1) + \\sum_i \\alpha_i(z_{<i})',
    ),
    say:
      'Press M and I to flip between the two: the graph and the counter swap. Stress that it is ' +
      'literally the same MADE; only what it reads changes.',
    view: {
      panel: 'steps',
      state: { flow: 'iaf', direction: 'sample', dim: 4 },
      highlight: HIGHLIGHT.dag,
    },
  },
  {
    id: 'tradeoffs',
    title: 'The trade-off',
    text:
      'MAF: density in one pass, sampling in D; good for training by maximum likelihood. ' +
      'IAF: sampling in one pass, density of external data in D; good for generating fast.',
    equation:
      '\\begin{array}{l|cc} & \\log p(x) & x \\sim p \\\\ \\hline ' +
      '\\text{MAF} & 1 \\text{ pass} & D \\text{ passes} \\\\ ' +
      '\\text{IAF} & D \\text{ passes} & 1 \\text{ pass} \\end{array}',
    say:
      'Read the table row by row; grow D and watch the sequential column grow while the ' +
      'parallel one stays flat. This sets up the question: can we have both?',
    view: { panel: 'cost', state: { dim: 8 }, highlight: null },
  },
  {
    id: 'distillation',
    title: 'Distillation: a MAF teacher, an IAF student',
    text:
      'Parallel WaveNet trains a MAF-like teacher (WaveNet) by maximum likelihood, then trains an ' +
      'IAF student to minimise KL(student ‖ teacher). Every term is cheap: the student samples in ' +
      'one pass per layer and knows its own z, so log q_s is free; the frozen teacher scores the ' +
      'samples in one parallel pass per layer. No teacher sample is drawn, and gradients reach the ' +
      'student through its samples. Audio has 24,000 samples a second, and the teacher generates ' +
      'one sample per pass; the student generates them all in parallel (more than 20 times faster ' +
      'than real time; van den Oord et al. 2017), and the teacher is dropped after training.',
    equation: lines(
      '\\mathrm{KL}(q_s \\,\\|\\, p_t)',
      '= \\mathbb{E}_{x \\sim q_s}\\bigl[\\log q_s(x) - \\log p_t(x)\\bigr]',
    ),
    say:
      'The panel opens on the pretrained student: read how many teacher modes it covers. Press ' +
      'Train from scratch to watch the path, and follow the gradient path drawn under the curves. ' +
      'The direction matters: KL(student ‖ teacher) only needs samples of the student and is ' +
      'mode-seeking; the other direction would need teacher samples and the student’s density of ' +
      'them: D passes per layer each.',
    view: { panel: 'distill', state: { dataset: '8gaussians' }, highlight: null },
  },
  {
    id: 'masked-convolutions',
    title: 'Masked convolutions: flows for images',
    text:
      'Mask a k×k kernel so each output sees only earlier pixels in raster order and, at the ' +
      'same pixel, earlier channels. The Jacobian is triangular, so the log-determinant is the ' +
      'sum of the log-diagonal; the inverse runs pixel by pixel.',
    equation:
      '\\log\\lvert\\det J\\rvert = \\sum_{\\text{pixels}}\\ \\sum_{c} \\log\\lvert w_{c,c}^{\\text{centre}}\\rvert',
    say:
      'Play the inverse: it crawls in raster order, one cell per step. Then show the blind spot ' +
      'of the receptive field: the price of the mask.',
    view: { panel: 'conv', state: {}, highlight: HIGHLIGHT.inverse },
  },
  {
    id: 'gaussianization',
    title: 'Gaussianization',
    text:
      'KL is invariant under invertible maps, so fitting a flow is the same as making the ' +
      'data, pushed back through it, look Gaussian. In one dimension this is exact: ' +
      'u = F(x) is uniform and Φ⁻¹(u) is standard normal.',
    equation: lines(
      '\\mathrm{KL}(p_{\\text{data}} \\,\\|\\, p_\\theta) = ' +
        '\\mathrm{KL}\\bigl(f_\\#\\, p_{\\text{data}} \\,\\|\\, \\mathcal{N}(0, I)\\bigr)',
      '\\Phi^{-1}\\bigl(F(x)\\bigr) \\sim \\mathcal{N}(0,1)',
    ),
    say:
      'Alternate: Gaussianize each coordinate, rotate, repeat (RBIG). Watch the measure of ' +
      'non-Gaussianity fall with each iteration.',
    view: { panel: 'gaussianize', state: { dataset: 'moons' }, highlight: null },
  },
  {
    id: 'copula',
    title: 'The Gaussian copula: a one-layer flow',
    text:
      'Gaussianizing each coordinate once and then fitting a correlation matrix R is a ' +
      'Gaussian copula: a shallow flow. It captures the marginals exactly but only linear ' +
      'dependence between them.',
    equation: lines(
      'g(x) = \\frac{\\mathcal{N}_D(z;\\,0,\\,R)}{\\prod_i \\varphi(z_i)}\\ \\prod_i f_i(x_i)',
      'z_i = \\Phi^{-1}\\bigl(F_i(x_i)\\bigr)',
    ),
    say:
      'Compare one layer with many: the copula gets the marginals right and misses the curved ' +
      'dependence; repeated rotations fix that.',
    view: { panel: 'gaussianize', state: { dataset: 'moons' }, highlight: null },
  },
  {
    id: 'discrete',
    title: 'Why not discrete data?',
    text:
      'A flow’s likelihood is a density: the base density times a Jacobian determinant. ' +
      'Discrete data such as text has probabilities, not densities, and no invertible, ' +
      'differentiable map links it to a continuous base, so this trick does not apply there.',
    equation: lines(
      'p_X(x) = p_Z\\bigl(f(x)\\bigr)\\,\\Bigl\\lvert\\det \\frac{\\partial f}{\\partial x}\\Bigr\\rvert',
      '\\text{needs a continuous } x',
    ),
    say:
      'Close on the lab: the loss curve approaches the entropy floor H(p) because the model is ' +
      'a density on a continuous space. Language models stay autoregressive but not flows.',
    view: {
      panel: 'density',
      state: { dataset: '8gaussians', flow: 'maf' },
      highlight: HIGHLIGHT.loss,
    },
  },
];

/** The number of tour steps (`?tour=` ranges over 1 … TOUR_LENGTH; 0 means no tour). */
export const TOUR_LENGTH = TOUR_STEPS.length;

/** "Step 3 of 10". */
export const tourPosition = (index: number): string => `Step ${index} of ${TOUR_LENGTH}`;
