/**
 * How much each session has computed in this worker: one count per command and per training
 * slice. Browser tests read it (`sessionWork()`) to check that a hidden panel does no work.
 */
const counts = new Map<string, number>();

export function countWork(session: string): void {
  counts.set(session, (counts.get(session) ?? 0) + 1);
}

/** Commands and slices run so far, per session name. */
export function workCounts(): Record<string, number> {
  return Object.fromEntries(counts);
}
