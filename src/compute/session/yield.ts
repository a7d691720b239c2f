/**
 * Lets the messages queued for the worker (a Pause, a configure, a frame request) run, then
 * resolves: one task posted through a MessageChannel. Not setTimeout(0): browsers clamp a
 * timeout set from a timeout's callback chain to ≥ 4 ms once nested five deep (the HTML timers
 * rule, in workers too), so a training loop that yields after every ~60-ms slice idled for
 * 4 ms of each (the distillation's worker in Chromium: idle ≈ 6 % of the time while training;
 * docs/performance.md). Where there is no MessageChannel, a timeout.
 */
export function yieldToMessages(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
