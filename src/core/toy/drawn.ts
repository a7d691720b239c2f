/**
 * User-drawn data. The training distribution of a drawing is the kernel density estimate
 * (KDE) around its m points: pick a drawn point uniformly, add N(0, jitter² I), so
 *
 *   p(x) = (1/m) Σ_j N(x; d_j, jitter² I),
 *
 * which `drawnLogDensity` evaluates exactly (O(m) per point).
 */
import type { PointSet, Rng } from '../types';
import { assertCount, createPointSet } from './point-set';

function assertDrawn(points: PointSet): void {
  if (!points || points.n === 0) {
    throw new Error('No drawn points yet: click or drag on the canvas to draw some data first.');
  }
  if (points.data.length !== points.n * points.dim) {
    throw new Error(
      `Drawn points: data has ${points.data.length} values, expected n·dim = ${points.n * points.dim}`,
    );
  }
  for (const v of points.data) {
    if (!Number.isFinite(v)) throw new Error('Drawn points contain a non-finite coordinate');
  }
}

function assertJitter(jitter: number): void {
  if (!(jitter >= 0 && Number.isFinite(jitter))) {
    throw new Error(`jitter must be a finite number ≥ 0, got ${jitter}`);
  }
}

/** n training points resampled from the drawing with N(0, jitter² I) noise, [n, dim]. */
export function drawnPointSet(points: PointSet, n: number, rng: Rng, jitter = 0.05): PointSet {
  assertDrawn(points);
  assertCount(n);
  assertJitter(jitter);
  const { dim } = points;
  const out = createPointSet(n, dim);
  for (let i = 0; i < n; i++) {
    const j = rng.int(points.n);
    for (let k = 0; k < dim; k++) {
      out.data[i * dim + k] = points.data[j * dim + k] + jitter * rng.normal();
    }
  }
  return out;
}

/**
 * A new 2-D PointSet: the existing points (null or empty for none) followed by `count` points
 * uniform in the disc of radius brushRadius around (cx, cy) (radius √U·R, angle 2πU′).
 */
export function addBrushPoints(
  existing: PointSet | null,
  cx: number,
  cy: number,
  brushRadius: number,
  count: number,
  rng: Rng,
): PointSet {
  if (existing && existing.n > 0 && existing.dim !== 2) {
    throw new Error(`Brush points are 2-D; the existing set has dim ${existing.dim}`);
  }
  if (!Number.isFinite(cx) || !Number.isFinite(cy)) throw new Error('Brush centre must be finite');
  if (!(brushRadius >= 0 && Number.isFinite(brushRadius))) {
    throw new Error(`brushRadius must be a finite number ≥ 0, got ${brushRadius}`);
  }
  assertCount(count, 'count');
  const before = existing ? existing.n : 0;
  const out = createPointSet(before + count, 2);
  if (existing && before > 0) out.data.set(existing.data.subarray(0, 2 * before));
  for (let i = before; i < before + count; i++) {
    const r = brushRadius * Math.sqrt(rng.uniform());
    const angle = 2 * Math.PI * rng.uniform();
    out.data[2 * i] = cx + r * Math.cos(angle);
    out.data[2 * i + 1] = cy + r * Math.sin(angle);
  }
  return out;
}

/** The exact log-density of `drawnPointSet`'s distribution (the KDE) at x (length dim). */
export function drawnLogDensity(points: PointSet, jitter = 0.05): (x: ArrayLike<number>) => number {
  assertDrawn(points);
  if (!(jitter > 0 && Number.isFinite(jitter))) {
    throw new Error(`jitter must be a finite number > 0 for a density, got ${jitter}`);
  }
  const { n, dim, data } = points;
  const logNormaliser = -Math.log(n) - 0.5 * dim * Math.log(2 * Math.PI * jitter * jitter);
  const inv2s2 = 1 / (2 * jitter * jitter);
  const terms = new Float64Array(n);
  return (x) => {
    let maxTerm = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < n; j++) {
      let sq = 0;
      for (let k = 0; k < dim; k++) sq += (x[k] - data[j * dim + k]) ** 2;
      terms[j] = -sq * inv2s2;
      if (terms[j] > maxTerm) maxTerm = terms[j];
    }
    if (!Number.isFinite(maxTerm)) return Number.NEGATIVE_INFINITY;
    let sum = 0;
    for (let j = 0; j < n; j++) sum += Math.exp(terms[j] - maxTerm);
    return maxTerm + Math.log(sum) + logNormaliser;
  };
}
