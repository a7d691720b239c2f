/**
 * Canvas drawing spread over separate tasks: a panel that redraws several canvases for one
 * new frame would otherwise draw (and the browser rasterise) all of them inside the task that
 * delivered the frame, one long main-thread task. Each canvas's latest request runs in a task
 * of its own, oldest first; a newer request for the same canvas replaces one not yet run, so a
 * canvas is never drawn twice for one batch of updates.
 */
type Draw = () => void;

const pending = new Map<object, Draw>();
let scheduled = false;

const nextTask: (run: () => void) => void =
  typeof MessageChannel === 'function'
    ? (() => {
        // A message task: not clamped like nested setTimeout(0).
        const channel = new MessageChannel();
        let queued: (() => void) | null = null;
        channel.port1.onmessage = () => {
          const run = queued;
          queued = null;
          run?.();
        };
        return (run: () => void) => {
          queued = run;
          channel.port2.postMessage(null);
        };
      })()
    : (run) => void setTimeout(run, 0);

function runOne(): void {
  scheduled = false;
  const first = pending.entries().next();
  if (first.done) return;
  const [key, draw] = first.value;
  pending.delete(key);
  if (pending.size > 0) schedule();
  draw();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  nextTask(runOne);
}

/** Runs `draw` in a task of its own soon, replacing a not-yet-run request for the same `key`. */
export function scheduleDraw(key: object, draw: Draw): void {
  pending.delete(key); // re-inserted at the end: the map keeps request order
  pending.set(key, draw);
  schedule();
}

/** Forgets a pending request (e.g. the canvas unmounted). */
export function cancelDraw(key: object): void {
  pending.delete(key);
}
