/**
 * Counts in messages with the right noun form: "1 point", "2 points", "0 points".
 * `noun` gives the word alone, for counts formatted otherwise (e.g. with digit grouping).
 */
export function noun(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}

/** "1 step", "3 steps"; `many` for irregular plurals ("1 matrix", "2 matrices"). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${noun(count, one, many)}`;
}
