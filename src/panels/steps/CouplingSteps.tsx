import { useMemo } from 'react';
import type { StepsModelRequest } from '../../compute/steps/protocol';
import { traceCouplingFlow } from '../../core/flow/coupling-trace';
import { num } from '../../content/equations';
import type { CouplingDagSpec } from '../../viz/coupling-dag';
import { PanelFrame } from '../PanelFrame';
import { CouplingJacobian } from './CouplingJacobian';
import { DependencyGraph } from './DependencyGraph';
import { StepperBar } from './StepperBar';
import { StepsControls } from './StepsControls';
import { couplingPassCounter, sideNames, startingPoint } from './steps-trace';
import { useStepper } from './use-stepper';
import { COUPLING_FITS, useStepsModel } from './use-steps-model';
import { fitOriginText } from './ModelStatus';
import { stackTotalText, useStepsWalk } from './use-steps-walk';
import './steps.css';

const nats = (v: number) => v.toFixed(2);

/** Step by step through a coupling layer (beyond the lecture): one pass both ways. */
export function CouplingSteps() {
  const { dim, direction, seed, client, K, layerIndex, draw, controls } = useStepsWalk();
  const request = useMemo<StepsModelRequest>(() => ({ dim, layers: K, seed }), [dim, K, seed]);
  const model = useStepsModel(client, request, COUPLING_FITS);
  const weights = model.value?.weights ?? null;
  const names = sideNames(direction);
  const point = useMemo(() => startingPoint(direction, dim, seed, draw), [direction, dim, seed, draw]);
  const trace = useMemo(
    () => (weights ? traceCouplingFlow(weights, direction === 'sample' ? 'sample' : 'density', point) : null),
    [weights, direction, point],
  );
  const layer = trace?.layers.find((l) => l.layerIndex === layerIndex) ?? null;
  const stepper = useStepper(1, `coupling|${direction}|${dim}|${K}|${layerIndex}|${seed}`);
  const position = stepper.position;
  const counter = couplingPassCounter(position);
  const stackTotal = stackTotalText(K, 1);
  const spec = useMemo<CouplingDagSpec | null>(
    () =>
      layer ? { dim, pass: layer.pass, transformed: layer.transformed, input: names.input, position } : null,
    [layer, dim, names.input, position],
  );
  const outName = (i: number) => `${names.output}${i + 1}`;
  const summary = layer
    ? `coupling layer ${layerIndex + 1}, ${direction === 'sample' ? 'sampling' : 'inversion'}: ${counter}; ${layer.pass.map(outName).join(', ')} copied, ${layer.transformed.map(outName).join(', ')} ${position > 0 ? 'computed' : 'not yet computed'}`
    : '';

  return (
    <PanelFrame title="Step by step: a coupling layer" className="panel-steps">
      <StepsControls {...controls(direction === 'sample')} />
      <StepperBar stepper={stepper} total={1} counter={counter} stackTotal={stackTotal} disabled={!layer} />
      {model.error ? (
        <p role="alert">The flow could not be fitted: {model.error}</p>
      ) : !model.value && model.loadingPreset ? (
        <p className="muted">Loading the preset…</p>
      ) : !model.value && !client ? (
        <p className="muted">Waiting for the compute worker…</p>
      ) : !model.value ? (
        <p className="muted" aria-live="polite">
          Fitting a {K}-layer coupling flow to the {dim}-dimensional Gaussian mixture by maximum
          likelihood (one network pass per layer)…
        </p>
      ) : (
        <div className="steps-model-status" data-testid="model-fit" data-kind="coupling" data-origin={model.value.origin}>
          <p className="muted">
            {K}-layer affine coupling flow fitted {model.value.origin === 'preset' ? 'in advance ' : ''}to a{' '}
            {dim}-dimensional Gaussian mixture by maximum likelihood,{' '}
            {fitOriginText(model.value.origin, model.value.trainedSteps)}. Held-out NLL{' '}
            <span data-nll="before">{nats(model.value.nllBefore)}</span> →{' '}
            <span data-nll="after">{nats(model.value.nllAfter)}</span> nats; the true density scores
            the same 1,024 points at <span data-nll="data">{nats(model.value.nllData)}</span> nats.
          </p>
          <p className="muted">
            Coupling layers (NICE, RealNVP) go beyond the lecture: they answer its question “can we
            have both?”. Half the variables pass through; the other half gets x = z·e<sup>α</sup> + μ
            with μ, α computed from the copied half, so sampling and density each take one pass per
            layer. The price: each layer transforms only half the variables.
          </p>
        </div>
      )}
      {weights && layer && spec && (
        <>
          <div className="steps-main">
            <DependencyGraph spec={spec} counter={counter} summary={summary} />
            <section className="steps-equations" aria-label="The coupling layer's values">
              <h3>Layer {layerIndex + 1}, {direction === 'sample' ? 'sampling' : 'inversion'}</h3>
              <ul>
                {layer.pass.map((i) => (
                  <li key={`p${i}`}>
                    {outName(i)} = {names.input}
                    {i + 1} = {num(layer.input[i])} (copied)
                  </li>
                ))}
                {layer.transformed.map((i) => (
                  <li key={`t${i}`}>
                    {outName(i)} = T{direction === 'sample' ? '⁻¹' : ''}({names.input}
                    {i + 1} = {num(layer.input[i])}) = {position > 0 ? num(layer.output[i]) : '…'}
                  </li>
                ))}
                <li>
                  log|det| of this layer = {position > 0 ? num(layer.logDet) : '…'}
                </li>
              </ul>
            </section>
          </div>
          <div className="steps-lower">
            <CouplingJacobian weights={weights} layer={layer} input={names.input} output={names.output} />
          </div>
        </>
      )}
    </PanelFrame>
  );
}
