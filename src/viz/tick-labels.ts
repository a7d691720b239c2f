/**
 * Tick labels that never collide or clip: each label is centred on its tick, then shifted
 * inside [lo, hi]; if neighbours would overlap, every 2nd (3rd, …) tick keeps its label,
 * always starting from the first, until none overlap. Pure: the caller measures the text
 * (ctx.measureText for a canvas; the type height for a vertical axis).
 */

export interface TickLabelInput {
  /** Position of the tick along the axis, px. */
  px: number;
  label: string;
}

export interface PlacedTickLabel extends TickLabelInput {
  /** Start (left or top) of the label's box, px: lo ≤ start and start + size ≤ hi. */
  start: number;
  /** The label's extent along the axis, px. */
  size: number;
}

/** Label boxes centred on px, shifted inside [lo, hi]; null for one that cannot fit at all. */
function boxes(ticks: readonly TickLabelInput[], measure: (label: string) => number, lo: number, hi: number): (PlacedTickLabel | null)[] {
  return ticks.map((tick) => {
    const size = measure(tick.label);
    if (size > hi - lo) return null;
    const start = Math.min(hi - size, Math.max(lo, tick.px - size / 2));
    return { ...tick, start, size };
  });
}

/**
 * The labels to draw: the densest stride (1, 2, 3, …) of the ticks, sorted by px, whose
 * boxes, kept `gap` px apart, all fit in [lo, hi] without overlapping. Empty when not even
 * one label fits.
 */
export function placeTickLabels(
  ticks: readonly TickLabelInput[],
  measure: (label: string) => number,
  lo: number,
  hi: number,
  gap = 4,
): PlacedTickLabel[] {
  const sorted = [...ticks].sort((a, b) => a.px - b.px);
  const all = boxes(sorted, measure, lo, hi);
  for (let stride = 1; stride <= sorted.length; stride++) {
    const kept: PlacedTickLabel[] = [];
    let fits = true;
    for (let i = 0; i < all.length && fits; i += stride) {
      const box = all[i];
      if (!box) fits = false;
      else {
        const previous = kept[kept.length - 1];
        if (previous && previous.start + previous.size + gap > box.start) fits = false;
        else kept.push(box);
      }
    }
    if (fits && kept.length > 0) return kept;
  }
  return [];
}
