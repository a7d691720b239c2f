/**
 * The step-by-step panel's equations as KaTeX strings, with the live numbers of a trace
 * substituted (4 decimals). Conventions (core/flow/config.ts): one layer T maps
 * v ↦ w, w_i = (v_i − μ_i(v_<i))·e^{−α_i(v_<i)} in one pass; T⁻¹ is sequential,
 * v_i = w_i·e^{α_i(v_<i)} + μ_i(v_<i). A MAF's density is T (its network reads x); an IAF
 * samples with T (its network reads z): the same network, run the other way (the panel fits
 * each kind on its own, so the two have different weights).
 *   MAF: log p(x) = Σ log N(z_i) − Σ α_i(x_<i)      IAF: log p(x) = Σ log N(z_i) + Σ α_i(z_<i)
 */
import type { FlowKind } from '../core/flow/config';
import type { LayerTrace, TraceStep } from '../core/flow/trace';

export type Name = 'z' | 'x';
export type Direction = 'sample' | 'invert';

/** What an equation needs to know about the walk. */
export interface EquationContext {
  kind: FlowKind;
  direction: Direction;
  layer: LayerTrace;
  /** The layer's input and output names (z → x when sampling). */
  input: Name;
  output: Name;
}

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** A number with 4 decimals ("-0.0000" shown as "0.0000"). */
export function num(v: number): string {
  const text = v.toFixed(4);
  return text === '-0.0000' ? '0.0000' : text;
}

/** A number as a factor: parenthesised when negative. */
const factor = (v: number) => (num(v).startsWith('-') ? `(${num(v)})` : num(v));
/** "+ 1.2345" or "- 1.2345", for a term added to what precedes it. */
const plus = (v: number) => (num(v).startsWith('-') ? `- ${num(v).slice(1)}` : `+ ${num(v)}`);
const sub = (name: string, i: number) => `${name}_{${i + 1}}`;

/** log N(z; 0, 1) of one coordinate. */
const logNormal = (z: number): number => -0.5 * z * z - HALF_LOG_2PI;

/** The reader side of the network: x for a MAF, z for an IAF. */
const reader = (kind: FlowKind): Name => (kind === 'maf' ? 'x' : 'z');

/** The general update rule of the walked direction. */
export function ruleTex(ctx: EquationContext): string {
  const { input: i, output: o } = ctx;
  const r = reader(ctx.kind);
  const cond = `(${r}_{<i})`;
  return ctx.layer.direction === 'sequential'
    ? `${o}_i = ${i}_i\\,e^{\\alpha_i${cond}} + \\mu_i${cond}`
    : `${o}_i = \\bigl(${i}_i - \\mu_i${cond}\\bigr)\\,e^{-\\alpha_i${cond}}`;
}

/** log p(x) as the flow computes it, with the sign of Σα this flow kind has. */
export function densityRuleTex(kind: FlowKind): string {
  const r = reader(kind);
  return `\\log p(x) = \\sum_i \\log\\mathcal{N}(z_i;0,1) ${kind === 'maf' ? '-' : '+'} \\sum_i \\alpha_i(${r}_{<i})`;
}

/** The network pass of a step: what it reads and the μ, α it gives. */
export function networkTex(ctx: EquationContext, step: TraceStep): string {
  const r = reader(ctx.kind);
  const order = ctx.layer.steps.flatMap((s) => s.variables);
  if (ctx.layer.direction === 'parallel') {
    const all = order.map((i) => sub(r, i)).join(', ');
    return `(\\mu, \\alpha) = \\mathrm{MADE}(${all}) \\quad\\text{one pass, every } i`;
  }
  const i = step.variables[0];
  const seen = order.slice(0, step.pass - 1).map((j) => sub(r, j));
  const args = seen.length > 0 ? seen.join(', ') : '\\varnothing';
  return `(\\mu_{${i + 1}}, \\alpha_{${i + 1}}) = \\mathrm{MADE}(${args}) = (${num(step.mu[0])},\\ ${num(step.alpha[0])})`;
}

/** The update of the j-th variable of a step, with its numbers. */
export function updateTex(ctx: EquationContext, step: TraceStep, j: number): string {
  const i = step.variables[j];
  const inValue = ctx.layer.input[i];
  const [mu, alpha, value] = [step.mu[j], step.alpha[j], step.values[j]];
  const [o, v] = [sub(ctx.output, i), sub(ctx.input, i)];
  const [m, a] = [`\\mu_{${i + 1}}`, `\\alpha_{${i + 1}}`];
  if (ctx.layer.direction === 'sequential') {
    return `${o} = ${v}\\,e^{${a}} + ${m} = ${factor(inValue)}\\cdot e^{${num(alpha)}} ${plus(mu)} = ${num(value)}`;
  }
  return `${o} = (${v} - ${m})\\,e^{-${a}} = (${num(inValue)} ${plus(-mu)})\\cdot e^{${num(-alpha)}} = ${num(value)}`;
}

/**
 * log p(x) of a one-layer flow built term by term, one term [log N(z_i) ∓ α_i] per variable
 * computed so far (z_i is the base coordinate: given when sampling, computed when inverting).
 */
export function logDensityTermsTex(
  ctx: EquationContext,
  position: number,
): { tex: string; sum: number } {
  const steps = ctx.layer.steps.slice(0, position);
  const sign = ctx.kind === 'maf' ? -1 : 1;
  const terms: string[] = [];
  let sum = 0;
  for (const step of steps) {
    step.variables.forEach((i, j) => {
      const z = ctx.direction === 'sample' ? ctx.layer.input[i] : step.values[j];
      const term = logNormal(z) + sign * step.alpha[j];
      sum += term;
      terms.push(`(${num(logNormal(z))} ${plus(sign * step.alpha[j])})`);
    });
  }
  const total = ctx.layer.steps.reduce((n, s) => n + s.variables.length, 0);
  if (terms.length === 0) return { tex: '\\log p(x) = \\cdots', sum: 0 };
  if (terms.length < total)
    return {
      tex: `\\log p(x) = ${terms.join(' + ')} + \\cdots \\quad (\\text{so far } ${num(sum)})`,
      sum,
    };
  return { tex: `\\log p(x) = ${terms.join(' + ')} = ${num(sum)}`, sum };
}

/** A stack layer's log|det ∂out/∂in| built term by term (±α_i), as the trace accumulates it. */
export function layerLogDetTex(
  ctx: EquationContext,
  position: number,
  layerNumber: number,
): string {
  const sign = ctx.layer.direction === 'sequential' ? 1 : -1;
  const terms = ctx.layer.steps
    .slice(0, position)
    .flatMap((s) => s.alpha.map((a) => num(sign * a)));
  const lhs = `\\log\\lvert\\det \\partial ${ctx.output}/\\partial ${ctx.input}\\rvert_{\\text{layer }${layerNumber}}`;
  if (terms.length === 0) return `${lhs} = \\cdots`;
  const running = ctx.layer.steps[position - 1].logDet;
  const done = position === ctx.layer.steps.length;
  const sum = terms.map((t, k) => (k === 0 ? t : plus(Number(t)))).join(' ');
  return done
    ? `${lhs} = ${sum} = ${num(running)}`
    : `${lhs} = ${sum} + \\cdots \\quad (\\text{so far } ${num(running)})`;
}

/** The whole flow's log p(x) = Σ log N(z_i) + log|det ∂z/∂x| (a stack of K layers). */
export function flowDensityTex(logBase: number, logDetDensity: number, logProb: number): string {
  return `\\log p(x) = \\sum_i \\log\\mathcal{N}(z_i) + \\log\\lvert\\det \\partial z/\\partial x\\rvert = ${num(logBase)} ${plus(logDetDensity)} = ${num(logProb)}`;
}

/**
 * The IAF convention the panel uses (the literal swap of x and z in the MAF's layer) and the
 * form papers usually write; the two are the same family with μ, α renamed
 * (μ' = −μ·e^{−α}, α' = −α).
 */
export const IAF_CONVENTION = {
  here: 'x_i = \\bigl(z_i - \\mu_i(z_{<i})\\bigr)\\,e^{-\\alpha_i(z_{<i})},\\quad \\log q(x) = \\sum_i \\log\\mathcal{N}(z_i;0,1) + \\sum_i \\alpha_i',
  paper: 'x_i = z_i\\,e^{\\alpha_i(z_{<i})} + \\mu_i(z_{<i}),\\quad \\log q(x) = \\sum_i \\log\\mathcal{N}(z_i;0,1) - \\sum_i \\alpha_i',
} as const;
