import { useCallback, useMemo } from 'react';
import type { RgbImage } from '../../core/conv/image';
import type { ConvForwardResult, ConvInverseResult } from '../../compute/conv/protocol';
import { displayRange } from '../../viz/conv-cells';
import { drawRgbImage } from '../../viz/conv-image';
import { PlotCanvas } from '../density/PlotCanvas';
import { partialReconstruction, rescaledImage } from './conv-input';
import { formatError } from './InversePlayer';
import { Painter } from './Painter';

interface ConvPicturesProps {
  image: RgbImage;
  onPaint(image: RgbImage): void;
  forward: ConvForwardResult | null;
  inverse: ConvInverseResult | null;
  /** Steps of the inverse shown so far. */
  step: number;
}

function Picture({ image, label }: { image: RgbImage; label: string }) {
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, width: number, height: number) =>
      drawRgbImage(ctx, image, width, height),
    [image],
  );
  return <PlotCanvas className="conv-picture" label={label} draw={draw} />;
}

const fmt = (v: number) => (v < 0 ? `−${Math.abs(v).toFixed(2)}` : v.toFixed(2));

/** Input x (paintable), output y = layer(x) and the reconstruction x̂ as pictures. */
export function ConvPictures({ image, onPaint, forward, inverse, step }: ConvPicturesProps) {
  const { height: H, width: W, channels: C } = image;
  const D = H * W * C;
  const outputRange = useMemo(
    () => (forward ? displayRange(forward.output.data) : null),
    [forward],
  );
  const output = useMemo(
    () =>
      forward && outputRange ? rescaledImage(forward.output, outputRange.lo, outputRange.hi) : null,
    [forward, outputRange],
  );
  const partial = useMemo(
    () => (inverse ? partialReconstruction(inverse.reconstruction, step) : null),
    [inverse, step],
  );
  return (
    <div className="conv-pictures">
      <figure>
        <figcaption>
          Input x ({H}×{W}×{C})
        </figcaption>
        <Painter image={image} onPaint={onPaint} label={`Input image x, ${H}×${W} pixels`} />
      </figure>
      <figure>
        <figcaption>
          Output y = conv(x): <strong>1 pass</strong>
        </figcaption>
        {output && forward && outputRange ? (
          <>
            <Picture
              image={output}
              label={`Output y of the masked convolution, computed in one parallel pass, values ${fmt(outputRange.lo)} to ${fmt(outputRange.hi)}`}
            />
            <p className="muted">
              One conv2d for all {D} cells ({forward.ms.toFixed(1)} ms); shown scaled from{' '}
              {fmt(outputRange.lo)} … {fmt(outputRange.hi)}. log|det| = H·W·Σ s ={' '}
              {forward.logDet.toFixed(4)}
            </p>
          </>
        ) : (
          <p className="muted conv-picture-placeholder">Computing…</p>
        )}
      </figure>
      <figure>
        <figcaption>
          Reconstruction x̂: <strong>{D} sequential steps</strong>
        </figcaption>
        {partial && inverse ? (
          <>
            <Picture
              image={partial}
              label={`Reconstruction x̂ after ${step} of ${D} steps${step >= D ? `, max error ${formatError(inverse.maxError)}` : ''}`}
            />
            <p className="muted">
              step {step} of {D}
              {step >= D ? `; max |x̂ − x| = ${formatError(inverse.maxError)}` : ''}
            </p>
          </>
        ) : (
          <p className="muted conv-picture-placeholder">Computing…</p>
        )}
      </figure>
    </div>
  );
}
