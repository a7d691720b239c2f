/** Reading and writing point CSVs for the CLI: the app's parser (src/core/points-csv.ts), CLI errors. */
import { PointsCsvError, formatPointsCsv, parsePointsCsv as parseCsv } from '../../src/core/points-csv';
import type { PointSet } from '../../src/core/types';
import { UsageError } from './args';

/** Parses CSV text into points of a fixed dimension; names the first bad line. */
export function parsePointsCsv(text: string, dim: number, source = 'input'): PointSet {
  try {
    return parseCsv(text, dim, source);
  } catch (error) {
    if (error instanceof PointsCsvError) throw new UsageError(error.message);
    throw error;
  }
}

/** Formats rows of `dim` values as CSV with a header `prefix1,…`. */
export function formatCsv(values: ArrayLike<number>, dim: number, prefix: string): string {
  return formatPointsCsv(values, dim, prefix);
}
