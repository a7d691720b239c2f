/**
 * The one validation of user input shared by the app and the command-line tool: numbers that
 * must survive float32 (the arithmetic of every engine), strictly typed config fields, rows of
 * results that came out non-finite, points far outside the data view, and a model's
 * log-density on its own view grid. Every check returns or throws a message naming the place
 * (field, element, line or row) and the reason.
 */
import type { ViewBox } from './datasets';
import { plural } from './plural';

/** Largest finite float32, (2 − 2⁻²³)·2¹²⁷. */
export const FLOAT32_MAX = 3.4028234663852886e38;
export const FLOAT32_RANGE = '±3.4028235e38';

/** A short description of a JSON value for messages: `"3" (a string)`, `true (a boolean)`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (typeof value === 'string')
    return `${JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value)} (a string)`;
  if (typeof value === 'boolean') return `${value} (a boolean)`;
  if (Array.isArray(value)) return `an array of ${plural(value.length, 'element')}`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/**
 * Why a value cannot be a float32 input, or null when it can: it must be a number (JSON
 * `1e999` parses to Infinity, `"NaN"` is a string) that stays finite when rounded to float32.
 */
export function float32Problem(value: unknown): string | null {
  if (typeof value !== 'number') return `expected a number, got ${describeValue(value)}`;
  if (Number.isNaN(value)) return 'NaN is not a number';
  if (!Number.isFinite(value)) return `${value} is not finite`;
  if (!Number.isFinite(Math.fround(value)))
    return `${value} is outside the float32 range ${FLOAT32_RANGE}`;
  return null;
}

/** A config field that fails its check; `field` is its name, the message says why. */
export class FieldError extends Error {
  override name = 'FieldError';
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

/** An integer field in lo..hi; strings, booleans and arrays are refused, not coerced. */
export function checkInteger(value: unknown, field: string, lo: number, hi: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < lo || value > hi)
    throw new FieldError(field, `expected an integer in ${lo}..${hi}, got ${describeValue(value)}`);
  return value;
}

/** A number field in (lo, hi] (lo excluded); strings, booleans and arrays are refused. */
export function checkNumberAbove(value: unknown, field: string, lo: number, hi: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !(value > lo && value <= hi))
    throw new FieldError(field, `expected a number in (${lo}, ${hi}], got ${describeValue(value)}`);
  return value;
}

/** One of a few strings. */
export function checkChoice<T extends string>(
  value: unknown,
  field: string,
  choices: readonly T[],
): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value))
    throw new FieldError(
      field,
      `expected ${choices.map((c) => `"${c}"`).join(' or ')}, got ${describeValue(value)}`,
    );
  return value as T;
}

/** Indices (0-based) of the rows of a row-major [n, width] array holding a non-finite value. */
export function nonFiniteRows(values: ArrayLike<number>, width: number): number[] {
  const rows: number[] = [];
  const n = Math.floor(values.length / width);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < width; c++) {
      if (!Number.isFinite(values[r * width + c])) {
        rows.push(r);
        break;
      }
    }
  }
  return rows;
}

/** "rows 1, 5 and 7 of 200" (1-based), listing at most `shown` of them. */
export function describeRows(rows: readonly number[], total: number, shown = 8): string {
  const list = rows.slice(0, shown).map((r) => String(r + 1));
  const more = rows.length > shown ? `, … (${rows.length} in all)` : '';
  const joined =
    list.length > 1 && !more
      ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`
      : list.join(', ') + more;
  return `${rows.length === 1 ? 'row' : 'rows'} ${joined} of ${total}`;
}

/** What to do with 2-D points read from a file, given the data view they will be shown in. */
export type PointsVerdict =
  | { kind: 'ok' }
  /** Multiply every coordinate by `factor` (a power of ten) to bring the points into view. */
  | { kind: 'rescale'; factor: number; notice: string }
  | { kind: 'refuse'; reason: string };

/**
 * Points far outside the view would train a flow on values it cannot show (and whose
 * log-densities overflow the lab's plots). Points within twice the view's half-width are kept
 * as they are; points farther out are rescaled by a power of ten so that they fit, with a
 * notice saying so; points that rescaling would squeeze into one spot (a tight cluster far
 * from the origin) are refused.
 */
export function checkPointsInView(data: ArrayLike<number>, view: ViewBox): PointsVerdict {
  const n = Math.floor(data.length / 2);
  const half = Math.min(view.x1 - view.x0, view.y1 - view.y0) / 2;
  let maxAbs = 0;
  let outside = 0;
  for (let i = 0; i < n; i++) {
    const x = data[2 * i];
    const y = data[2 * i + 1];
    maxAbs = Math.max(maxAbs, Math.abs(x), Math.abs(y));
    if (x < view.x0 || x > view.x1 || y < view.y0 || y > view.y1) outside++;
  }
  // A few points just beyond the edge are fine; "far" means beyond twice the view's half-width.
  if (maxAbs <= 2 * half) return { kind: 'ok' };
  const exponent = Math.ceil(Math.log10(maxAbs / half));
  const factor = 10 ** -exponent;
  const where = `${plural(outside, 'point')} of ${n} lie outside the data view [${view.x0}, ${view.x1}] × [${view.y0}, ${view.y1}]`;
  // After rescaling, the points must still spread over a visible part of the view.
  let spread = 0;
  for (let i = 0; i < n; i++)
    spread = Math.max(
      spread,
      Math.abs(data[2 * i] - data[0]) * factor,
      Math.abs(data[2 * i + 1] - data[1]) * factor,
    );
  if (!(factor > 0) || spread < half / 50)
    return {
      kind: 'refuse',
      reason: `${where} (largest |value| ${maxAbs.toPrecision(3)}), and rescaling would squeeze them into one spot.`,
    };
  return {
    kind: 'rescale',
    factor,
    notice: `${where}, so every coordinate was multiplied by 1e${-exponent} (largest |value| ${maxAbs.toPrecision(3)} → ${(maxAbs * factor).toPrecision(3)}).`,
  };
}

/**
 * Why a model cannot be shown: its log-density on the view grid ([ny·nx] values) holds
 * non-finite values. The weights are finite (checked on load), so this is float32 overflow
 * in the layers (huge weights, shifts or scales). Null when every value is finite.
 */
export function densityGridProblem(
  logDensity: ArrayLike<number>,
  grid: ViewBox & { nx: number; ny: number },
): string | null {
  const bad = nonFiniteRows(logDensity, 1);
  if (bad.length === 0) return null;
  const k = bad[0];
  const x = grid.x0 + ((k % grid.nx) + 0.5) * ((grid.x1 - grid.x0) / grid.nx);
  const y = grid.y0 + (Math.floor(k / grid.nx) + 0.5) * ((grid.y1 - grid.y0) / grid.ny);
  const what = logDensity[k];
  return (
    `its log-density is ${Number.isNaN(what) ? 'NaN' : what} at ${plural(bad.length, 'point')} of the ${grid.nx}×${grid.ny} view grid ` +
    `(first at (${x.toFixed(2)}, ${y.toFixed(2)})): values inside its layers overflow float32 (${FLOAT32_RANGE}).`
  );
}
