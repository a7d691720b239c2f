import type { PlaneData } from './gaussianize-data';
import { CloudPlot, DensityHeatmap } from './PlanePlots';
import { plural } from '../../core/plural';

interface BackViewProps {
  plane: PlaneData;
  iteration: number;
  back: { samples: Float32Array; logDensity: Float32Array } | null;
}

/** Samples of N(0, I) run backwards through the stack, beside the data, and the stack's density. */
export function BackView({ plane, iteration, back }: BackViewProps) {
  const n = plane.points.length / 2;
  return (
    <div className="gauss-triple" data-back-iteration={back ? iteration : ''}>
      <CloudPlot
        title={`Data (${n} points)`}
        label={`Scatter plot of ${n} points of ${plane.label}`}
        view={plane.view}
        points={plane.points}
      />
      <CloudPlot
        title={`N(0, I) pushed back through ${iteration} iteration${iteration === 1 ? '' : 's'}`}
        label={`Scatter plot of ${n} samples x = T⁻¹(z), z from N(0, I), through the first ${plural(iteration, 'iteration')} of the stack`}
        view={plane.view}
        points={back?.samples ?? null}
        model
      />
      <DensityHeatmap
        title="The stack’s density p(x) = N(T(x); 0, I)·|det ∂T/∂x|"
        label={`Heatmap of the density of the ${iteration}-iteration stack by the change of variables over the data’s view`}
        view={plane.view}
        logDensity={back?.logDensity ?? null}
      />
    </div>
  );
}
