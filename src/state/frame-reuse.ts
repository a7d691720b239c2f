/**
 * A new lab frame with the parts that did not change since the previous one replaced by the
 * previous frame's objects. Frames arrive from the worker as fresh copies, so without this the
 * true density and the data samples, which do not change while training, would be recomputed
 * and redrawn by every memoised plot on every frame.
 */
import type { LabFrame } from '../compute/lab/protocol';

/** Same length and the same values (NaN equal to NaN, as Object.is). */
export function sameValues(a: ArrayLike<number> | null, b: ArrayLike<number> | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

const sameGrid = (a: LabFrame['grid'], b: LabFrame['grid']) =>
  a.x0 === b.x0 && a.x1 === b.x1 && a.y0 === b.y0 && a.y1 === b.y1 && a.nx === b.nx && a.ny === b.ny;

export function reuseUnchanged(previous: LabFrame | null, next: LabFrame): LabFrame {
  if (!previous) return next;
  return {
    ...next,
    grid: sameGrid(previous.grid, next.grid) ? previous.grid : next.grid,
    trueLogDensity: sameValues(previous.trueLogDensity, next.trueLogDensity) ? previous.trueLogDensity : next.trueLogDensity,
    dataSamples: sameValues(previous.dataSamples, next.dataSamples) ? previous.dataSamples : next.dataSamples,
  };
}
