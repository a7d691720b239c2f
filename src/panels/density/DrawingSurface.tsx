import { useRef, type PointerEvent } from 'react';
import { createRng } from '../../core/rng';
import { addBrushPoints } from '../../core/toy/drawn';
import type { Rng } from '../../core/types';
import { useLabStore } from '../../state/lab-store';
import { plotTransform, type ViewBox } from '../../viz/plot-transform';
import { PlotCanvas, type DrawFunction } from './PlotCanvas';

/** Points added per brush dab (uniform in the brush disc). */
const DAB_POINTS = 8;

interface DrawingSurfaceProps {
  view: ViewBox;
  label: string;
  draw: DrawFunction;
}

/**
 * The samples canvas in "Draw your own" mode: a press or a drag (mouse, pen or touch) sprays
 * points in a disc of the brush radius; lifting the pointer ends the stroke (the lab refits).
 */
export function DrawingSurface({ view, label, draw }: DrawingSurfaceProps) {
  const addDrawnPoints = useLabStore((s) => s.addDrawnPoints);
  const commitDrawing = useLabStore((s) => s.commitDrawing);
  const brushSize = useLabStore((s) => s.brushSize);
  const seed = useLabStore((s) => s.params.seed);
  const rng = useRef<Rng | null>(null);
  const lastDab = useRef<[number, number] | null>(null);
  const stroking = useRef(false);

  const dataPoint = (event: PointerEvent<HTMLCanvasElement>): [number, number] => {
    const rect = event.currentTarget.getBoundingClientRect();
    const transform = plotTransform(view, rect.width, rect.height);
    return transform.toData(event.clientX - rect.left, event.clientY - rect.top);
  };

  const dab = (x: number, y: number) => {
    rng.current ??= createRng(seed);
    addDrawnPoints(addBrushPoints(null, x, y, brushSize, DAB_POINTS, rng.current).data);
    lastDab.current = [x, y];
  };

  const endStroke = () => {
    if (!stroking.current) return;
    stroking.current = false;
    lastDab.current = null;
    commitDrawing();
  };

  return (
    <PlotCanvas
      className="plot-square plot-light plot-drawing"
      label={label}
      draw={draw}
      onPointerDown={(event) => {
        if (event.pointerType === 'mouse' && event.button !== 0) return;
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        stroking.current = true;
        dab(...dataPoint(event));
      }}
      onPointerMove={(event) => {
        if (!stroking.current) return;
        const [x, y] = dataPoint(event);
        const last = lastDab.current;
        if (!last || Math.hypot(x - last[0], y - last[1]) >= 0.6 * brushSize) dab(x, y);
      }}
      onPointerUp={endStroke}
      onPointerCancel={endStroke}
      onLostPointerCapture={endStroke}
    />
  );
}
