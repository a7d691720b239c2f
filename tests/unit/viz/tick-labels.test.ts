import { describe, expect, it } from 'vitest';
import { formatDensity, legendTicks } from '../../../src/viz/legend';
import { placeTickLabels, type PlacedTickLabel } from '../../../src/viz/tick-labels';

/** A monospace-ish measure: 0.62 em per character (wider than system-ui digits). */
const measureAt = (fontSize: number) => (label: string) => label.length * 0.62 * fontSize;

/** Labels that leave [lo, hi] or come closer than `gap` to the previous one, in words. */
function collisions(placed: PlacedTickLabel[], lo: number, hi: number, gap: number): string[] {
  const found: string[] = [];
  placed.forEach((label, i) => {
    if (label.start < lo || label.start + label.size > hi + 1e-9) found.push(`${label.label} clipped`);
    const previous = placed[i - 1];
    if (previous && previous.start + previous.size + gap > label.start + 1e-9)
      found.push(`${previous.label}${label.label}`);
  });
  return found;
}

function expectNoCollision(placed: PlacedTickLabel[], lo: number, hi: number, gap: number): void {
  expect(collisions(placed, lo, hi, gap)).toEqual([]);
}

describe('placeTickLabels', () => {
  it('never lets colour-bar labels collide or leave the bar, from 120 to 1200 px, at 10–18 px type', () => {
    const problems: string[] = [];
    for (const fontSize of [10, 11, 16, 18]) {
      for (let width = 120; width <= 1200; width += 9) {
        for (const vmax of [0.0137, 0.14, 0.158, 3.7, 2.5e-4, 420]) {
          // What drawColorLegend asks for: about one tick per 45 px of bar.
          const barWidth = width - 16;
          const ticks = legendTicks(vmax, Math.max(2, Math.floor(barWidth / 45))).map((t) => ({
            px: 8 + (t / vmax) * barWidth,
            label: formatDensity(t),
          }));
          const placed = placeTickLabels(ticks, measureAt(fontSize), 0, width, 6);
          const where = `${width} px, ${fontSize} px type, vmax ${vmax}`;
          for (const problem of collisions(placed, 0, width, 6)) problems.push(`${problem} at ${where}`);
          // Thinning keeps the first tick, and at least two labels where they fit.
          if (placed[0]?.label !== ticks[0].label) problems.push(`first label dropped at ${where}`);
          if (width >= 200 && placed.length < 2) problems.push(`one label only at ${where}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps every label when there is room, centred on its tick', () => {
    const ticks = [0, 1, 2, 3].map((t) => ({ px: 50 + 100 * t, label: String(t) }));
    const placed = placeTickLabels(ticks, () => 10, 0, 400);
    expect(placed.map((p) => p.label)).toEqual(['0', '1', '2', '3']);
    expect(placed.map((p) => p.start)).toEqual([45, 145, 245, 345]);
  });

  it('thins to every 2nd tick when neighbours would touch ("0.120.14")', () => {
    const ticks = [0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.14].map((t, i) => ({ px: 8 + 30 * i, label: String(t) }));
    const placed = placeTickLabels(ticks, measureAt(11), 0, 230, 6);
    expect(placed.map((p) => p.label)).toEqual(['0', '0.04', '0.08', '0.12']);
    expectNoCollision(placed, 0, 230, 6);
  });

  it('shifts an end label inside the axis instead of clipping it', () => {
    const placed = placeTickLabels([{ px: 2, label: '1000' }, { px: 198, label: '2000' }], () => 30, 0, 200);
    expect(placed[0].start).toBe(0);
    expect(placed[1].start + placed[1].size).toBe(200);
  });

  it('returns nothing when not even one label fits, and sorts unsorted ticks', () => {
    expect(placeTickLabels([{ px: 5, label: 'too long' }], () => 50, 0, 40)).toEqual([]);
    const placed = placeTickLabels([{ px: 90, label: 'b' }, { px: 10, label: 'a' }], () => 5, 0, 100);
    expect(placed.map((p) => p.label)).toEqual(['a', 'b']);
  });
});
