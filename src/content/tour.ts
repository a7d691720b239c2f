/**
 * The guided tour: the lecture's storyline in its order (an autoregressive model is a flow →
 * MAF sampling → MAF density → IAF → the trade-off → coupling layers, beyond the lecture →
 * distillation → "can we distil a language
 * model?" discrete data → masked convolutions → Gaussianization → the copula → RBIG) as
 * steps of data. Each step names the state it shows (panel, data set, flow, D, direction,
 * Gaussianization iteration), the part of the panel to look at, a short explanation with its
 * equation (KaTeX), and a note for the lecturer (docs/teaching.md repeats these). Every step
 * lands on something live: a fitted model, a measured table, a training run.
 */
import type { DatasetId } from '../core/datasets';
import type { FlowFamily } from '../core/flow/flow-spec';
import type { PanelId, StepDirection } from '../state/url-schema';

/** The URL params a tour step may set (besides the panel). */
export interface TourState {
  dataset?: DatasetId;
  flow?: FlowFamily;
  /** D of the step-by-step panel. */
  dim?: number;
  direction?: StepDirection;
  /** The Gaussianization panel's iteration (0 = the data). */
  iter?: number;
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
  discreteChart: { selector: '.discrete-chart', label: 'the NLL curves and the floor H(P)' },
  oneD: { selector: '.gauss-section:has(.gauss-1d)', label: 'CDF → uniform → Φ⁻¹ in one dimension' },
  copula: { selector: '.gauss-section:has(.gauss-table)', label: 'the copula layer and its correlation' },
  stack: { selector: '.gauss-section:has(.gauss-stack)', label: 'the iterated stack and its KL' },
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
    // The app's convention (content/equations.ts, LECTURE.md): the literal "swap x and z".
    equation: lines(
      'x_i = \\bigl(z_i - \\mu_i(z_{<i})\\bigr)\\,e^{-\\alpha_i(z_{<i})}',
      '\\log q(x) = \\sum_i \\log\\mathcal{N}(z_i; 0, 1) + \\sum_i \\alpha_i(z_{<i})',
      '\\text{(this app\'s form; papers often write } x = z\\,e^{\\alpha} + \\mu \\text{ with } -\\textstyle\\sum\\alpha)',
    ),
    say:
      'Press M and I to flip between the two: the graph and the counter swap. It is the same ' +
      'MADE architecture, reading z instead of x; the stepper fits the IAF as an IAF, with ' +
      'weights of its own (the panel says how), so its samples fit the data.',
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
      'The stepper measures the table on this machine as the step opens (median of warmed-up ' +
      'runs): read it row by row. The cost panel (tab) grows D to 64 and shows the sequential ' +
      'column growing while the parallel one stays flat. Ask: can we have both?',
    view: {
      panel: 'steps',
      state: { flow: 'maf', direction: 'sample', dim: 8 },
      highlight: HIGHLIGHT.tradeoff,
    },
  },
  {
    id: 'both',
    title: 'Can we have both? Coupling layers (beyond the lecture)',
    text:
      'This step goes beyond the lecture. A coupling layer (NICE, RealNVP) copies half the ' +
      'coordinates and transforms the other half with μ, α computed from the copied half only. ' +
      'The copied half is known on both sides, so density and sampling each take one pass per ' +
      'layer; the Jacobian is block triangular. The price: each layer changes only half the ' +
      'coordinates, so a coupling flow needs more layers, or a spline transform, to fit as well.',
    equation: lines(
      'x_p = z_p,\\qquad x_t = z_t \\odot e^{\\alpha(z_p)} + \\mu(z_p)',
      'z_t = \\bigl(x_t - \\mu(x_p)\\bigr) \\odot e^{-\\alpha(x_p)},\\qquad \\log\\lvert\\det \\partial x / \\partial z\\rvert = \\textstyle\\sum_{i \\in t} \\alpha_i',
    ),
    say:
      'Press Next step: the counter reaches 1 of 1; switch the direction to inversion and it is ' +
      '1 of 1 again. The dashed lines are the copied half. Then open the density lab, pick ' +
      'Coupling and Compare flows to see MAF, IAF and coupling fitted to the same data, with ' +
      'their passes and measured time per step. Say that this goes beyond the lecture.',
    view: {
      panel: 'steps',
      state: { flow: 'coupling', direction: 'sample', dim: 4 },
      highlight: HIGHLIGHT.dag,
    },
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
    id: 'discrete',
    title: 'Can we distil a language model? Discrete data',
    text:
      'A language model is autoregressive too, but its conditionals are categorical: there is no ' +
      'change of variables for a probability mass function, so it is not a flow and this trick ' +
      'does not apply. Watch why flows need continuous data: a MAF fitted to integer points ' +
      'spikes on them, and its NLL falls below H(P), the least any pmf can reach, without bound. ' +
      'Fitted to x + u (uniform dequantization), its NLL stays above H(P).',
    equation: lines(
      'p_X(x) = p_Z\\bigl(f(x)\\bigr)\\,\\Bigl\\lvert\\det \\frac{\\partial f}{\\partial x}\\Bigr\\rvert \\text{ is a density, not a probability}',
      '\\mathbb{E}_u\\bigl[-\\log p(x + u)\\bigr] \\ \\ge\\ -\\log P(x),\\quad P(x) = \\textstyle\\int_{[0,1)^2} p(x + u)\\,du',
    ),
    say:
      'Training starts as the step opens. Point at the orange curve crossing the dashed floor ' +
      'H(P) and the spikes on the left heatmap: a density can put unbounded height on the ' +
      'points. The blue dequantized curve stays above the floor and bounds the discrete −log P.',
    view: { panel: 'discrete', state: {}, highlight: HIGHLIGHT.discreteChart },
  },
  {
    id: 'masked-convolutions',
    title: 'Masked convolutions: flows for images',
    text:
      'Mask a k×k kernel so each output sees only earlier pixels in raster order and, at the ' +
      'same pixel, earlier channels. The Jacobian is triangular, so the log-determinant is the ' +
      'sum of the log-diagonal; the forward map is one convolution, the inverse runs pixel by pixel.',
    equation:
      '\\log\\lvert\\det J\\rvert = \\sum_{\\text{pixels}}\\ \\sum_{c} \\log\\lvert w_{c,c}^{\\text{centre}}\\rvert',
    say:
      'Play the inverse: it crawls in raster order, one cell per step. Then show the blind spot ' +
      'of the receptive field: the price of the mask.',
    view: { panel: 'conv', state: {}, highlight: HIGHLIGHT.inverse },
  },
  {
    id: 'gaussianization',
    title: 'Gaussianization in one dimension',
    text:
      'Maximum likelihood minimises KL(p_data ‖ p_θ), and KL is unchanged by an invertible map, ' +
      'so fitting a flow is making the data, pushed back through it, look like N(0, I). In one ' +
      'dimension: u = F(x) is uniform and Φ⁻¹(u) is standard normal; backwards it is ' +
      'inverse-transform sampling.',
    equation: lines(
      '\\mathrm{KL}(p_{\\text{data}} \\,\\|\\, p_\\theta) = ' +
        '\\mathrm{KL}\\bigl(f_\\#\\, p_{\\text{data}} \\,\\|\\, \\mathcal{N}(0, I)\\bigr)',
      '\\Phi^{-1}\\bigl(F(x)\\bigr) \\sim \\mathcal{N}(0,1)',
    ),
    say:
      'Follow the four stages left to right: data, its CDF, the uniform u, and z = Φ⁻¹(u). The CDF ' +
      'step plays the role of standardising a variable. Switch the CDF to empirical and back.',
    view: { panel: 'gaussianize', state: { dataset: 'moons', iter: 0 }, highlight: HIGHLIGHT.oneD },
  },
  {
    id: 'copula',
    title: 'The Gaussian copula: a one-layer flow',
    text:
      'Gaussianizing each coordinate once and then fitting a correlation matrix R is a ' +
      'Gaussian copula: a shallow flow. It reproduces the fitted marginals and the correlation ' +
      'of the Gaussianized coordinates, but only that linear dependence: the joint is not ' +
      'Gaussian yet.',
    equation: lines(
      'g(x) = \\frac{\\mathcal{N}_D(z;\\,0,\\,R)}{\\prod_i \\varphi(z_i)}\\ \\prod_i f_i(x_i)',
      'z_i = \\Phi^{-1}\\bigl(F_i(x_i)\\bigr)',
    ),
    say:
      'Compare the copula density with the data: the marginals are right, the curved ' +
      'dependence of the moons is missed. Read its held-out NLL against the stack’s.',
    view: { panel: 'gaussianize', state: { dataset: 'moons', iter: 1 }, highlight: HIGHLIGHT.copula },
  },
  {
    id: 'rbig',
    title: 'Rotate and repeat: Gaussianize anything',
    text:
      'Alternate per-coordinate Gaussianization with rotations and repeat (iterative ' +
      'Gaussianization, RBIG): each round removes more dependence, and the pushed data turns ' +
      'Gaussian. The KL to N(0, I), measured on held-out points, falls with the iterations.',
    equation: lines(
      'x \\;\\mapsto\\; Q_K\\,\\Psi_K\\bigl(\\cdots Q_1\\,\\Psi_1(x)\\bigr),\\quad \\Psi_k(v)_i = \\Phi^{-1}\\bigl(F_{k,i}(v_i)\\bigr)',
      '\\mathrm{KL}\\bigl(f_\\#\\, p \\,\\|\\, \\mathcal{N}(0, I)\\bigr) \\to 0',
    ),
    say:
      'Press Next iteration a few times and watch the KL and the total correlation fall. Then ' +
      'pick the empirical CDF: the held-out NLL rises as the stack overfits (a step-function CDF ' +
      'collapses the training points): the lesson of why flows are fitted with care.',
    view: { panel: 'gaussianize', state: { dataset: 'moons', iter: 8 }, highlight: HIGHLIGHT.stack },
  },
];

/** The number of tour steps (`?tour=` ranges over 1 … TOUR_LENGTH; 0 means no tour). */
export const TOUR_LENGTH = TOUR_STEPS.length;

/** "Step 3 of 10". */
export const tourPosition = (index: number): string => `Step ${index} of ${TOUR_LENGTH}`;
