/**
 * The mask of an invertible k×k convolution (each output sees only
 * earlier pixels in raster order and, at its own pixel, earlier channels), as data.
 *
 * Kernel layout [k, k, C_in, C_out] (tfjs conv2d HWIO), 'same' zero padding p = (k − 1)/2,
 * cross-correlation: y[i, j, c] = Σ_{a, b, c'} K[a, b, c', c] · x[i + a − p, j + b − p, c'].
 * With dy = a − p, dx = b − p the input cell (i + dy, j + dx, c') is visible to the output
 * cell (i, j, c) only when it comes earlier in raster-then-channel order:
 *   dy < 0,  or  dy = 0 and dx < 0,  or  (dy, dx) = (0, 0) and c' < c   ('earlier'),
 * plus the cell itself, (0, 0) and c' = c, whose weight is forced positive ('diagonal').
 * Everything else is 'masked' (exactly zero). The Jacobian ∂y/∂x is then lower triangular in
 * raster-then-channel order with the diagonal weights on its diagonal.
 */

export type MaskKind = 'earlier' | 'diagonal' | 'masked';

/** Size of the masked kernel: k × k taps (k odd) and C channels in and out. */
export interface KernelShape {
  kernelSize: number;
  channels: number;
}

/** One unmasked off-diagonal weight: kernel position (a, b), offset (dy, dx), channels. */
export interface KernelTap {
  /** Flat index into the [k, k, C, C] kernel. */
  index: number;
  dy: number;
  dx: number;
  cin: number;
  cout: number;
}

/** Flat index ((a·k + b)·C + c_in)·C + c_out of a weight in the HWIO kernel. */
export function kernelIndex(
  shape: KernelShape,
  a: number,
  b: number,
  cin: number,
  cout: number,
): number {
  const { kernelSize: k, channels: C } = shape;
  return ((a * k + b) * C + cin) * C + cout;
}

/** Number of weights k·k·C·C. */
export function kernelLength(shape: KernelShape): number {
  return shape.kernelSize * shape.kernelSize * shape.channels * shape.channels;
}

function padding(shape: KernelShape): number {
  if (shape.kernelSize % 2 !== 1) throw new Error('the masked kernel needs an odd size');
  return (shape.kernelSize - 1) / 2;
}

/** What the mask does to weight K[a, b, c_in, c_out]. */
export function maskKind(
  shape: KernelShape,
  a: number,
  b: number,
  cin: number,
  cout: number,
): MaskKind {
  const p = padding(shape);
  const dy = a - p;
  const dx = b - p;
  if (dy < 0 || (dy === 0 && dx < 0)) return 'earlier';
  if (dy === 0 && dx === 0) {
    if (cin < cout) return 'earlier';
    if (cin === cout) return 'diagonal';
  }
  return 'masked';
}

/** Calls visit(a, b, c_in, c_out, flatIndex) for every weight, in flat-index order. */
function forEachWeight(
  shape: KernelShape,
  visit: (a: number, b: number, cin: number, cout: number, index: number) => void,
): void {
  const { kernelSize: k, channels: C } = shape;
  let index = 0;
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++)
      for (let cin = 0; cin < C; cin++)
        for (let cout = 0; cout < C; cout++) visit(a, b, cin, cout, index++);
}

/** 1 for the 'earlier' weights, 0 for the diagonal and the masked ones; [k, k, C, C]. */
export function earlierMask(shape: KernelShape): Float32Array {
  const mask = new Float32Array(kernelLength(shape));
  forEachWeight(shape, (a, b, cin, cout, i) => {
    mask[i] = maskKind(shape, a, b, cin, cout) === 'earlier' ? 1 : 0;
  });
  return mask;
}

/** 1 at the diagonal weights K[p, p, c, c], 0 elsewhere; [k, k, C, C]. */
export function diagonalSelector(shape: KernelShape): Float32Array {
  const sel = new Float32Array(kernelLength(shape));
  forEachWeight(shape, (a, b, cin, cout, i) => {
    sel[i] = maskKind(shape, a, b, cin, cout) === 'diagonal' ? 1 : 0;
  });
  return sel;
}

/** The mask kind of every weight, [k, k, C, C] flat, for drawing the kernel. */
export function maskKinds(shape: KernelShape): MaskKind[] {
  const kinds: MaskKind[] = [];
  forEachWeight(shape, (a, b, cin, cout) => kinds.push(maskKind(shape, a, b, cin, cout)));
  return kinds;
}

/** Every 'earlier' weight as a tap (offset and channels), in flat-index order. */
export function earlierTaps(shape: KernelShape): KernelTap[] {
  const p = padding(shape);
  const taps: KernelTap[] = [];
  forEachWeight(shape, (a, b, cin, cout, index) => {
    if (maskKind(shape, a, b, cin, cout) === 'earlier')
      taps.push({ index, dy: a - p, dx: b - p, cin, cout });
  });
  return taps;
}

/** The flat index of the diagonal weight K[p, p, c, c] of channel c. */
export function diagonalIndex(shape: KernelShape, channel: number): number {
  const p = padding(shape);
  return kernelIndex(shape, p, p, channel, channel);
}
