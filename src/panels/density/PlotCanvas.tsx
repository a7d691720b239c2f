import { useEffect, useRef, useState, type ComponentProps } from 'react';
import { prepareCanvas } from '../../viz/canvas';
import { cancelDraw, scheduleDraw } from '../../viz/draw-queue';

export type DrawFunction = (ctx: CanvasRenderingContext2D, width: number, height: number) => void;

interface PlotCanvasProps extends Omit<ComponentProps<'canvas'>, 'ref' | 'role'> {
  /** Text alternative: what the plot shows, in a sentence. */
  label: string;
  /** Called with a cleared, DPR-scaled context whenever `draw` (memoise it) or the size changes. */
  draw: DrawFunction;
}

/** A canvas that CSS sizes; it redraws (in a task of its own) at the device pixel ratio when resized or given a new `draw`. */
export function PlotCanvas({ label, draw, className, ...rest }: PlotCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const observer = new ResizeObserver(([entry]) => {
      const width = Math.round(entry.contentRect.width);
      const height = Math.round(entry.contentRect.height);
      setSize((old) => (old.width === width && old.height === height ? old : { width, height }));
    });
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || size.width === 0 || size.height === 0) return;
    // In a task of its own (viz/draw-queue.ts): a frame that updates several canvases does not
    // make one long task of all their drawing.
    scheduleDraw(canvas, () => {
      const ctx = prepareCanvas(canvas, size.width, size.height);
      if (ctx) draw(ctx, size.width, size.height);
    });
    return () => cancelDraw(canvas);
  }, [draw, size]);

  return (
    <canvas
      ref={ref}
      role="img"
      aria-label={label}
      className={className ? `plot-canvas ${className}` : 'plot-canvas'}
      {...rest}
    />
  );
}
