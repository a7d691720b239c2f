/** Grid helpers for density frames. */
import { tf } from '../tf';
import type { GridSpec, LabGridCells } from './protocol';

/** Cells a side of the lab's density grid while training (cheap) and when idle (sharp). */
export const LIVE_GRID = 64;
export const IDLE_GRID = 128;

/** The grids asked for (integers 2…IDLE_GRID each), else the defaults. */
export function labGridCells(asked?: LabGridCells | null): LabGridCells {
  const pick = (n: unknown, fallback: number) => (Number.isInteger(n) && (n as number) >= 2 && (n as number) <= IDLE_GRID ? (n as number) : fallback);
  return { idle: pick(asked?.idle, IDLE_GRID), live: pick(asked?.live, LIVE_GRID) };
}

/** Cell-centre coordinates of a grid, row-major [ny·nx, 2], row 0 at y0. */
export function gridPoints(g: GridSpec): Float32Array {
  const pts = new Float32Array(g.nx * g.ny * 2);
  const dx = (g.x1 - g.x0) / g.nx;
  const dy = (g.y1 - g.y0) / g.ny;
  for (let r = 0; r < g.ny; r++)
    for (let c = 0; c < g.nx; c++) {
      const k = (r * g.nx + c) * 2;
      pts[k] = g.x0 + (c + 0.5) * dx;
      pts[k + 1] = g.y0 + (r + 0.5) * dy;
    }
  return pts;
}

export function withResolution(g: GridSpec, n: number): GridSpec {
  return { ...g, nx: n, ny: n };
}

/** Evaluates f on [N, 2] points in chunks (bounded memory on every backend); returns [N]. */
export async function evaluateInChunks(
  points: Float32Array,
  f: (x: tf.Tensor2D) => tf.Tensor1D,
  chunk = 8192,
): Promise<Float32Array> {
  const n = points.length / 2;
  const out = new Float32Array(n);
  const parts: tf.Tensor1D[] = [];
  for (let start = 0; start < n; start += chunk) {
    const end = Math.min(n, start + chunk);
    parts.push(tf.tidy(() => f(tf.tensor2d(points.subarray(start * 2, end * 2), [end - start, 2]))));
  }
  const all = tf.concat(parts);
  parts.forEach((p) => p.dispose());
  out.set((await all.data()) as Float32Array);
  all.dispose();
  return out;
}
