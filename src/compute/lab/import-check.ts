/**
 * The last check of an imported model, after the file itself validated: its log-density must
 * be finite on the grids the lab will draw it on (the view at the idle and the live
 * resolution). Finite float32 weights can still overflow inside the layers (3e38 weights give
 * a blank density); such a model is refused with the reason, before it replaces anything.
 */
import { flowFromModel } from '../flow/build-flow';
import { parseAnyModelText } from '../../core/flow/model-file';
import type { FlowModel } from '../../core/flow/flow-spec';
import type { ViewBox } from '../../core/datasets';
import { densityGridProblem } from '../../core/validation';
import { evaluateInChunks, gridPoints } from './grid';
import type { LabGridCells } from './protocol';

/** Null when the model's log-density is finite on every grid point, else the reason. */
async function importedDensityProblem(
  model: FlowModel,
  view: ViewBox,
  cells: LabGridCells,
): Promise<string | null> {
  const flow = flowFromModel(model, false);
  try {
    for (const n of [cells.idle, cells.live]) {
      const grid = { ...view, nx: n, ny: n };
      const logDensity = await evaluateInChunks(gridPoints(grid), (x) => flow.logProb(x));
      const problem = densityGridProblem(logDensity, grid);
      if (problem) return problem;
    }
    return null;
  } finally {
    flow.dispose();
  }
}

/** The model of a file the lab can show (2-D, finite density on the view), or throws naming the problem. */
export async function readImportedModel(text: string, view: ViewBox, cells: LabGridCells) {
  const loaded = parseAnyModelText(text); // throws ModelFormatError naming the problem
  if (loaded.weights.config.dim !== 2) throw new Error(`the lab shows 2-D models; this file has dim ${loaded.weights.config.dim}`);
  const problem = await importedDensityProblem(loaded, view, cells);
  if (problem) throw new Error(problem);
  return loaded;
}
