import { useEffect, useId, useRef } from 'react';
import { drawGradientPath, gradientPathScene, marchDashes, type GradientPathData } from '../../viz/gradient-path';

/**
 * The distillation's forward chain and its gradient path (viz/gradient-path.ts): which
 * parameters get gradients, with the latest loss and the student's gradient norm.
 */
export function GradientPath({ data }: { data: GradientPathData }) {
  const ref = useRef<SVGSVGElement>(null);
  const prefix = `gp${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const scene = gradientPathScene(data);
  useEffect(() => {
    if (ref.current) drawGradientPath(ref.current, gradientPathScene(data), prefix, data.training);
  }, [data, prefix]);
  // The gradient flows while training: the backward arrows' dashes march (a few ticks a second).
  useEffect(() => (ref.current && data.training ? marchDashes(ref.current) : undefined), [data.training]);
  return (
    <figure className="distill-gradient-path">
      <figcaption>How gradients reach the student</figcaption>
      {/* Focusable: with the projector theme's larger labels the diagram scrolls sideways. */}
      <div className="gp-scroll" role="group" aria-label="Gradient path diagram" tabIndex={0}>
        <svg ref={ref} role="img" aria-label={`Gradient path: ${scene.summary}`} />
      </div>
      <p className="muted">
        Solid arrows: the forward computation. Dashed arrows: the gradient of L flowing back. It reaches the student’s
        parameters θ_s through its samples x (reparameterisation) and through log q_s; the teacher is frozen: its θ_t
        get no gradient, only x does.
      </p>
    </figure>
  );
}
