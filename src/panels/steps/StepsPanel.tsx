import { useMemo, useState } from 'react';
import type { StepsModelRequest } from '../../compute/steps/protocol';
import type { EquationContext } from '../../content/equations';
import type { FlowKind } from '../../core/flow/config';
import { useLabStore } from '../../state/lab-store';
import type { DagSpec } from '../../viz/dag';
import { PanelFrame } from '../PanelFrame';
import { CouplingSteps } from './CouplingSteps';
import { DependencyGraph } from './DependencyGraph';
import { JacobianView } from './JacobianView';
import { layerClouds } from './layer-clouds';
import { LayersView } from './LayersView';
import { PlanePlots } from './PlanePlots';
import { ModelStatus } from './ModelStatus';
import { StepEquations } from './StepEquations';
import { StepperBar } from './StepperBar';
import { StepsControls } from './StepsControls';
import {
  computedVariables,
  flowInputFor,
  flowTrace,
  isParallelDirection,
  layerTraceOf,
  passCounterText,
  readerSide,
  sideNames,
  startingPoint,
} from './steps-trace';
import { TradeoffTable } from './TradeoffTable';
import { useStepper } from './use-stepper';
import { AUTOREGRESSIVE_FITS, useStepsModel } from './use-steps-model';
import { stackTotalText, useStepsWalk } from './use-steps-walk';
import './steps.css';

const CLOUD_POINTS = 300;

/** The step-by-step panel: an autoregressive layer (MAF, IAF) or a coupling layer. */
export function StepsPanel() {
  const kind = useLabStore((s) => s.params.flow);
  return kind === 'coupling' ? <CouplingSteps /> : <AutoregressiveSteps kind={kind} />;
}

/** Step by step through one autoregressive layer: MAF versus IAF, sampling versus inversion. */
function AutoregressiveSteps({ kind }: { kind: FlowKind }) {
  const { dim, direction, seed, client, K, layerIndex, draw, setChosenLayer, controls } = useStepsWalk();
  const [custom, setCustom] = useState<{ key: string; point: number[] } | null>(null);

  const request = useMemo<StepsModelRequest>(
    () => ({ kind, dim, layers: K, seed }),
    [kind, dim, K, seed],
  );
  const model = useStepsModel(client, request, AUTOREGRESSIVE_FITS);
  const weights = model.value?.weights ?? null;
  const parallel = isParallelDirection(kind, direction);
  const names = useMemo(() => sideNames(direction), [direction]);

  const pointKey = `${dim}|${direction}|${seed}|${draw}|${K}`;
  const point = useMemo(
    () => (custom?.key === pointKey ? custom.point : startingPoint(direction, dim, seed, draw)),
    [custom, pointKey, direction, dim, seed, draw],
  );
  const trace = useMemo(
    () => (weights ? flowTrace(weights, kind, direction, point) : null),
    [weights, kind, direction, point],
  );
  const clouds = useMemo(
    () => (weights ? layerClouds(weights, kind, CLOUD_POINTS, seed) : null),
    [weights, kind, seed],
  );
  const layer = trace ? layerTraceOf(trace, layerIndex) : null;
  const total = layer?.steps.length ?? (parallel ? 1 : dim);
  const stepper = useStepper(total, `${kind}|${direction}|${dim}|${K}|${layerIndex}|${seed}`);
  const position = stepper.position;

  const ctx = useMemo<EquationContext | null>(
    () => (layer ? { kind, direction, layer, ...names } : null),
    [layer, kind, direction, names],
  );
  const order = useMemo(
    () => weights?.layers[layerIndex].structure.order ?? [],
    [weights, layerIndex],
  );
  const dagSpec = useMemo<DagSpec>(
    () => ({ dim, order, reader: readerSide(kind), input: names.input, parallel, position }),
    [dim, order, kind, names.input, parallel, position],
  );
  const counter = layer
    ? passCounterText(layer, position)
    : parallel
      ? 'network passes: 0'
      : `network passes: 0 of ${dim}`;
  const perLayer = parallel ? 1 : dim;
  const stackTotal = stackTotalText(K, perLayer);
  const computed = layer
    ? computedVariables(layer, position).map((i) => `${names.output}${i + 1}`)
    : [];
  const summary = `${kind.toUpperCase()} ${direction === 'sample' ? 'sampling' : 'inversion'}, layer ${layerIndex + 1}: ${counter}; ${computed.length > 0 ? `${computed.join(', ')} computed` : 'nothing computed yet'}`;

  const setLayerInput = (u: [number, number]) => {
    if (weights)
      setCustom({ key: pointKey, point: flowInputFor(weights, kind, direction, layerIndex, u) });
  };

  return (
    <PanelFrame title="Step by step: MAF versus IAF" className="panel-steps">
      <StepsControls {...controls(!parallel)} />
      <StepperBar
        stepper={stepper}
        total={total}
        counter={counter}
        stackTotal={stackTotal}
        disabled={!layer}
      />
      <ModelStatus
        client={client}
        pending={model.pending}
        loadingPreset={model.loadingPreset}
        error={model.error}
        info={model.value}
        kind={kind}
        K={K}
        dim={dim}
      />
      {weights && trace && layer && ctx && clouds && (
        <>
          <div className="steps-main">
            <DependencyGraph spec={dagSpec} counter={counter} summary={summary} />
            <StepEquations ctx={ctx} trace={trace} position={position} layers={K} />
          </div>
          {dim === 2 && (
            <PlanePlots
              layer={layer}
              position={position}
              clouds={clouds}
              input={names.input}
              showConditional={kind === 'maf' && direction === 'sample'}
              onLayerInput={setLayerInput}
            />
          )}
          <div className="steps-lower">
            <JacobianView
              client={client}
              weights={weights}
              layer={layer}
              input={names.input}
              output={names.output}
            />
            <LayersView
              clouds={clouds}
              dim={dim}
              selectedLayer={layerIndex}
              onSelect={setChosenLayer}
            />
          </div>
        </>
      )}
      <TradeoffTable client={client} dim={dim} layers={K} ready={weights !== null} />
    </PanelFrame>
  );
}
