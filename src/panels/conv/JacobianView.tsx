import { useCallback, useMemo, useState, type PointerEvent } from 'react';
import { cellAt } from '../../core/conv/image';
import type { ConvJacobianResult } from '../../compute/conv/protocol';
import { channelName } from '../../viz/conv-cells';
import { drawJacobian, jacobianEntryAt, summariseJacobian } from '../../viz/conv-jacobian';
import { PlotCanvas } from '../density/PlotCanvas';

interface JacobianViewProps {
  jacobian: ConvJacobianResult;
}

/** log|det| to 6 decimals (the checks agree to 4 or better). */
const fmtLogDet = (v: number) => (v < 0 ? `−${Math.abs(v).toFixed(6)}` : v.toFixed(6));

/**
 * The layer's Jacobian ∂y/∂x on a small image (autodiff in the worker) as a D×D heatmap in
 * raster-then-channel order: lower triangular, with the diagonal d_c outlined, and its
 * log-determinant three ways: Σ log diag, LU of the full matrix, and H·W·Σ s_c.
 */
export function JacobianView({ jacobian }: JacobianViewProps) {
  const { size: D, width: W, height: H, channels: C, values } = jacobian;
  const [hover, setHover] = useState<{ row: number; col: number } | null>(null);
  const summary = useMemo(() => summariseJacobian(values, D), [values, D]);
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, width: number, height: number) =>
      drawJacobian(ctx, values, D, Math.min(width, height), {
        channels: C,
        rowLength: W * C,
        highlight: hover,
      }),
    [values, D, C, W, hover],
  );
  const cellName = (k: number, symbol: string) => {
    const at = cellAt(k, W, C);
    return `${symbol}[${at.row}, ${at.col}, ${channelName(at.channel)}]`;
  };
  const above = (D * (D - 1)) / 2;
  const label =
    `Jacobian ∂y/∂x of the layer on a ${H}×${W}×${C} image: a ${D}×${D} matrix, rows and ` +
    `columns in raster-then-channel order. Lower triangular: ${summary.nonZeroAbove} of ${above} ` +
    `entries above the diagonal are non-zero, ${summary.nonZeroBelow} below it are. Diagonal ` +
    `entries from ${summary.minDiagonal.toFixed(3)} to ${summary.maxDiagonal.toFixed(3)}; ` +
    `colours span ±${summary.maxAbsBelow.toFixed(3)}, the largest entry below the diagonal.`;

  const pointAt = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const side = Math.min(rect.width, rect.height);
    setHover(jacobianEntryAt(event.clientX - rect.left, event.clientY - rect.top, D, side));
  };

  return (
    <div className="conv-jacobian">
      <PlotCanvas
        className="conv-jacobian-canvas"
        label={label}
        draw={draw}
        onPointerMove={pointAt}
        // A tap (touch or pen) reads the entry under the finger and keeps it shown.
        onPointerDown={pointAt}
        onPointerLeave={(event) => {
          if (event.pointerType === 'mouse') setHover(null);
        }}
      />
      <div className="conv-jacobian-facts">
        <p className="muted">
          {hover
            ? `∂${cellName(hover.row, 'y')} / ∂${cellName(hover.col, 'x')} = ${values[hover.row * D + hover.col].toFixed(4)}`
            : 'Point at an entry to read it.'}
        </p>
        <dl className="conv-logdets">
          <dt>Entries above the diagonal that are not 0</dt>
          <dd data-testid="jacobian-above">
            {summary.nonZeroAbove} of {above}
          </dd>
          <dt>log|det J| = Σ log J_kk (diagonal)</dt>
          <dd data-testid="logdet-diagonal">{fmtLogDet(jacobian.logDetFromDiagonal)}</dd>
          <dt>log|det J| by LU of the autodiff J</dt>
          <dd data-testid="logdet-lu">{fmtLogDet(jacobian.logDetLu)}</dd>
          <dt>H·W·Σ_c s_c from the layer</dt>
          <dd data-testid="logdet-scales">{fmtLogDet(jacobian.logDetFromScales)}</dd>
        </dl>
        <p className="muted">
          Colours: blue &lt; 0 &lt; red, scaled to ±{summary.maxAbsBelow.toFixed(3)} (the largest
          entry below the diagonal); the outlined diagonal saturates. Rows are outputs y, columns
          inputs x; lines mark pixels and image rows. The layer is affine, so J is the same for
          every {H}×{W} image. Triangular means the determinant is the product of the diagonal: {D}{' '}
          numbers instead of an O(D³) LU.
        </p>
      </div>
    </div>
  );
}
