/** A horizontal colour bar for densities on [0, vmax], with nice ticks and a title. */
import { scaleLinear } from 'd3-scale';
import { lutCss, type ColorLut } from './color-map';

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

export const LEGEND_HEIGHT = 40;

/** Draws the bar across `width` CSS px: title at left, ticks below the bar. */
export function drawColorLegend(
  ctx: CanvasRenderingContext2D,
  width: number,
  lut: ColorLut,
  vmax: number,
  title: string,
  textColor = '#1c2330',
): void {
  const pad = 8;
  const barTop = 16;
  const barHeight = 10;
  const barWidth = Math.max(10, width - 2 * pad);
  const gradient = ctx.createLinearGradient(pad, 0, pad + barWidth, 0);
  for (let i = 0; i <= 10; i++) gradient.addColorStop(i / 10, lutCss(lut, i / 10));
  ctx.save();
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = textColor;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  ctx.fillText(title, pad, barTop - 4);
  ctx.fillStyle = gradient;
  ctx.fillRect(pad, barTop, barWidth, barHeight);
  ctx.fillStyle = textColor;
  ctx.textBaseline = 'top';
  const x = scaleLinear()
    .domain([0, vmax > 0 ? vmax : 1])
    .range([pad, pad + barWidth]);
  const ticks = legendTicks(vmax, Math.max(2, Math.floor(barWidth / 45)));
  ticks.forEach((tick, i) => {
    const px = x(tick);
    ctx.fillRect(px - 0.5, barTop + barHeight, 1, 3);
    ctx.textAlign = i === 0 ? 'left' : px > pad + barWidth - 20 ? 'right' : 'center';
    ctx.fillText(formatDensity(tick), px, barTop + barHeight + 4);
  });
  ctx.restore();
}
