/** Whether a drawing changed (which preset fits is lab-flow.ts's presetLabWeights). */
/** Whether two drawings hold the same points (the page sends a fresh copy on every configure). */
export function samePoints(a: ArrayLike<number> | null | undefined, b: ArrayLike<number> | null | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
