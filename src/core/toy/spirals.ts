/** Spiral-shaped toy sets of FFJORD toy_data.py: pinwheel, 2spirals, swissroll. Rows shuffled. */
import type { PointSet, Rng } from '../types';
import { assertCount, pointSetFromRows, shuffleRows } from './point-set';

/**
 * pinwheel: 5 arms. Point i belongs to arm k = i mod 5 (FFJORD uses ⌊n/5⌋ per arm and may
 * return fewer than n; we return exactly n). Features f₀ = 1 + 0.3·N, f₁ = 0.1·N (radial and
 * tangential spread); angle a = 2πk/5 + 0.25·e^{f₀}; the point is the row vector f times the
 * rotation [[cos a, −sin a], [sin a, cos a]], i.e. (f₀ cos a + f₁ sin a, −f₀ sin a + f₁ cos a);
 * then ×2. [n, 2].
 */
export function samplePinwheel(n: number, rng: Rng): PointSet {
  assertCount(n);
  const arms = 5;
  const rows = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const f0 = 1 + 0.3 * rng.normal();
    const f1 = 0.1 * rng.normal();
    const angle = (2 * Math.PI * (i % arms)) / arms + 0.25 * Math.exp(f0);
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    rows[2 * i] = 2 * (f0 * c + f1 * s);
    rows[2 * i + 1] = 2 * (-f0 * s + f1 * c);
  }
  shuffleRows(rows, n, 2, rng);
  return pointSetFromRows(rows, 2);
}

/**
 * 2spirals: ⌈n/2⌉ base points with s = √U · 540 · 2π/360 (up to 3π),
 * (−s cos s + 0.5·U′, s sin s + 0.5·U″); the other ⌊n/2⌋ rows are the negated base points
 * (the second arm). All ÷3, then + N(0, 0.1² I). [n, 2].
 */
export function sampleTwoSpirals(n: number, rng: Rng): PointSet {
  assertCount(n);
  const base = Math.ceil(n / 2);
  const rows = new Float64Array(2 * n);
  const maxTurn = (540 * 2 * Math.PI) / 360;
  for (let i = 0; i < base; i++) {
    const s = Math.sqrt(rng.uniform()) * maxTurn;
    rows[2 * i] = -Math.cos(s) * s + 0.5 * rng.uniform();
    rows[2 * i + 1] = Math.sin(s) * s + 0.5 * rng.uniform();
  }
  for (let i = base; i < n; i++) {
    rows[2 * i] = -rows[2 * (i - base)];
    rows[2 * i + 1] = -rows[2 * (i - base) + 1];
  }
  for (let i = 0; i < 2 * n; i++) rows[i] = rows[i] / 3 + 0.1 * rng.normal();
  shuffleRows(rows, n, 2, rng);
  return pointSetFromRows(rows, 2);
}

/**
 * swissroll: sklearn make_swiss_roll(noise = 1) seen from above: t = 1.5π(1 + 2U),
 * (t cos t, t sin t) + N(0, I), then ÷5. [n, 2].
 */
export function sampleSwissRoll(n: number, rng: Rng): PointSet {
  assertCount(n);
  const rows = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const t = 1.5 * Math.PI * (1 + 2 * rng.uniform());
    rows[2 * i] = (t * Math.cos(t) + rng.normal()) / 5;
    rows[2 * i + 1] = (t * Math.sin(t) + rng.normal()) / 5;
  }
  return pointSetFromRows(rows, 2);
}
