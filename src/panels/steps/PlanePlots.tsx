import { useCallback, useMemo, type PointerEvent } from 'react';
import type { PlotStyle } from '../../viz/style';
import type { LayerTrace } from '../../core/flow/trace';
import { plotTransform, type ViewBox } from '../../viz/plot-transform';
import { DATA_STYLE, MODEL_STYLE } from '../../viz/scatter';
import { cloudView } from '../../viz/small-multiples';
import { drawStepPlane, type ConditionalSpec, type PlaneScene } from '../../viz/step-plane';
import { PlotCanvas } from '../density/PlotCanvas';
import type { LayerClouds } from './layer-clouds';
import type { VariableName } from './steps-trace';

interface PlanePlotsProps {
  layer: LayerTrace;
  position: number;
  clouds: LayerClouds;
  input: VariableName;
  /** Draw N(μ_i, e^{2α_i}) of the step's coordinate along its slice (MAF sampling). */
  showConditional: boolean;
  /** A new layer input from the pointer (data coordinates of the input plane). */
  onLayerInput: (point: [number, number]) => void;
}

const BASE_BOX: ViewBox = { x0: -3.2, x1: 3.2, y0: -3.2, y1: 3.2 };

function union(a: ViewBox, b: ViewBox): ViewBox {
  return {
    x0: Math.min(a.x0, b.x0),
    x1: Math.max(a.x1, b.x1),
    y0: Math.min(a.y0, b.y0),
    y1: Math.max(a.y1, b.y1),
  };
}

/** The clouds on the layer's x side and z side: the data pushed up to its input and output. */
function sideClouds(clouds: LayerClouds, layerIndex: number): { x: Float32Array; z: Float32Array } {
  const s = clouds.toBase.findIndex((stage) => stage.layerIndex === layerIndex);
  return { x: clouds.toBase[s - 1].points, z: clouds.toBase[s].points };
}

function conditionalOf(layer: LayerTrace, position: number): ConditionalSpec | null {
  const step = layer.steps[position - 1];
  if (!step || layer.direction !== 'sequential') return null;
  const variable = step.variables[0] as 0 | 1;
  const other = step.state[1 - variable];
  return {
    variable,
    slice: Number.isFinite(other) ? other : null,
    mu: step.mu[0],
    sigma: Math.exp(step.alpha[0]),
  };
}

/** D = 2: the base plane (z) and the data plane (x) of the walked layer, with the point being computed. */
export function PlanePlots({
  layer,
  position,
  clouds,
  input,
  showConditional,
  onLayerInput,
}: PlanePlotsProps) {
  const sides = useMemo(() => sideClouds(clouds, layer.layerIndex), [clouds, layer.layerIndex]);
  const views = useMemo(
    () => ({ z: union(cloudView(sides.z), BASE_BOX), x: cloudView(sides.x, 0.005, 0.2) }),
    [sides],
  );
  const scenes = useMemo(() => {
    const state = position > 0 ? layer.steps[position - 1].state : [Number.NaN, Number.NaN];
    const scene = (side: VariableName): PlaneScene => ({
      cloud: sides[side],
      cloudStyle: side === 'x' ? { ...DATA_STYLE, alpha: 0.25 } : { ...MODEL_STYLE, alpha: 0.25 },
      rings: side === 'z',
      point: side === input ? [layer.input[0], layer.input[1]] : [state[0], state[1]],
      conditional: side !== input && showConditional ? conditionalOf(layer, position) : null,
    });
    return { z: scene('z'), x: scene('x') };
  }, [layer, position, sides, input, showConditional]);
  const zScene = scenes.z;
  const xScene = scenes.x;
  const drawZ = useCallback(
    (ctx: CanvasRenderingContext2D, w: number, h: number, style: PlotStyle) =>
      drawStepPlane(ctx, plotTransform(views.z, w, h), zScene, style),
    [views, zScene],
  );
  const drawX = useCallback(
    (ctx: CanvasRenderingContext2D, w: number, h: number, style: PlotStyle) =>
      drawStepPlane(ctx, plotTransform(views.x, w, h), xScene, style),
    [views, xScene],
  );
  const pointer = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.type === 'pointermove' && event.buttons === 0) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const t = plotTransform(input === 'z' ? views.z : views.x, rect.width, rect.height);
    onLayerInput(t.toData(event.clientX - rect.left, event.clientY - rect.top));
  };
  const interactive = {
    onPointerDown: pointer,
    onPointerMove: pointer,
    className: 'steps-plane-canvas interactive',
  };
  const fmt = (p: readonly [number, number]) =>
    p.map((v) => (Number.isFinite(v) ? v.toFixed(2) : '?')).join(', ');
  const layerName = `layer ${layer.layerIndex + 1}`;
  return (
    <div className="steps-planes">
      <figure>
        <figcaption>
          Base side z of {layerName}
          {input === 'z' ? ' — drag to move z' : ''}
        </figcaption>
        <PlotCanvas
          label={`Base plane: z = (${fmt(zScene.point)})`}
          draw={drawZ}
          {...(input === 'z' ? interactive : { className: 'steps-plane-canvas' })}
        />
      </figure>
      <figure>
        <figcaption>
          Data side x of {layerName}
          {input === 'x' ? ' — click to choose x' : ''}
        </figcaption>
        <PlotCanvas
          label={`Data plane: x = (${fmt(xScene.point)})`}
          draw={drawX}
          {...(input === 'x' ? interactive : { className: 'steps-plane-canvas' })}
        />
      </figure>
    </div>
  );
}
