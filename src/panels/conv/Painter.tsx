import { useCallback, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { RgbImage } from '../../core/conv/image';
import { paint, type Rgb } from '../../core/conv/procedural';
import { drawRgbImage, imagePointAt } from '../../viz/conv-image';
import { PlotCanvas } from '../density/PlotCanvas';

interface PainterProps {
  image: RgbImage;
  /** Called once per finished stroke (or key press) with the painted image. */
  onPaint(image: RgbImage): void;
  /** Text alternative of the picture. */
  label: string;
}

/** "#rrggbb" → [r, g, b] in [0, 1]. */
function hexToRgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/**
 * The input picture, and a brush to paint on it: press or drag (mouse, pen, touch) paints
 * pixels in the chosen colour; with the keyboard, the arrow keys move a cursor and Space or
 * Enter paints under it. The layer reruns once per stroke, not per pixel.
 */
export function Painter({ image, onPaint, label }: PainterProps) {
  const [colour, setColour] = useState('#e07020');
  const [radius, setRadius] = useState(0);
  const [draft, setDraft] = useState<RgbImage | null>(null);
  const [cursor, setCursor] = useState<{ row: number; col: number } | null>(null);
  const stroke = useRef<RgbImage | null>(null);
  const colourId = useId();
  const brushId = useId();
  const hintId = useId();
  const shown = draft ?? image;

  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, width: number, height: number) =>
      drawRgbImage(ctx, shown, width, height, { outline: cursor ? { ...cursor, radius } : null }),
    [shown, cursor, radius],
  );

  const dab = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const at = imagePointAt(
      image,
      rect.width,
      rect.height,
      event.clientX - rect.left,
      event.clientY - rect.top,
    );
    const base = stroke.current ?? image;
    stroke.current = paint(base, Math.round(at.x), Math.round(at.y), hexToRgb(colour), radius);
    setDraft(stroke.current);
  };

  const endStroke = () => {
    const painted = stroke.current;
    stroke.current = null;
    setDraft(null);
    if (painted) onPaint(painted);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const at = cursor ?? { row: Math.floor(image.height / 2), col: Math.floor(image.width / 2) };
    const move = ARROWS[event.key];
    if (move) {
      event.preventDefault();
      setCursor({
        row: Math.min(image.height - 1, Math.max(0, at.row + move[0])),
        col: Math.min(image.width - 1, Math.max(0, at.col + move[1])),
      });
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      setCursor(at);
      onPaint(paint(image, at.col, at.row, hexToRgb(colour), radius));
    }
  };

  return (
    <div className="conv-painter">
      <PlotCanvas
        className="conv-picture conv-paintable"
        label={label}
        draw={draw}
        tabIndex={0}
        aria-describedby={hintId}
        onPointerDown={(event) => {
          if (event.pointerType === 'mouse' && event.button !== 0) return;
          event.preventDefault();
          event.currentTarget.setPointerCapture(event.pointerId);
          stroke.current = image;
          dab(event);
        }}
        onPointerMove={(event) => {
          if (stroke.current) dab(event);
        }}
        onPointerUp={endStroke}
        onPointerCancel={endStroke}
        onLostPointerCapture={endStroke}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          // Show the keyboard cursor only for keyboard focus, not for a click.
          if (!event.currentTarget.matches(':focus-visible')) return;
          setCursor(
            (c) => c ?? { row: Math.floor(image.height / 2), col: Math.floor(image.width / 2) },
          );
        }}
        onBlur={() => setCursor(null)}
      />
      <div className="conv-paint-tools">
        <label htmlFor={colourId}>Paint colour</label>
        <input
          id={colourId}
          type="color"
          value={colour}
          onChange={(e) => setColour(e.target.value)}
        />
        <label htmlFor={brushId}>Brush</label>
        <select id={brushId} value={radius} onChange={(e) => setRadius(Number(e.target.value))}>
          <option value={0}>1 pixel</option>
          <option value={1}>5 pixels (+)</option>
        </select>
      </div>
      <p id={hintId} className="muted conv-hint">
        Click or drag on the picture to paint. Keyboard: focus it, move with the arrow keys, paint
        with Space.
      </p>
    </div>
  );
}
