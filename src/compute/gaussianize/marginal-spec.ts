/**
 * A fitted 1-D marginal (core's MarginalCdf) as plain float32 arrays that the tfjs batch
 * transforms read: the kernel CDF's anchors and scales, or the empirical CDF's knots and
 * tails, plus a table of the map G(x) = Φ⁻¹(F(x)) on which every cell is smooth: the
 * starting bracket of the batched inverse (tf-marginal.ts) and the monotone Hermite
 * interpolant of the fast multi-layer path (tf-table.ts), out to |z| ≈ 37. Tables are built
 * with core's float64 evaluation, once per fitted marginal.
 */
import type { EmpiricalCdf } from '../../core/gaussianize/empirical-cdf';
import type { KernelCdf } from '../../core/gaussianize/kernel-cdf';
import type { MarginalCdf } from '../../core/gaussianize/marginal-types';
import {
  degaussianizeValue,
  gaussianizeValue,
  logAbsDerivative,
} from '../../core/gaussianize/marginal-gaussianization';

/**
 * Nodes x_j ascending with z_j = G(x_j) [T], and per cell j (between x_j and x_{j+1}) the
 * slopes G′ at its two ends [T − 1] (one-sided: G′ may jump at an empirical knot), limited
 * by Fritsch–Carlson so that the cubic Hermite interpolant through the nodes is monotone.
 */
export interface InverseTable {
  x: Float32Array;
  z: Float32Array;
  slopeStart: Float32Array;
  slopeEnd: Float32Array;
  /**
   * The cubic per cell in s = (x − x_j)/Δ_j: G = c₀ + c₁s + c₂s² + c₃s³ [T − 1] each, with
   * c₀ = z_j, c₁ = Δm⁰, c₂ = 3(z_{j+1} − z_j) − 2Δm⁰ − Δm¹, c₃ = 2(z_j − z_{j+1}) + Δm⁰ + Δm¹.
   */
  coefficients: [Float32Array, Float32Array, Float32Array, Float32Array];
}

export interface KernelSpec {
  kind: 'kernel';
  /** a_j [K]. */
  anchors: Float32Array;
  /** 1/h_j [K]. */
  inverseWidths: Float32Array;
  table: InverseTable;
}

export interface EmpiricalSpec {
  kind: 'empirical';
  /** Knots v_k [m] (m ≥ 2), their F = p_k and 1 − F = s_k (float64-exact complements). */
  knotX: Float32Array;
  knotP: Float32Array;
  knotS: Float32Array;
  /** log f on segment k = log((p_{k+1} − p_k)/(v_{k+1} − v_k)) [m − 1]. */
  segmentLogDensity: Float32Array;
  /** Exponential tails: log F = logMass + (x − v_1)/scale left, log S likewise right. */
  left: { x: number; logMass: number; scale: number };
  right: { x: number; logMass: number; scale: number };
  table: InverseTable;
}

export type MarginalSpec = KernelSpec | EmpiricalSpec;

/**
 * Kernel table: TABLE_POINTS values evenly spaced in z over ±TABLE_Z_MAX (fine where the
 * density is high) merged with as many evenly spaced in x over the same range (fine where it
 * is low, e.g. between two modes, where one z-cell spans a long stretch of x).
 */
const TABLE_POINTS = 129;
const TABLE_Z_MAX = 5.5;
/** Tail nodes out to core's clamp |z| ≈ 37 (TAIL_EPSILON = 1e−300). */
const FAR_TAIL_Z = [6, 6.5, 7, 7.5, 8, 9, 10, 12, 14, 17, 20, 24, 28, 32, 37];

/** G′(x) = f(x)/φ(G(x)) in float64. */
function slopeAt(cdf: MarginalCdf, x: number): number {
  return Math.exp(logAbsDerivative(cdf, x, gaussianizeValue(cdf, x)));
}

/** Float32 nodes, sorted and distinct, so that every cell has a width. */
function float32Nodes(nodes: ArrayLike<number>): Float32Array {
  return Float32Array.from(new Set(Float32Array.from(nodes))).sort();
}

/** End slopes of a cell relative to its secant, (α, β); Fritsch–Carlson wants α² + β² ≤ 9. */
function slopeRatios(cdf: MarginalCdf, x0: number, x1: number, z0: number, z1: number) {
  const width = x1 - x0;
  const secant = (z1 - z0) / width;
  // inside the cell by more than float32 rounding of its ends (a knot may round outwards)
  const inset = 1e-4 * width;
  return {
    secant,
    a: slopeAt(cdf, x0 + inset) / secant,
    b: slopeAt(cdf, x1 - inset) / secant,
  };
}

/** Most halvings of a cell; and the largest error of the cubic at a cell's midpoint. */
const REFINE_PASSES = 12;
const MIDPOINT_TOLERANCE = 1e-5;

function tableAt(cdf: MarginalCdf, nodes: ArrayLike<number>): InverseTable {
  let x = float32Nodes(nodes);
  const zCache = new Map<number, number>();
  const zAt = (value: number) => {
    let z = zCache.get(value);
    if (z === undefined) zCache.set(value, (z = gaussianizeValue(cdf, value)));
    return z;
  };
  // Halve cells that fail Fritsch–Carlson or where the cubic misses G at the midpoint by more
  // than the tolerance (e.g. Φ⁻¹ of a linear F over a wide cell in the tail). Beyond |z| = 6
  // (density < 1e−8 of the peak's) a coarser fit is enough.
  for (let pass = 0; pass < REFINE_PASSES; pass++) {
    const added: number[] = [];
    for (let j = 0; j + 1 < x.length; j++) {
      const z0 = zAt(x[j]);
      const z1 = zAt(x[j + 1]);
      const { a, b, secant } = slopeRatios(cdf, x[j], x[j + 1], z0, z1);
      const mid = 0.5 * (x[j] + x[j + 1]);
      // Hermite at s = ½: (z0 + z1)/2 + Δ(m⁰ − m¹)/8
      const cubic = 0.5 * (z0 + z1) + ((x[j + 1] - x[j]) * secant * (a - b)) / 8;
      const miss = Math.abs(cubic - gaussianizeValue(cdf, mid));
      const tolerance = Math.min(Math.abs(z0), Math.abs(z1)) > 6 ? 1e-2 : MIDPOINT_TOLERANCE;
      if (!(a * a + b * b <= 9) || !(miss <= tolerance)) added.push(mid);
    }
    const refined = float32Nodes([...x, ...added]);
    if (refined.length === x.length) break;
    x = refined;
  }
  const z64 = Float64Array.from(x, zAt);
  const cells = x.length - 1;
  const slopeStart = new Float32Array(cells);
  const slopeEnd = new Float32Array(cells);
  for (let j = 0; j < cells; j++) {
    const ratios = slopeRatios(cdf, x[j], x[j + 1], z64[j], z64[j + 1]);
    let { a, b } = ratios;
    if (!Number.isFinite(a) || !Number.isFinite(b)) a = b = 1;
    const size = Math.hypot(a, b);
    if (size > 3) [a, b] = [(3 * a) / size, (3 * b) / size];
    slopeStart[j] = a * ratios.secant;
    slopeEnd[j] = b * ratios.secant;
  }
  const coefficients = [0, 1, 2, 3].map(
    () => new Float32Array(cells),
  ) as InverseTable['coefficients'];
  for (let j = 0; j < cells; j++) {
    const width = x[j + 1] - x[j];
    const d0 = width * slopeStart[j];
    const d1 = width * slopeEnd[j];
    const rise = z64[j + 1] - z64[j];
    coefficients[0][j] = z64[j];
    coefficients[1][j] = d0;
    coefficients[2][j] = 3 * rise - 2 * d0 - d1;
    coefficients[3][j] = -2 * rise + d0 + d1;
  }
  return { x, z: Float32Array.from(z64), slopeStart, slopeEnd, coefficients };
}

export function marginalSpec(cdf: MarginalCdf): MarginalSpec {
  if (cdf.kind === 'kernel') {
    const kernel = cdf as KernelCdf;
    const xs: number[] = [];
    for (let j = 0; j < TABLE_POINTS; j++) {
      const z = -TABLE_Z_MAX + (2 * TABLE_Z_MAX * j) / (TABLE_POINTS - 1);
      xs.push(degaussianizeValue(kernel, z));
    }
    const [lo, hi] = [xs[0], xs[TABLE_POINTS - 1]];
    for (let j = 1; j < TABLE_POINTS - 1; j++) xs.push(lo + ((hi - lo) * j) / (TABLE_POINTS - 1));
    for (const z of FAR_TAIL_Z)
      xs.push(degaussianizeValue(kernel, -z), degaussianizeValue(kernel, z));
    return {
      kind: 'kernel',
      anchors: Float32Array.from(kernel.anchors),
      inverseWidths: Float32Array.from(kernel.anchorBandwidths, (h) => 1 / h),
      table: tableAt(kernel, xs),
    };
  }
  const empirical = cdf as EmpiricalCdf;
  const { knotX, knotP, leftScale, rightScale } = empirical;
  const m = knotX.length;
  if (m < 2) throw new Error('A batched empirical CDF needs at least two distinct values');
  const segmentLogDensity = new Float32Array(m - 1);
  for (let k = 0; k < m - 1; k++)
    segmentLogDensity[k] = Math.log((knotP[k + 1] - knotP[k]) / (knotX[k + 1] - knotX[k]));
  // Table: the knots (G is smooth between them) and points out into both exponential tails.
  // log F = log p_1 − t below the data: t up to 2^10 reaches core's clamp (|z| ≈ 37).
  const tails = Array.from({ length: 11 }, (_, i) => 2 ** i);
  const xs = [
    ...tails.map((t) => knotX[0] - t * leftScale).reverse(),
    ...knotX,
    ...tails.map((t) => knotX[m - 1] + t * rightScale),
  ];
  return {
    kind: 'empirical',
    knotX: Float32Array.from(knotX),
    knotP: Float32Array.from(knotP),
    knotS: Float32Array.from(knotP, (p) => 1 - p),
    segmentLogDensity,
    left: { x: knotX[0], logMass: Math.log(knotP[0]), scale: leftScale },
    right: { x: knotX[m - 1], logMass: Math.log(1 - knotP[m - 1]), scale: rightScale },
    table: tableAt(empirical, xs),
  };
}
