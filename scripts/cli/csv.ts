/** Reading and writing point CSVs: one point per row, `x1,x2,…`, an optional header row. */
import type { PointSet } from '../../src/core/types';
import { UsageError } from './args';

/** Parses CSV text into points of a fixed dimension; names the first bad line. */
export function parsePointsCsv(text: string, dim: number, source = 'input'): PointSet {
  const lines = text.split(/\r?\n/);
  const rows: number[][] = [];
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const cells = trimmed.split(',').map((c) => c.trim());
    if (rows.length === 0 && index === lines.findIndex((l) => l.trim() !== '') && cells.some((c) => c !== '' && Number.isNaN(Number(c)))) {
      return; // a header row
    }
    if (cells.length !== dim) throw new UsageError(`${source}, line ${index + 1}: expected ${dim} values, got ${cells.length}`);
    const values = cells.map(Number);
    const bad = values.findIndex((v, k) => cells[k] === '' || !Number.isFinite(v));
    if (bad >= 0) throw new UsageError(`${source}, line ${index + 1}: "${cells[bad]}" is not a finite number`);
    rows.push(values);
  });
  if (rows.length === 0) throw new UsageError(`${source}: no data rows`);
  const data = new Float32Array(rows.length * dim);
  rows.forEach((r, i) => data.set(r, i * dim));
  return { data, n: rows.length, dim };
}

/** Formats rows of `dim` values as CSV with a header `prefix1,…`. */
export function formatCsv(values: ArrayLike<number>, dim: number, prefix: string): string {
  const header = Array.from({ length: dim }, (_, j) => `${prefix}${j + 1}`).join(',');
  const lines = [header];
  for (let i = 0; i < values.length / dim; i++) {
    const row: string[] = [];
    for (let j = 0; j < dim; j++) row.push(String(values[i * dim + j]));
    lines.push(row.join(','));
  }
  return lines.join('\n') + '\n';
}
