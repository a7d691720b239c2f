import { useEffect, useRef, useState, type ComponentProps } from 'react';
import { prepareCanvas } from '../../viz/canvas';
import { cancelDraw, scheduleDraw } from '../../viz/draw-queue';
import { fillPlotBackground, readPlotStyle, type PlotStyle } from '../../viz/style';
import { useThemeVersion } from '../theme-version';

/** Draws into a cleared context of `width`×`height` CSS px in the theme's plot `style`. */
export type DrawFunction = (ctx: CanvasRenderingContext2D, width: number, height: number, style: PlotStyle) => void;

interface PlotCanvasProps extends Omit<ComponentProps<'canvas'>, 'ref' | 'role'> {
  /** Text alternative: what the plot shows, in a sentence. */
  label: string;
  /**
   * Called with a DPR-scaled context painted in the plot background, and the plot style read
   * from the theme's CSS variables, whenever `draw` (memoise it), the size or the theme changes.
   */
  draw: DrawFunction;
}

/**
 * A canvas that CSS sizes; it redraws (in a task of its own) at the device pixel ratio when
 * resized, given a new `draw`, or the theme changes.
 */
export function PlotCanvas({ label, draw, className, ...rest }: PlotCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const themeVersion = useThemeVersion();

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
      if (!ctx) return;
      const style = readPlotStyle(canvas);
      fillPlotBackground(ctx, size.width, size.height, style);
      draw(ctx, size.width, size.height, style);
    });
    return () => cancelDraw(canvas);
  }, [draw, size, themeVersion]);

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
