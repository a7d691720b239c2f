import { useEffect, useId, useRef } from 'react';
import { dagScene, drawDag, type DagSpec } from '../../viz/dag';

interface DependencyGraphProps {
  spec: DagSpec;
  /** The pass counter shown in the network box, e.g. "network passes: 2 of 4". */
  counter: string;
  /** One sentence for the figure's accessible name. */
  summary: string;
}

/** The SVG dependency graph of the walked layer; edges light up as the passes run. */
export function DependencyGraph({ spec, counter, summary }: DependencyGraphProps) {
  const ref = useRef<SVGSVGElement>(null);
  const prefix = `dag${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  useEffect(() => {
    if (ref.current) drawDag(ref.current, dagScene(spec), counter, prefix);
  }, [spec, counter, prefix]);
  return (
    <figure className="steps-figure steps-dag">
      <svg ref={ref} role="group" aria-label={`Dependency graph: ${summary}`} />
      <figcaption className="muted">
        Left z, right x; each ◆ is one update, fed (μ, α) by the network below, which reads{' '}
        {spec.reader === 'x' ? 'x (MAF)' : 'z (IAF)'}.
      </figcaption>
    </figure>
  );
}
