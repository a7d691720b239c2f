/**
 * Which params of a session can change while it trains. A *live* param (learning rate, batch
 * size) is applied on the next training step: no rebuild, the loss curve and the trained
 * weights stay. A *rebuild* param (architecture, data, flow, seed) needs a new model. Pausing
 * is a command, not a param: it too takes effect before the next step and keeps everything.
 *
 * Each session declares its table once (session-params.ts); the worker session and the
 * page's controller both read it from there.
 */
export type ParamEffect = 'live' | 'rebuild';

/** Every param of P, with its effect. */
export type ParamTable<P> = { readonly [K in keyof P]-?: ParamEffect };

/**
 * `table` as a ParamTable<P> when it names exactly the params of P, else `never` (so a table
 * that misses or adds a param does not compile where it is bound to its session's params).
 */
export type TableFor<P, T> = [keyof T] extends [keyof P] ? ([keyof P] extends [keyof T] ? ParamTable<P> : never) : never;

export interface ParamChanges<P> {
  /** Changed params that need a new model (every param when there was none). */
  rebuild: (keyof P)[];
  /** Changed params applied on the next step. */
  live: (keyof P)[];
}

/** The params that differ between `before` (null: nothing built yet) and `after`, by effect. */
export function paramChanges<P extends object>(table: ParamTable<P>, before: P | null, after: P): ParamChanges<P> {
  const keys = Object.keys(table) as (keyof P)[];
  if (!before) return { rebuild: keys, live: [] };
  const changed = keys.filter((k) => !Object.is(before[k], after[k]));
  return {
    rebuild: changed.filter((k) => table[k] === 'rebuild'),
    live: changed.filter((k) => table[k] === 'live'),
  };
}

/** The params of one effect, in the table's order. */
export function paramsOf<P>(table: ParamTable<P>, effect: ParamEffect): (keyof P)[] {
  return (Object.keys(table) as (keyof P)[]).filter((k) => table[k] === effect);
}
