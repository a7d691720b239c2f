import { useId, useMemo } from 'react';
import { cellAt, type RgbImage } from '../../core/conv/image';
import { receptiveFieldDepths, rgbGeometry } from '../../core/conv/receptive-field';
import type { ConvInverseResult } from '../../compute/conv/protocol';
import { channelName, displayRange, fieldMarks, type CellMark } from '../../viz/conv-cells';
import { CellGrid } from './CellGrid';
import { partialReconstruction } from './conv-input';
import { PLAYBACK_SPEEDS } from './playback';
import type { Playback } from './usePlayback';

interface InversePlayerProps {
  /** y, the layer output being inverted. */
  output: RgbImage;
  inverse: ConvInverseResult;
  playback: Playback;
  pixel: number;
}

const fmt = (v: number) => (v < 0 ? `−${Math.abs(v).toFixed(3)}` : v.toFixed(3));

/** "3.2e-8" for the reconstruction error. */
export const formatError = (v: number) => (Number.isFinite(v) ? v.toExponential(1) : '–');

/**
 * The sequential inverse, one cell per step in raster-then-channel order: step k solves
 * x̂_k = (y_k − context_k) / d_c from cells recovered before it. Play, Pause, Step and Reset
 * drive the step counter; the grid shows what is recovered, the cell just solved and the
 * earlier cells its context read.
 */
export function InversePlayer({ output, inverse, playback, pixel }: InversePlayerProps) {
  const speedId = useId();
  const { step, total, playing } = playback;
  const { reconstruction } = inverse;
  const { height: H, width: W, channels: C } = reconstruction;
  const partial = useMemo(
    () => partialReconstruction(reconstruction, step),
    [reconstruction, step],
  );
  const range = useMemo(() => displayRange(reconstruction.data), [reconstruction]);
  const solved = step > 0 ? step - 1 : null;
  const marks: CellMark[] | null = useMemo(() => {
    if (solved === null) return null;
    const at = cellAt(solved, W, C);
    return fieldMarks(
      receptiveFieldDepths(at.row, at.col, at.channel, 1, rgbGeometry(H, W)),
      solved,
    );
  }, [solved, H, W, C]);

  let detail = `Nothing solved yet: step 1 solves x[0, 0, R] from y alone (no earlier cells).`;
  if (solved !== null) {
    const at = cellAt(solved, W, C);
    const d = inverse.diagonals[at.channel];
    detail =
      `Step ${solved + 1} solved x̂[${at.row}, ${at.col}, ${channelName(at.channel)}] = ` +
      `(y − context) / d = (${fmt(output.data[solved])} − ${fmt(inverse.contexts[solved])}) / ` +
      `${fmt(d)} = ${fmt(reconstruction.data[solved])}`;
  }
  const done = step >= total;

  return (
    <div className="conv-inverse">
      <div className="conv-player-controls" role="group" aria-label="Inverse animation">
        <button
          type="button"
          className="primary"
          onClick={playing ? playback.pause : playback.play}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={playback.step1} disabled={done}>
          Step
        </button>
        <button type="button" onClick={playback.reset} disabled={step === 0 && !playing}>
          Reset
        </button>
        <label htmlFor={speedId}>Speed</label>
        <select
          id={speedId}
          value={playback.speed}
          onChange={(e) => playback.setSpeed(Number(e.target.value))}
        >
          {PLAYBACK_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s} steps/s
            </option>
          ))}
        </select>
        <span className="conv-step-counter" data-step={step} data-total={total}>
          step {step} of {total}
        </span>
        {playback.reducedMotion && (
          <span className="muted">Reduced motion: jumps a row ({W * C} steps) at a time.</span>
        )}
      </div>
      <p className="conv-step-detail">{detail}</p>
      <CellGrid
        kind="reconstruction"
        label={`Reconstruction x̂ after ${step} of ${total} steps; grey cells are not solved yet`}
        symbol="x̂"
        image={partial}
        range={range}
        marks={marks}
        pixel={pixel}
      />
      <p className="conv-inverse-result" role="status">
        {done
          ? `Done: ${total} sequential steps (H·W·C = ${H}·${W}·${C}). Reconstruction max error |x̂ − x| = ${formatError(inverse.maxError)}.`
          : ''}
      </p>
    </div>
  );
}
