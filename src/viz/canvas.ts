/** Canvas set-up shared by every drawing: a backing store sized by devicePixelRatio. */

/**
 * Sizes the canvas's backing store to cssWidth × cssHeight CSS pixels at the device pixel
 * ratio (capped at 3) and returns a context whose units are CSS pixels, cleared.
 */
export function prepareCanvas(
  canvas: HTMLCanvasElement,
  cssWidth: number,
  cssHeight: number,
  devicePixelRatio = globalThis.devicePixelRatio || 1,
): CanvasRenderingContext2D | null {
  const ratio = Math.min(3, Math.max(1, devicePixelRatio));
  const width = Math.max(1, Math.round(cssWidth * ratio));
  const height = Math.max(1, Math.round(cssHeight * ratio));
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, cssWidth, cssHeight);
  return ctx;
}
