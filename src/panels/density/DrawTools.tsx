import { useId } from 'react';
import { useLabStore } from '../../state/lab-store';
import { plural } from '../../core/plural';

/** Brush size and "Clear points", shown in "Draw your own" mode. */
export function DrawTools() {
  const brushSize = useLabStore((s) => s.brushSize);
  const setBrushSize = useLabStore((s) => s.setBrushSize);
  const count = useLabStore((s) => s.drawnPoints.length / 2);
  const clear = useLabStore((s) => s.clearDrawnPoints);
  const id = useId();
  return (
    <div className="draw-tools">
      <label htmlFor={id}>Brush size</label>
      <input
        id={id}
        type="range"
        min={0.05}
        max={1}
        step={0.05}
        value={brushSize}
        onChange={(event) => setBrushSize(Number(event.target.value))}
      />
      <span className="muted">{brushSize.toFixed(2)}</span>
      <button type="button" onClick={clear} disabled={count === 0}>
        Clear points
      </button>
      <span className="muted">
        {count === 0 ? 'Click or drag on the plot to draw data.' : `${plural(count, 'point')} drawn`}
      </span>
    </div>
  );
}
