/**
 * Where each picture of a panel lands in its PNG snapshot: element boxes (CSS px, relative to
 * the viewport) → integer pixel boxes in the output image, relative to the panel's top-left
 * corner and scaled by `scale` (the device pixel ratio). Boxes outside the panel are clipped;
 * empty ones dropped. Pure, so it is unit-tested.
 */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PlacedBox {
  /** Index of the element in the input list. */
  index: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SnapshotLayout {
  width: number;
  height: number;
  boxes: PlacedBox[];
}

/** Largest side of a snapshot in output pixels (browsers refuse very large canvases). */
export const MAX_SNAPSHOT_SIDE = 8192;

export function snapshotLayout(panel: Box, items: readonly Box[], scale = 1): SnapshotLayout {
  const s0 = Number.isFinite(scale) && scale > 0 ? scale : 1;
  const longest = Math.max(panel.width, panel.height, 1);
  const s = Math.min(s0, MAX_SNAPSHOT_SIDE / longest);
  const width = Math.max(1, Math.round(panel.width * s));
  const height = Math.max(1, Math.round(panel.height * s));
  const boxes: PlacedBox[] = [];
  items.forEach((item, index) => {
    const x0 = Math.max(0, Math.round((item.left - panel.left) * s));
    const y0 = Math.max(0, Math.round((item.top - panel.top) * s));
    const x1 = Math.min(width, Math.round((item.left + item.width - panel.left) * s));
    const y1 = Math.min(height, Math.round((item.top + item.height - panel.top) * s));
    if (x1 > x0 && y1 > y0) boxes.push({ index, x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
  });
  return { width, height, boxes };
}

/** A file name from a title: "Density lab" → "flow-lab-density-lab.png". */
export function snapshotFileName(title: string, extension = 'png'): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `flow-lab-${slug || 'panel'}.${extension}`;
}
