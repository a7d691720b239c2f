/** Command-line flag parsing with validation: every problem becomes a one-line UsageError. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Results that are not all finite, refused (exit 3) unless --allow-nonfinite. */
export class NonFiniteResultError extends Error {
  override name = 'NonFiniteResultError';
}

export type Flags = Map<string, string>;

/**
 * Parses `--name value` pairs (and `--name=value`) and bare `--switch`es (value "true");
 * positional arguments are not allowed. Every unknown flag is an error naming it.
 */
export function parseFlags(argv: readonly string[], known: readonly string[], switches: readonly string[] = []): Flags {
  const flags: Flags = new Map();
  const all = [...known, ...switches];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (!all.includes(name)) throw new UsageError(`unknown option --${name} (expected one of: ${all.map((k) => `--${k}`).join(', ')})`);
    if (flags.has(name)) throw new UsageError(`--${name} given twice`);
    if (switches.includes(name)) {
      if (eq > 0) throw new UsageError(`--${name} takes no value`);
      flags.set(name, 'true');
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    flags.set(name, value);
  }
  return flags;
}

export function requireFlag(flags: Flags, name: string): string {
  const v = flags.get(name);
  if (v === undefined) throw new UsageError(`missing --${name}`);
  return v;
}

/** A decimal number as typed (no empty string, hex or "Infinity", which Number() would accept). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function intFlag(flags: Flags, name: string, fallback: number, lo: number, hi: number): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const v = DECIMAL.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(v) || v < lo || v > hi) throw new UsageError(`--${name} must be an integer in ${lo}..${hi}, got "${raw}"`);
  return v;
}

export function numberFlag(flags: Flags, name: string, fallback: number, lo: number, hi: number): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const v = DECIMAL.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(v) || v < lo || v > hi) throw new UsageError(`--${name} must be a number in ${lo}..${hi}, got "${raw}"`);
  return v;
}

export function choiceFlag<T extends string>(flags: Flags, name: string, fallback: T, choices: readonly T[]): T {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  if (!(choices as readonly string[]).includes(raw)) throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got "${raw}"`);
  return raw as T;
}
