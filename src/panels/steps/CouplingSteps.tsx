import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { StepsApi, StepsModelRequest } from '../../compute/steps/protocol';
import { traceCouplingFlow } from '../../core/flow/coupling-trace';
import { plural } from '../../core/plural';
import { num } from '../../content/equations';
import { useLabStore } from '../../state/lab-store';
import { couplingDagScene, type CouplingDagSpec } from '../../viz/coupling-dag';
import { drawDag } from '../../viz/dag';
import { PanelFrame } from '../PanelFrame';
import { CouplingJacobian } from './CouplingJacobian';
import { StepperBar } from './StepperBar';
import { StepsControls } from './StepsControls';
import { couplingPassCounter, sideNames, startingPoint } from './steps-trace';
import { useStepsClient } from './steps-connection';
import { useAsync } from './use-async';
import { useStepper } from './use-stepper';
import './steps.css';

const fetchModel = (client: StepsApi, request: StepsModelRequest) => client.stepsCouplingModel(request);
const nats = (v: number) => v.toFixed(2);

function CouplingGraph({ spec, counter, summary }: { spec: CouplingDagSpec; counter: string; summary: string }) {
  const ref = useRef<SVGSVGElement>(null);
  const prefix = `cdag${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  useEffect(() => {
    if (ref.current) drawDag(ref.current, couplingDagScene(spec), counter, prefix);
  }, [spec, counter, prefix]);
  return (
    <figure className="steps-figure steps-dag">
      <svg ref={ref} role="group" aria-label={`Dependency graph: ${summary}`} />
      <figcaption className="muted">
        Left z, right x. Dashed: the pass-through half, copied unchanged. Each ◆ updates one
        variable of the other half with parameters from the network, which reads only the copied
        half: so one pass computes every update, in both directions.
      </figcaption>
    </figure>
  );
}

/** Step by step through a coupling layer (beyond the lecture): one pass both ways. */
export function CouplingSteps() {
  const dim = useLabStore((s) => s.params.dim);
  const direction = useLabStore((s) => s.params.direction);
  const seed = useLabStore((s) => s.params.seed);
  const stackLayers = useLabStore((s) => s.params.layers);
  const client = useStepsClient();
  const [stack, setStack] = useState(false);
  const [chosenLayer, setChosenLayer] = useState(0);
  const [draw, setDraw] = useState(0);
  const K = stack ? stackLayers : 1;
  const request = useMemo<StepsModelRequest>(() => ({ dim, layers: K, seed }), [dim, K, seed]);
  const model = useAsync(client, request, fetchModel);
  const weights = model.value?.weights ?? null;
  const names = sideNames(direction);
  const point = useMemo(() => startingPoint(direction, dim, seed, draw), [direction, dim, seed, draw]);
  const trace = useMemo(
    () => (weights ? traceCouplingFlow(weights, direction === 'sample' ? 'sample' : 'density', point) : null),
    [weights, direction, point],
  );
  const layerIndex = Math.min(chosenLayer, K - 1);
  const layer = trace?.layers.find((l) => l.layerIndex === layerIndex) ?? null;
  const stepper = useStepper(1, `coupling|${direction}|${dim}|${K}|${layerIndex}|${seed}`);
  const position = stepper.position;
  const counter = couplingPassCounter(position);
  const stackTotal = `whole flow: ${plural(K, 'layer')} × 1 = ${plural(K, 'network pass', 'network passes')}`;
  const computedOrder = Array.from({ length: K }, (_, s) => (direction === 'invert' ? s : K - 1 - s));
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
      <StepsControls
        stackLayers={stackLayers}
        stack={stack}
        onStack={(on) => {
          setStack(on);
          setChosenLayer(on && direction === 'sample' ? stackLayers - 1 : 0);
        }}
        layerIndex={layerIndex}
        computedOrder={computedOrder}
        onLayer={setChosenLayer}
        onNewPoint={() => setDraw((d) => d + 1)}
      />
      <StepperBar stepper={stepper} total={1} counter={counter} stackTotal={stackTotal} disabled={!layer} />
      {!client ? (
        <p className="muted">Waiting for the compute worker…</p>
      ) : model.error ? (
        <p role="alert">The flow could not be fitted: {model.error}</p>
      ) : !model.value ? (
        <p className="muted" aria-live="polite">
          Fitting a {K}-layer coupling flow to the {dim}-dimensional Gaussian mixture by maximum
          likelihood (one network pass per layer)…
        </p>
      ) : (
        <div className="steps-model-status" data-testid="model-fit" data-kind="coupling">
          <p className="muted">
            {K}-layer affine coupling flow fitted to a {dim}-dimensional Gaussian mixture by maximum
            likelihood, {model.value.trainedSteps} steps of 256 points. Held-out NLL{' '}
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
            <CouplingGraph spec={spec} counter={counter} summary={summary} />
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
