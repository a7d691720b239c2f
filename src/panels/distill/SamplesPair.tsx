import { useCallback } from 'react';
import type { PlotStyle } from '../../viz/style';
import type { ViewBox } from '../../viz/plot-transform';
import { plotTransform } from '../../viz/plot-transform';
import { DATA_STYLE, MODEL_STYLE, drawFrame, drawScatter, type ScatterStyle } from '../../viz/scatter';
import { PlotCanvas } from '../density/PlotCanvas';

interface SampleCloudProps {
  title: string;
  label: string;
  points: Float32Array;
  view: ViewBox;
  style: ScatterStyle;
}

/** One sample cloud on the plot's view box. */
function SampleCloud({ title, label, points, view, style }: SampleCloudProps) {
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, width: number, height: number, plotStyle: PlotStyle) => {
      const transform = plotTransform(view, width, height);
      drawFrame(ctx, transform, plotStyle);
      drawScatter(ctx, points, transform, style, plotStyle);
    },
    [points, view, style],
  );
  return (
    <figure className="plot">
      <figcaption>{title}</figcaption>
      <PlotCanvas className="plot-square plot-light" label={label} draw={draw} />
    </figure>
  );
}

/** Teacher samples (blue discs) and student samples (orange crosses) from the same noise. */
export function SamplesPair({ teacher, student, view }: { teacher: Float32Array; student: Float32Array; view: ViewBox }) {
  return (
    <>
      <SampleCloud
        title="Teacher samples (MAF), for display only"
        label={`${teacher.length / 2} teacher samples (blue discs), drawn sequentially (D passes per layer) for display only: never used in training by KL(student ‖ teacher)`}
        points={teacher}
        view={view}
        style={DATA_STYLE}
      />
      <SampleCloud
        title="Student samples (IAF)"
        label={`${student.length / 2} student samples (orange crosses) from the same noise, drawn in one pass per layer`}
        points={student}
        view={view}
        style={MODEL_STYLE}
      />
    </>
  );
}
