/**
 * Receptive fields of stacked masked convolutions (structural: every unmasked weight counted
 * as non-zero). One layer lets output cell (i, j, c) see itself and its earlier taps; L layers
 * see everything reachable in L such hops. Because every hop goes to an earlier cell (or
 * stays), the field never contains a later cell, but it does not fill all earlier cells
 * either: with a 3×3 kernel the cells up and to the right, (i − a, j + b) with b > a, are
 * never reached. That unreachable wedge of earlier cells is the blind spot.
 */
import { cellAt, type ImageCell } from './image';
import { earlierTaps, type KernelShape } from './mask';

/** Image size and kernel shape a receptive field is computed on. */
export interface FieldGeometry extends KernelShape {
  height: number;
  width: number;
}

/** Kernel 3×3 on RGB, the panel's layer. */
export function rgbGeometry(height: number, width: number): FieldGeometry {
  return { height, width, kernelSize: 3, channels: 3 };
}

/**
 * For every input cell, the fewest stacked layers through which output cell (row, col,
 * channel) depends on it: 0 for the cell itself, L ≥ 1 for others, −1 if not reached within
 * `layers`. Flat [H·W·C] in raster-then-channel order.
 */
export function receptiveFieldDepths(
  row: number,
  col: number,
  channel: number,
  layers: number,
  geometry: FieldGeometry,
): Int32Array {
  const { height: H, width: W, channels: C } = geometry;
  const taps = earlierTaps(geometry);
  const depth = new Int32Array(H * W * C).fill(-1);
  let frontier = [(row * W + col) * C + channel];
  depth[frontier[0]] = 0;
  for (let L = 1; L <= layers && frontier.length > 0; L++) {
    const next: number[] = [];
    for (const cell of frontier) {
      const { row: i, col: j, channel: c } = cellAt(cell, W, C);
      for (const tap of taps) {
        if (tap.cout !== c) continue;
        const r = i + tap.dy;
        const q = j + tap.dx;
        if (r < 0 || r >= H || q < 0 || q >= W) continue;
        const input = (r * W + q) * C + tap.cin;
        if (depth[input] !== -1) continue;
        depth[input] = L;
        next.push(input);
      }
    }
    frontier = next;
  }
  return depth;
}

/**
 * The input cells output cell (row, col, channel) depends on through `layers` stacked masked
 * layers, itself included, in raster-then-channel order.
 */
export function receptiveField(
  row: number,
  col: number,
  channel: number,
  layers: number,
  geometry: FieldGeometry,
): ImageCell[] {
  const depth = receptiveFieldDepths(row, col, channel, layers, geometry);
  const cells: ImageCell[] = [];
  depth.forEach((d, k) => {
    if (d >= 0) cells.push(cellAt(k, geometry.width, geometry.channels));
  });
  return cells;
}

/**
 * The blind spot: cells earlier than (row, col, channel) in raster-then-channel order that
 * `layers` stacked layers still do not reach. The layers could depend on these cells without
 * breaking invertibility, but the masked kernel gives them no path.
 */
export function blindSpot(
  row: number,
  col: number,
  channel: number,
  layers: number,
  geometry: FieldGeometry,
): ImageCell[] {
  const depth = receptiveFieldDepths(row, col, channel, layers, geometry);
  const self = (row * geometry.width + col) * geometry.channels + channel;
  const cells: ImageCell[] = [];
  for (let k = 0; k < self; k++) {
    if (depth[k] < 0) cells.push(cellAt(k, geometry.width, geometry.channels));
  }
  return cells;
}
