import type { FlowTrace } from '../../core/flow/trace';
import {
  densityRuleTex,
  flowDensityTex,
  IAF_CONVENTION,
  layerLogDetTex,
  logDensityTermsTex,
  networkTex,
  num,
  ruleTex,
  updateTex,
  type EquationContext,
} from '../../content/equations';
import { densityLogDet } from './steps-trace';
import { Tex } from './Tex';

interface StepEquationsProps {
  ctx: EquationContext;
  trace: FlowTrace;
  position: number;
  /** Layers in the model (K); a one-layer model builds log p(x) term by term. */
  layers: number;
}

/** The walked layer's equations with the live numbers of every step taken so far. */
export function StepEquations({ ctx, trace, position, layers }: StepEquationsProps) {
  const steps = ctx.layer.steps.slice(0, position);
  const input = ctx.layer.input.map(num).join(',\\ ');
  const layerNumber = ctx.layer.layerIndex + 1;
  return (
    <section
      className="steps-equations"
      aria-label="Equations"
      data-point={JSON.stringify(ctx.layer.input)}
    >
      <p className="steps-rule">
        <Tex tex={ruleTex(ctx)} display />
      </p>
      <p>
        <Tex tex={`${ctx.input} = (${input})`} />
        {layers > 1 && <span className="muted"> — the input of layer {layerNumber}</span>}
      </p>
      {steps.length === 0 && (
        <p className="muted">Press “Next step” (→) to run the first network pass.</p>
      )}
      <ol className="steps-lines">
        {steps.map((step) => (
          <li
            key={step.pass}
            data-pass={step.pass}
            className={step.pass === position ? 'current' : undefined}
          >
            <div className="steps-network" data-role="network">
              <Tex tex={networkTex(ctx, step)} />
            </div>
            {step.variables.map((i, j) => (
              <div key={i} className="steps-update" data-variable={i + 1}>
                <Tex tex={updateTex(ctx, step, j)} />
              </div>
            ))}
          </li>
        ))}
      </ol>
      <p className="steps-density-rule">
        <Tex tex={densityRuleTex(ctx.kind)} />
      </p>
      {ctx.kind === 'iaf' && (
        <p className="muted steps-convention" data-testid="iaf-convention">
          IAF convention here (the MAF’s layer with x and z swapped):{' '}
          <Tex tex={IAF_CONVENTION.here} />. Papers usually write <Tex tex={IAF_CONVENTION.paper} />:
          the same family, with α → −α and μ renamed.
        </p>
      )}
      {layers === 1 ? (
        <p className="steps-logp" data-role="log-density">
          <Tex tex={logDensityTermsTex(ctx, position).tex} />
        </p>
      ) : (
        <>
          <p className="steps-logp" data-role="layer-logdet">
            <Tex tex={layerLogDetTex(ctx, position, layerNumber)} />
          </p>
          <p className="steps-logp" data-role="flow-density">
            <Tex
              tex={flowDensityTex(
                trace.logBase,
                densityLogDetTotal(trace, ctx.direction),
                trace.logProb,
              )}
            />
          </p>
        </>
      )}
    </section>
  );
}

function densityLogDetTotal(trace: FlowTrace, direction: EquationContext['direction']): number {
  return trace.layers.reduce((s, l) => s + densityLogDet(l, direction), 0);
}
