import { useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import type { RgbImage } from '../../core/conv/image';
import { useLabStore } from '../../state/lab-store';
import { pixelSize } from '../../viz/conv-cells';
import { PanelFrame } from '../PanelFrame';
import { ConvPictures } from './ConvPictures';
import { ConvToolbar } from './ConvToolbar';
import { FieldExplorer } from './FieldExplorer';
import { InversePlayer } from './InversePlayer';
import { JacobianView } from './JacobianView';
import { KernelSlices } from './KernelSlices';
import { convInputImage } from './conv-input';
import { useConvClient } from './conv-connection';
import { useConvLab } from './useConvLab';
import { usePlayback } from './usePlayback';
import './conv.css';

interface Painted {
  /** The built-in image (name, size and, for noise, seed) the painting started from. */
  base: string;
  image: RgbImage;
}

/** A titled part of the panel. */
function ConvSection({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="conv-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

/** The G cell of the centre pixel: a cell whose field and blind spot both show. */
const defaultCell = (side: number) => (Math.floor(side / 2) * side + Math.floor(side / 2)) * 3 + 1;

/**
 * Masked invertible convolutions (MaCow; emerging convolutions): an image and a 3×3 kernel masked so each
 * output cell sees only earlier pixels (raster order) and earlier channels (R → G → B) plus
 * itself; the forward is one parallel conv, the inverse H·W·C sequential steps, the Jacobian
 * triangular. The worker computes the layer; the app attaches it with `attachConvClient`.
 */
export function ConvPanel() {
  const client = useConvClient();
  const name = useLabStore((s) => s.params.image);
  const side = Number(useLabStore((s) => s.params.size));
  const seed = useLabStore((s) => s.params.seed);
  // The seed changes the built-in image only for noise; a new kernel keeps a painting otherwise.
  const baseKey = `${name}/${side}/${name === 'noise' ? seed : ''}`;
  const builtIn = useMemo(() => convInputImage(name, side, seed), [name, side, seed]);
  const [painted, setPainted] = useState<Painted | null>(null);
  const image = painted && painted.base === baseKey ? painted.image : builtIn;
  const onPaint = useCallback(
    (next: RgbImage) => setPainted({ base: baseKey, image: next }),
    [baseKey],
  );

  const D = side * side * 3;
  const [inspectedRaw, setInspected] = useState(() => defaultCell(side));
  const inspected = inspectedRaw < D ? inspectedRaw : defaultCell(side);
  const [layers, setLayers] = useState(1);

  const lab = useConvLab(client, seed, image);
  const playback = usePlayback(lab.inverse, lab.inverse?.stepCount ?? 0, side * 3);
  const pixel = pixelSize(side);

  return (
    <PanelFrame title="Masked invertible convolution" className="panel-conv">
      <ConvToolbar painted={image !== builtIn} onDiscardPainting={() => setPainted(null)} />
      {lab.error && (
        <p className="conv-error" role="alert">
          {lab.error}
        </p>
      )}
      {!client && <p className="muted">Waiting for the compute worker…</p>}
      <ConvPictures
        image={image}
        onPaint={onPaint}
        forward={lab.forward}
        inverse={lab.inverse}
        step={playback.step}
      />

      <ConvSection title="Receptive field and blind spot">
        <FieldExplorer
          input={image}
          output={lab.forward?.output ?? null}
          inspected={inspected}
          onInspect={setInspected}
          layers={layers}
          onLayersChange={setLayers}
          pixel={pixel}
        />
      </ConvSection>

      <ConvSection title="The masked 3×3 kernel">
        <p className="muted">
          Grey weights are masked to exactly 0 (they would read a later pixel or channel); the
          outlined one is the diagonal weight d = exp(s) &gt; 0. The highlighted row is the
          inspected cell’s output channel.
        </p>
        {lab.layer ? (
          <KernelSlices layer={lab.layer} activeChannel={inspected % 3} />
        ) : (
          <p className="muted">Building the layer…</p>
        )}
      </ConvSection>

      <ConvSection title="Sequential inverse: pixel by pixel, channel by channel">
        {lab.forward && lab.inverse ? (
          <InversePlayer
            output={lab.forward.output}
            inverse={lab.inverse}
            playback={playback}
            pixel={pixel}
          />
        ) : (
          <p className="muted">Running the layer…</p>
        )}
      </ConvSection>

      <ConvSection title="Jacobian on a 4×4×3 image (autodiff)">
        {lab.jacobian ? (
          <JacobianView jacobian={lab.jacobian} />
        ) : (
          <p className="muted">Computing the Jacobian…</p>
        )}
      </ConvSection>
    </PanelFrame>
  );
}
