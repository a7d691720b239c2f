import { useEffect, useId, useRef } from 'react';
import { drawDag, isCouplingDagSpec, layerDagScene, type LayerDagSpec } from '../../viz/dag';

interface DependencyGraphProps {
  /** The walked layer: autoregressive (MAF, IAF) or coupling. */
  spec: LayerDagSpec;
  /** The pass counter shown in the network box, e.g. "network passes: 2 of 4". */
  counter: string;
  /** One sentence for the figure's accessible name. */
  summary: string;
}

function Caption({ spec }: { spec: LayerDagSpec }) {
  if (isCouplingDagSpec(spec))
    return (
      <>
        Left z, right x. Dashed: the pass-through half, copied unchanged. Each ◆ updates one
        variable of the other half with parameters from the network, which reads only the copied
        half: so one pass computes every update, in both directions.
      </>
    );
  return (
    <>
      Left z, right x; each ◆ is one update, fed (μ, α) by the network below, which reads{' '}
      {spec.reader === 'x' ? 'x (MAF)' : 'z (IAF)'}.
    </>
  );
}

/** The SVG dependency graph of the walked layer (any family); edges light up as the passes run. */
export function DependencyGraph({ spec, counter, summary }: DependencyGraphProps) {
  const ref = useRef<SVGSVGElement>(null);
  const prefix = `dag${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  useEffect(() => {
    if (ref.current) drawDag(ref.current, layerDagScene(spec), counter, prefix);
  }, [spec, counter, prefix]);
  return (
    <figure className="steps-figure steps-dag">
      <svg ref={ref} role="group" aria-label={`Dependency graph: ${summary}`} />
      <figcaption className="muted">
        <Caption spec={spec} />
      </figcaption>
    </figure>
  );
}
