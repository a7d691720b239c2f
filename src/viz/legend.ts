/** A horizontal colour bar for densities on [0, vmax], with nice ticks and a title. */
import { scaleLinear } from 'd3-scale';
import { lutCss, type ColorLut } from './color-map';
import { LIGHT_PLOT_STYLE, plotFont, type PlotStyle } from './style';
import { placeTickLabels } from './tick-labels';

/** Tick values on [0, vmax] (nice round numbers, 0 included), empty when vmax ≤ 0. */
export function legendTicks(vmax: number, count = 4): number[] {
  if (!(vmax > 0) || !Number.isFinite(vmax)) return [];
  return scaleLinear().domain([0, vmax]).ticks(count);
}

/** Compact text for a density value: 0, 0.05, 0.125, 1.2e-4, 3.5e+2. */
export function formatDensity(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1000 || magnitude < 0.001) return value.toExponential(1);
  return String(Number(value.toPrecision(3)));
}

/**
 * Draws the bar across `width` CSS px: title at left, ticks below the bar, labels thinned so
 * none collide or leave the canvas. The canvas is 18 px + twice the type size tall
 * (`.plot-legend` in density.css).
 */
export function drawColorLegend(
  ctx: CanvasRenderingContext2D,
  width: number,
  lut: ColorLut,
  vmax: number,
  title: string,
  style: PlotStyle = LIGHT_PLOT_STYLE,
): void {
  const pad = 8;
  const barTop = Math.ceil(style.fontSize + 5);
  const barHeight = 10;
  const barWidth = Math.max(10, width - 2 * pad);
  const gradient = ctx.createLinearGradient(pad, 0, pad + barWidth, 0);
  for (let i = 0; i <= 10; i++) gradient.addColorStop(i / 10, lutCss(lut, i / 10));
  ctx.save();
  ctx.font = plotFont(style);
  ctx.fillStyle = style.text;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  ctx.fillText(title, pad, barTop - 4);
  ctx.fillStyle = gradient;
  ctx.fillRect(pad, barTop, barWidth, barHeight);
  ctx.fillStyle = style.text;
  ctx.textBaseline = 'top';
  const x = scaleLinear()
    .domain([0, vmax > 0 ? vmax : 1])
    .range([pad, pad + barWidth]);
  const ticks = legendTicks(vmax, Math.max(2, Math.floor(barWidth / 45)));
  for (const tick of ticks) ctx.fillRect(x(tick) - 0.5, barTop + barHeight, 1, 3);
  const labels = placeTickLabels(
    ticks.map((tick) => ({ px: x(tick), label: formatDensity(tick) })),
    (label) => ctx.measureText(label).width,
    0,
    width,
    6,
  );
  ctx.textAlign = 'left';
  for (const label of labels) ctx.fillText(label.label, label.start, barTop + barHeight + 4);
  ctx.restore();
}
