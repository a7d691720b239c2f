/** Shared axis drawing of the canvas line charts (loss curve, cost plot). */

/** What a y tick needs here: its pixel row and its label (loss-curve's Tick has these). */
export interface GridTick {
  px: number;
  label: string;
}

export interface PlotBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * Sets the chart's text style, then draws a horizontal grid line and a right-aligned label
 * for every y tick. Leaves textAlign 'center' and textBaseline 'top' for the x labels.
 */
export function drawYGrid(
  ctx: CanvasRenderingContext2D,
  plot: PlotBox,
  yTicks: readonly GridTick[],
  textColor: string,
  gridColor: string,
): void {
  ctx.font = '11px system-ui, sans-serif';
  ctx.lineWidth = 1;
  ctx.strokeStyle = gridColor;
  ctx.fillStyle = textColor;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const tick of yTicks) {
    ctx.beginPath();
    ctx.moveTo(plot.left, tick.px);
    ctx.lineTo(plot.right, tick.px);
    ctx.stroke();
    ctx.fillText(tick.label, plot.left - 6, tick.px);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
}
