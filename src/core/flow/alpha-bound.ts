/** Bounded log-scale α = B·tanh(a/B): one layer scales by at most e^B (config.ts, transform.ts). */
export function boundAlpha(a: number, bound: number): number {
  return bound * Math.tanh(a / bound);
}
