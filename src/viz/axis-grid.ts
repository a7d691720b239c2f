/** Shared axis drawing of the canvas line charts (loss curve, cost plot). */
import { plotFont, type PlotStyle } from './style';
import { placeTickLabels } from './tick-labels';

/** What a tick needs here: its pixel position and its label (loss-curve's Tick has these). */
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

/** Width in px a tick label of `label` needs at `fontSize` (a generous estimate, for margins). */
function estimateLabelWidth(label: string, fontSize: number): number {
  return label.length * 0.62 * fontSize;
}

/**
 * Left margin that fits the widest y label right-aligned 6 px left of the plot (at least
 * `minimum`, scaled with the type size from 11 px).
 */
export function leftMarginFor(labels: readonly string[], fontSize: number, minimum: number): number {
  const widest = Math.max(0, ...labels.map((label) => estimateLabelWidth(label, fontSize)));
  return Math.ceil(Math.max((minimum * fontSize) / 11, widest + 10));
}

/**
 * Sets the chart's text style, then draws a horizontal grid line for every y tick and a
 * right-aligned label for as many as fit one above the other. Leaves textAlign 'center' and
 * textBaseline 'top' for the x labels.
 */
export function drawYGrid(ctx: CanvasRenderingContext2D, plot: PlotBox, yTicks: readonly GridTick[], style: PlotStyle): void {
  ctx.font = plotFont(style);
  ctx.lineWidth = 1;
  ctx.strokeStyle = style.grid;
  ctx.fillStyle = style.muted;
  for (const tick of yTicks) {
    ctx.beginPath();
    ctx.moveTo(plot.left, tick.px);
    ctx.lineTo(plot.right, tick.px);
    ctx.stroke();
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  const lineHeight = style.fontSize * 1.2;
  // Inside the canvas at the top, and clear of the x labels (6 px below the plot) at the bottom.
  for (const label of placeTickLabels(yTicks, () => lineHeight, 0, plot.bottom + 4, 2)) {
    ctx.fillText(label.label, plot.left - 6, label.start + lineHeight / 2);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
}

/** X tick labels below the plot at `y`, thinned so none collide or leave [0, width]. */
export function drawXLabels(ctx: CanvasRenderingContext2D, ticks: readonly GridTick[], y: number, width: number): void {
  ctx.save();
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  for (const label of placeTickLabels(ticks, (text) => ctx.measureText(text).width, 0, width, 8)) {
    ctx.fillText(label.label, label.start, y);
  }
  ctx.restore();
}
