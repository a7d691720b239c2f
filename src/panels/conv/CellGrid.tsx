import { memo, useRef, type KeyboardEvent } from 'react';
import type { RgbImage } from '../../core/conv/image';
import {
  cellColor,
  channelName,
  isHighlighted,
  normalise,
  type CellMark,
  type ValueRange,
} from '../../viz/conv-cells';

/** Makes a grid of cells keyboard- and pointer-inspectable (one tab stop, arrows move). */
export interface CellInspection {
  /** Flat index of the inspected cell (the grid's tab stop). */
  active: number;
  onInspect(index: number): void;
}

interface CellGridProps {
  /** Which image this is, for tests and styles: "input", "output", "reconstruction". */
  kind: string;
  /** Accessible name of the whole grid. */
  label: string;
  /** Symbol in each cell's name, e.g. "y" gives "y[2, 5, G]". */
  symbol: string;
  image: RgbImage;
  range: ValueRange;
  marks?: readonly CellMark[] | null;
  /** Side of one pixel (its C stripes together) in CSS px. */
  pixel: number;
  inspect?: CellInspection;
}

const formatValue = (v: number) => (Number.isNaN(v) ? 'not known yet' : v.toFixed(3));

/** The key's move in raster-then-channel order, or null for other keys. */
function moveFor(
  key: string,
  index: number,
  width: number,
  channels: number,
  count: number,
): number | null {
  const rowLength = width * channels;
  const rowStart = index - (index % rowLength);
  let next: number;
  switch (key) {
    case 'ArrowRight':
      next = index + 1;
      break;
    case 'ArrowLeft':
      next = index - 1;
      break;
    case 'ArrowDown':
      next = index + rowLength;
      break;
    case 'ArrowUp':
      next = index - rowLength;
      break;
    case 'Home':
      next = rowStart;
      break;
    case 'End':
      next = rowStart + rowLength - 1;
      break;
    default:
      return null;
  }
  return next >= 0 && next < count ? next : index;
}

/**
 * An image [H, W, C] as cells, the C channel stripes of each pixel side by side, so a row of
 * stripes read left to right is raster-then-channel order. Every cell carries data-row,
 * data-col, data-channel, data-mark and (when it is the inspected cell or in its field)
 * data-highlight="true". With `inspect` it is an ARIA grid: hover or focus inspects a cell,
 * the arrow keys (and Home/End) move through the cells.
 */
export const CellGrid = memo(function CellGrid({
  kind,
  label,
  symbol,
  image,
  range,
  marks,
  pixel,
  inspect,
}: CellGridProps) {
  const { height: H, width: W, channels: C } = image;
  const ref = useRef<HTMLDivElement>(null);
  const interactive = inspect !== undefined;
  const stripe = pixel / C;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!inspect) return;
    const next = moveFor(event.key, inspect.active, W, C, H * W * C);
    if (next === null) return;
    event.preventDefault();
    inspect.onInspect(next);
    ref.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus();
  };

  const rows = [];
  for (let i = 0; i < H; i++) {
    const cells = [];
    for (let j = 0; j < W; j++) {
      for (let c = 0; c < C; c++) {
        const k = (i * W + j) * C + c;
        const value = image.data[k];
        const mark = marks?.[k] ?? 'none';
        cells.push(
          <div
            key={k}
            className={c === 0 ? 'conv-cell pixel-start' : 'conv-cell'}
            style={{
              width: stripe,
              height: pixel,
              background: cellColor(c, normalise(value, range)),
            }}
            data-index={k}
            data-row={i}
            data-col={j}
            data-channel={c}
            data-mark={mark}
            data-highlight={isHighlighted(mark) ? 'true' : undefined}
            role={interactive ? 'gridcell' : undefined}
            tabIndex={interactive ? (k === inspect.active ? 0 : -1) : undefined}
            aria-label={
              interactive
                ? `${symbol}[${i}, ${j}, ${channelName(c)}] = ${formatValue(value)}`
                : undefined
            }
            aria-selected={interactive ? k === inspect.active : undefined}
            onPointerEnter={interactive ? () => inspect.onInspect(k) : undefined}
            onFocus={interactive ? () => inspect.onInspect(k) : undefined}
          />,
        );
      }
    }
    rows.push(
      <div key={i} className="conv-cell-row" role={interactive ? 'row' : undefined}>
        {cells}
      </div>,
    );
  }

  return (
    <div
      ref={ref}
      className={`conv-cells conv-cells-${kind}`}
      data-grid={kind}
      role={interactive ? 'grid' : 'img'}
      aria-label={label}
      onKeyDown={interactive ? onKeyDown : undefined}
    >
      {rows}
    </div>
  );
});
