/**
 * Point CSVs: one point per row, `x1,x2,…`, an optional header row, `#` comments. Parsing
 * names the first problem (line and value), so a bad file is refused with a useful message.
 * Only a first row with no number-like cell at all is a header: `NaN,1` or `inf,2` is a data
 * row with a non-finite value (an error), never a header, so output rows stay aligned with
 * input rows. Values must be finite in float32, the arithmetic of every engine.
 */
import type { PointSet } from './types';
import { FLOAT32_RANGE } from './validation';

export class PointsCsvError extends Error {
  override name = 'PointsCsvError';
}

/** Most rows a CSV may hold (far beyond any toy data set; guards against huge files). */
const MAX_CSV_ROWS = 1_000_000;

/** A cell that reads as a number, finite or not (`1e3`, `-.5`, `NaN`, `inf`, `-Infinity`). */
const NUMBER_LIKE = /^[+-]?((\d+\.?\d*|\.\d+)(e[+-]?\d+)?|nan|inf|infinity)$/i;

function shown(cell: string): string {
  return cell.length > 30 ? `${cell.slice(0, 30)}…` : cell;
}

/** Parses CSV text into points of dimension `dim` ([n, dim] row-major). Throws PointsCsvError. */
export function parsePointsCsv(text: string, dim: number, source = 'input'): PointSet {
  if (typeof text !== 'string') throw new PointsCsvError(`${source}: not text`);
  const lines = text.split(/\r?\n/);
  const firstContent = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  const rows: number[][] = [];
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const cells = trimmed.split(',').map((c) => c.trim());
    if (index === firstContent && cells.every((c) => !NUMBER_LIKE.test(c)) && cells.some((c) => c !== '')) {
      return; // a header row: no cell reads as a number
    }
    if (cells.length !== dim) {
      throw new PointsCsvError(`${source}, line ${index + 1}: expected ${dim} values, got ${cells.length}`);
    }
    const values = cells.map(Number);
    const bad = values.findIndex((v, k) => cells[k] === '' || !Number.isFinite(v));
    if (bad >= 0) throw new PointsCsvError(`${source}, line ${index + 1}: "${shown(cells[bad])}" is not a finite number`);
    const huge = values.findIndex((v) => !Number.isFinite(Math.fround(v)));
    if (huge >= 0)
      throw new PointsCsvError(`${source}, line ${index + 1}: "${shown(cells[huge])}" is outside the float32 range ${FLOAT32_RANGE}`);
    if (rows.length >= MAX_CSV_ROWS) throw new PointsCsvError(`${source}: more than ${MAX_CSV_ROWS} rows`);
    rows.push(values);
  });
  if (rows.length === 0) throw new PointsCsvError(`${source}: no data rows`);
  const data = new Float32Array(rows.length * dim);
  rows.forEach((r, i) => data.set(r, i * dim));
  return { data, n: rows.length, dim };
}

/** Formats rows of `dim` values ([n, dim] row-major) as CSV with a header `prefix1,…`. */
export function formatPointsCsv(values: ArrayLike<number>, dim: number, prefix = 'x'): string {
  const header = Array.from({ length: dim }, (_, j) => `${prefix}${j + 1}`).join(',');
  const lines = [header];
  for (let i = 0; i < Math.floor(values.length / dim); i++) {
    const row: string[] = [];
    for (let j = 0; j < dim; j++) row.push(String(values[i * dim + j]));
    lines.push(row.join(','));
  }
  return lines.join('\n') + '\n';
}
