/**
 * WGSL of the two programs that follow the row pass in a fused MAF training step.
 *
 * Parameter gradients (one thread per parameter, and one for the loss), from the workspace:
 *   ∂L/∂W_l[i, j] = M_l[i, j] · Σ_n act_{l−1}[n, i] · gpre_l[n, j]      ∂L/∂b_l[j] = Σ_n gpre_l[n, j]
 *   G[P] = L = −(1/N) Σ_n log p(x_n)
 * Inputs: work [N, R], maskv [P]. Output: G [P + 1].
 *
 * Adam (1 − β passed as uniforms, rounded as the CPU path rounds them) with global-norm clipping and a finiteness gate (gated-adam.ts), one workgroup of 256
 * threads over the flat state S = [θ | m | v | t | skipped]:
 *   ok = every g_p finite ∧ L finite ∧ ‖g‖ finite;   c = min(1, clip / (‖g‖ + 1e−12))
 *   ok:  m ← β₁m + (1−β₁)cg,  v ← β₂v + (1−β₂)(cg)²,  t ← t + 1,
 *        θ ← θ − η·√(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε)
 *   not ok: S unchanged except skipped ← skipped + 1.
 * Inputs: state S [3P + 2], grad G [P + 1]. Output: the new S.
 */
import type { FusedLayout } from './layout';

export function paramGradWgsl(layout: FusedLayout): string {
  const P = layout.paramCount;
  const R = layout.rowLength;
  const branches: string[] = [];
  for (const slots of layout.dense) {
    for (const s of slots) {
      branches.push(`if (index < ${s.bOff}) { local = index - ${s.wOff}; inCol = ${s.inCol}; gCol = ${s.gCol}; dout = ${s.dout}; isBias = false; }`);
      branches.push(`if (index < ${s.bOff + s.dout}) { local = index - ${s.bOff}; gCol = ${s.gCol}; isBias = true; }`);
    }
  }
  return `
fn main(index: i32) {
  let N = uniforms.workShape.x;
  if (index == ${P}) {
    var s = 0.0;
    for (var n = 0; n < N; n++) { s += work[n * ${R} + ${layout.logProbCol}]; }
    result[${P}] = -s / f32(N);
    return;
  }
  if (index > ${P}) { return; }
  var local = 0;
  var inCol = 0;
  var gCol = 0;
  var dout = 1;
  var isBias = false;
  ${branches.join('\n  else ')}
  var s = 0.0;
  if (isBias) {
    for (var n = 0; n < N; n++) { s += work[n * ${R} + gCol + local]; }
  } else if (maskv[index] != 0.0) {
    let i = local / dout;
    let j = local - i * dout;
    for (var n = 0; n < N; n++) { s += work[n * ${R} + inCol + i] * work[n * ${R} + gCol + j]; }
  }
  result[index] = s;
}`;
}

export const ADAM_THREADS = 256;

/** Uniform fields of the Adam program, in the order their values are passed. */
export const ADAM_UNIFORMS = 'lr : f32, beta1 : f32, beta2 : f32, eps : f32, clipNorm : f32, oneMinusBeta1 : f32, oneMinusBeta2 : f32,';

export function adamWgsl(paramCount: number): string {
  const P = paramCount;
  const T = ADAM_THREADS;
  return `
var<workgroup> partialSq: array<f32, ${T}>;
var<workgroup> partialBad: array<u32, ${T}>;
fn fl_finite(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) < 0x7f800000u; }
fn main(index: i32) {
  let tid = index;
  var sq = 0.0;
  var bad = 0u;
  for (var p = tid; p < ${P}; p += ${T}) {
    let g = grad[p];
    if (fl_finite(g)) { sq += g * g; } else { bad += 1u; }
  }
  partialSq[tid] = sq;
  partialBad[tid] = bad;
  workgroupBarrier();
  for (var stride = ${T / 2}; stride > 0; stride = stride / 2) {
    if (tid < stride) {
      partialSq[tid] += partialSq[tid + stride];
      partialBad[tid] += partialBad[tid + stride];
    }
    workgroupBarrier();
  }
  let norm = sqrt(partialSq[0]);
  let ok = partialBad[0] == 0u && fl_finite(grad[${P}]) && fl_finite(norm);
  let tOld = state[${3 * P}];
  let skipped = state[${3 * P + 1}];
  if (ok) {
    let c = min(1.0, uniforms.clipNorm / (norm + 1e-12));
    let t = tOld + 1.0;
    let b1 = uniforms.beta1;
    let b2 = uniforms.beta2;
    let stepSize = uniforms.lr * sqrt(1.0 - pow(b2, t)) / (1.0 - pow(b1, t));
    for (var p = tid; p < ${P}; p += ${T}) {
      let g = grad[p] * c;
      let m = b1 * state[${P} + p] + uniforms.oneMinusBeta1 * g;
      let v = b2 * state[${2 * P} + p] + uniforms.oneMinusBeta2 * g * g;
      result[p] = state[p] - stepSize * (m / (sqrt(v) + uniforms.eps));
      result[${P} + p] = m;
      result[${2 * P} + p] = v;
    }
    if (tid == 0) { result[${3 * P}] = t; result[${3 * P + 1}] = skipped; }
  } else {
    for (var p = tid; p < ${3 * P}; p += ${T}) { result[p] = state[p]; }
    if (tid == 0) { result[${3 * P}] = tOld; result[${3 * P + 1}] = skipped + 1.0; }
  }
}`;
}
